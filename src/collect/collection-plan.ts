import { OPERATIONS, RESILIENCE_MODEL_OPERATIONS, type Operation, type ServiceId } from '../model/operations.js';

/**
 * What each operation needs collected first: the resources it is called for come from another
 * call (the target groups whose health is asked come from `DescribeTargetGroups`, the instances
 * whose zone is looked up from the targets of `DescribeTargetHealth`).
 */
export const OPERATION_NEEDS: Partial<Record<Operation, readonly Operation[]>> = {
  'elbv2:DescribeLoadBalancerAttributes': ['elbv2:DescribeLoadBalancers'],
  'elbv2:DescribeListeners': ['elbv2:DescribeLoadBalancers'],
  'elbv2:DescribeRules': ['elbv2:DescribeListeners'],
  'elbv2:DescribeTargetGroupAttributes': ['elbv2:DescribeTargetGroups'],
  'elbv2:DescribeTargetHealth': ['elbv2:DescribeTargetGroups'],
  'ec2:DescribeInstances': ['elbv2:DescribeTargetHealth'],
  'route53:ListResourceRecordSets': ['route53:ListHostedZones'],
  'dynamodb:DescribeTable': ['dynamodb:ListTables'],
  'dynamodb:DescribeContinuousBackups': ['dynamodb:ListTables'],
};

/** Operations called only for a flag of `scan` (`--org`, `--all-regions`), whatever the rules. */
export const FLAG_OPERATIONS: readonly Operation[] = ['organizations:ListAccounts', 'ec2:DescribeRegions'];

/**
 * The account's alias: its name in every report, called whatever the rules read (no rule does).
 * Not data for a verdict: a denied call leaves the account unnamed, it is no gap.
 */
export const ACCOUNT_NAME_OPERATION: Operation = 'iam:ListAccountAliases';

/** Every operation the collectors know, as `service:Operation`. */
export const ALL_OPERATIONS: readonly Operation[] = (Object.entries(OPERATIONS) as [ServiceId, readonly string[]][]).flatMap(([service, names]) =>
  names.map((name) => `${service}:${name}` as Operation),
);

/** The operations the resilience model reads when it runs (RESILIENCE.md). */
export const RESILIENCE_MODEL_USES: readonly Operation[] = RESILIENCE_MODEL_OPERATIONS;

export interface PlanOptions {
  /** The resilience model runs too (an `app-*` rule, `what-if`): its operations are added. */
  model: boolean;
  /** Tags of load balancers and target groups are wanted (a suppression matches by tag). */
  tags?: boolean;
}

/**
 * What a scan of these rules calls: the operations they read (`uses`), those of the resilience
 * model when it runs, and what those need first, plus STS `GetCallerIdentity` and the account's
 * alias (`ACCOUNT_NAME_OPERATION`), which every scan asks. An identity allowed exactly these (`ha-audit iam-policy --rule ...`) completes the scan.
 */
export function operationsFor(rules: readonly { uses: readonly Operation[] }[], options: PlanOptions): Set<Operation> {
  const wanted = new Set<Operation>(['sts:GetCallerIdentity', ACCOUNT_NAME_OPERATION]);
  const add = (operation: Operation) => {
    if (wanted.has(operation)) return;
    wanted.add(operation);
    for (const needed of OPERATION_NEEDS[operation] ?? []) add(needed);
  };
  for (const rule of rules) rule.uses.forEach(add);
  if (options.model) RESILIENCE_MODEL_USES.forEach(add);
  // Tags are read for the resources listed anyway; they do not make a scan list more.
  if (options.tags && (wanted.has('elbv2:DescribeLoadBalancers') || wanted.has('elbv2:DescribeTargetGroups'))) add('elbv2:DescribeTags');
  return wanted;
}
