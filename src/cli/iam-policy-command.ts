import { iamAction, OPERATIONS, type Operation, type ServiceId } from '../model/operations.js';

/** Operations a scan calls only with a flag of `scan`: in the policy only when the same flag asks for them. */
export const OPTIONAL_OPERATIONS = {
  'organizations:ListAccounts': 'org',
  'ec2:DescribeRegions': 'allRegions',
} as const satisfies Partial<Record<Operation, keyof IamPolicyOptions>>;

export interface IamPolicyOptions {
  /** `--org`: the scan lists the organisation's accounts. */
  org?: boolean;
  /** `--all-regions`: the scan lists the regions enabled for the account. */
  allRegions?: boolean;
}

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: [{ Sid: 'HaAuditReadOnly'; Effect: 'Allow'; Action: string[]; Resource: '*' }];
}

/**
 * The least-privilege policy of a scan: one IAM action per operation the collectors declare in
 * `OPERATIONS` (the list every AWS call is made under), so that it cannot drift from the code.
 */
export function iamPolicy(options: IamPolicyOptions = {}): IamPolicy {
  const operations = (Object.entries(OPERATIONS) as [ServiceId, readonly string[]][]).flatMap(([service, names]) => names.map((name) => `${service}:${name}` as Operation));
  const wanted = operations.filter((operation) => {
    const flag = (OPTIONAL_OPERATIONS as Partial<Record<Operation, keyof IamPolicyOptions>>)[operation];
    return flag === undefined || options[flag] === true;
  });
  const actions = [...new Set(wanted.map((operation) => iamAction(...(operation.split(':') as [string, string]))))].sort();
  return { Version: '2012-10-17', Statement: [{ Sid: 'HaAuditReadOnly', Effect: 'Allow', Action: actions, Resource: '*' }] };
}

/** `ha-audit iam-policy`: the policy as JSON, ready for `aws iam create-policy --policy-document file://...`. */
export function renderIamPolicy(options: IamPolicyOptions): string {
  return JSON.stringify(iamPolicy(options), null, 2) + '\n';
}
