/**
 * The AWS operations ha-audit calls, per service. Rules name the ones whose data they need
 * (`uses`), so that a gap in that data turns the rule's results into `error`, never `pass`.
 * Every name here is a read-only operation (Describe/List/Get): a test holds the collectors to it.
 */
export const OPERATIONS = {
  sts: ['GetCallerIdentity'],
  elbv2: [
    'DescribeLoadBalancers',
    'DescribeLoadBalancerAttributes',
    'DescribeListeners',
    'DescribeRules',
    'DescribeTargetGroups',
    'DescribeTargetGroupAttributes',
    'DescribeTargetHealth',
    'DescribeTags',
  ],
  autoscaling: ['DescribeAutoScalingGroups', 'DescribePolicies'],
  ec2: ['DescribeInstances', 'DescribeSubnets', 'DescribeAvailabilityZones', 'DescribeRegions'],
  route53: ['ListHostedZones', 'ListResourceRecordSets', 'ListHealthChecks'],
  rds: ['DescribeDBInstances', 'DescribeDBClusters'],
  elasticache: ['DescribeReplicationGroups', 'DescribeCacheClusters', 'DescribeServerlessCaches'],
  dynamodb: ['ListTables', 'DescribeTable', 'DescribeContinuousBackups'],
  organizations: ['ListAccounts'],
  // The account's alias, its name in every report when the organisation does not name it.
  iam: ['ListAccountAliases'],
} as const;

export type ServiceId = keyof typeof OPERATIONS;

/** The services collected in each region; Route 53 is collected once per account (`global`). */
export const REGIONAL_SERVICES: readonly ServiceId[] = ['elbv2', 'autoscaling', 'ec2', 'rds', 'elasticache', 'dynamodb'];

/** `service:Operation`, e.g. `elbv2:DescribeTargetHealth`. */
export type Operation = {
  [S in ServiceId]: `${S}:${(typeof OPERATIONS)[S][number]}`;
}[ServiceId];

/** What a path of the resilience model reads: a gap in one leaves the paths of that region unknown. */
export const MODEL_PATH_OPERATIONS = [
  'elbv2:DescribeLoadBalancers',
  'elbv2:DescribeLoadBalancerAttributes',
  'elbv2:DescribeListeners',
  'elbv2:DescribeRules',
  'elbv2:DescribeTargetGroups',
  'elbv2:DescribeTargetGroupAttributes',
  'elbv2:DescribeTargetHealth',
  'ec2:DescribeInstances',
  'ec2:DescribeSubnets',
] as const satisfies readonly Operation[];

/** What the model reads of Route 53: a gap in one leaves the account's record groups unknown. */
export const MODEL_DNS_OPERATIONS = ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'route53:ListHealthChecks'] as const satisfies readonly Operation[];

/**
 * What the resilience model reads (RESILIENCE.md): load balancers down to their targets' zones,
 * Auto Scaling groups (refill), zone ids, DNS, and the data stores. A scan that runs the model
 * collects these whatever `--rule` says; the `app-*` rules declare them as their `uses`.
 */
export const RESILIENCE_MODEL_OPERATIONS = [
  ...MODEL_PATH_OPERATIONS,
  'autoscaling:DescribeAutoScalingGroups',
  'ec2:DescribeAvailabilityZones',
  ...MODEL_DNS_OPERATIONS,
  'rds:DescribeDBInstances',
  'rds:DescribeDBClusters',
  'elasticache:DescribeReplicationGroups',
  'elasticache:DescribeCacheClusters',
  'elasticache:DescribeServerlessCaches',
  'dynamodb:ListTables',
  'dynamodb:DescribeTable',
] as const satisfies readonly Operation[];

/** The IAM action prefix of each service (ours say `elbv2`, IAM says `elasticloadbalancing`). */
export const IAM_PREFIX: Record<ServiceId, string> = {
  sts: 'sts',
  elbv2: 'elasticloadbalancing',
  autoscaling: 'autoscaling',
  ec2: 'ec2',
  route53: 'route53',
  rds: 'rds',
  elasticache: 'elasticache',
  dynamodb: 'dynamodb',
  organizations: 'organizations',
  iam: 'iam',
};

export function iamAction(service: string, operation: string): string {
  const prefix = (IAM_PREFIX as Record<string, string | undefined>)[service] ?? service;
  return `${prefix}:${operation}`;
}

export const READ_ONLY_OPERATION = /^(Describe|List|Get)[A-Z]/;

/**
 * The gap code of an operation a narrowed scan (`--rule`) did not collect: the saved inventory
 * says so, and a rule reading it later gives `error`, never a pass on data never asked for.
 */
export const NOT_COLLECTED = 'NotCollected';

/** The code of a gap left by a shard of a sharded scan that was not given to the evaluation (`scan --inventory` of the shards). */
export const MISSING_SHARD = 'MissingShard';
