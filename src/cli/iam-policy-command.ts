import { ACCOUNT_NAME_OPERATION, ALL_OPERATIONS, FLAG_OPERATIONS, operationsFor } from '../collect/collection-plan.js';
import { rulesNamed } from '../config/apply-config.js';
import { selectRules } from '../engine/select-rules.js';
import { iamAction, type Operation } from '../model/operations.js';

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
  /** `--rule`: the scan runs only these rules, and collects only what they read (`operationsFor`). */
  rules?: readonly { uses: readonly Operation[] }[];
}

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: [{ Sid: 'HaAuditReadOnly'; Effect: 'Allow'; Action: string[]; Resource: '*' }];
}

/**
 * The least-privilege policy of a scan: one IAM action per operation the collectors declare in
 * `OPERATIONS` (the list every AWS call is made under), so that it cannot drift from the code;
 * with `rules`, those a `scan --rule` of them collects.
 */
export function iamPolicy(options: IamPolicyOptions = {}): IamPolicy {
  const operations = options.rules ? [...operationsFor(options.rules, { model: false })] : ALL_OPERATIONS;
  const wanted = [...operations, ...FLAG_OPERATIONS].filter((operation) => {
    // `--org` names every account from `ListAccounts`: no alias is asked.
    if (operation === ACCOUNT_NAME_OPERATION) return options.org !== true;
    const flag = (OPTIONAL_OPERATIONS as Partial<Record<Operation, keyof IamPolicyOptions>>)[operation];
    return flag === undefined || options[flag] === true;
  });
  const actions = [...new Set(wanted.map((operation) => iamAction(...(operation.split(':') as [string, string]))))].sort();
  return { Version: '2012-10-17', Statement: [{ Sid: 'HaAuditReadOnly', Effect: 'Allow', Action: actions, Resource: '*' }] };
}

/** `ha-audit iam-policy`: the policy as JSON, ready for `aws iam create-policy --policy-document file://...`. */
export async function renderIamPolicy(options: { org?: boolean; allRegions?: boolean; rule?: readonly string[] }): Promise<string> {
  const { rule = [], ...flags } = options;
  // The rules are loaded only for `--rule`: their `uses` say what a narrowed scan collects.
  const rules = rulesNamed(rule) ? selectRules((await import('../../rules/index.js')).rules, rule) : undefined;
  return JSON.stringify(iamPolicy({ ...flags, ...(rules ? { rules } : {}) }), null, 2) + '\n';
}
