/**
 * The one definition of the inventory: what the collectors saw of one or more accounts, as plain
 * JSON. The TypeScript types (`src/model/inventory.ts`), the validator of saved inventories and
 * the shipped `schema/inventory.schema.json` are all derived from it, so they cannot disagree.
 *
 * Field names are ours (camelCase), not the SDK's: the inventory must not change shape when the
 * SDK does. Every list and map below has a default (empty) and every service a default (nothing):
 * a file may leave them out and the reader fills them in, so the types the rules see are
 * complete. A field added later is declared with `Added`: absent means "not collected".
 *
 * Only the build, the tests and `--save-inventory` load this module (TypeBox costs start-up time).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { GAP_CLASSES } from './gap-class.js';
import { INVENTORY_FORMAT, INVENTORY_FORMAT_VERSIONS } from './inventory.js';

/** Schema options holding a description when there is one. */
const doc = (description?: string) => (description ? { description } : {});
const text = (description?: string) => Type.String(doc(description));
const integer = (description?: string, minimum?: number) => Type.Integer({ ...doc(description), ...(minimum === undefined ? {} : { minimum }) });
const boolean = (description?: string) => Type.Boolean(doc(description));

/** An object with exactly these properties. */
function Struct<P extends Record<string, TSchema>>(properties: P, description?: string) {
  return Type.Object(properties, { additionalProperties: false, ...doc(description) });
}

/** A named type of the inventory: one entry of `$defs` in the shipped schema. */
function Model<P extends Record<string, TSchema>>(name: string, properties: P, description?: string) {
  return Type.Object(properties, { additionalProperties: false, title: name, ...doc(description) });
}

/** A list a file may leave out when empty. */
function List<T extends TSchema>(items: T, description?: string) {
  return Type.Array(items, { default: [], ...doc(description) });
}

/** A map of strings a file may leave out when empty (tags, attributes). */
function StringMap(description?: string) {
  return Type.Unsafe<Record<string, string>>({ type: 'object', additionalProperties: { type: 'string' }, default: {}, ...doc(description) });
}

/** A service's lists: a region or account where the service has nothing may leave it out. */
function Service<P extends Record<string, TSchema>>(name: string, properties: P, description: string) {
  return Type.Object(properties, { additionalProperties: false, default: {}, title: name, description });
}

/** One of these strings (`enum`, whose error message lists the allowed values). */
function OneOf<const V extends readonly string[]>(values: V, description?: string) {
  return Type.Unsafe<V[number]>({ type: 'string', enum: values, ...doc(description) });
}

/**
 * A field added after format 2: optional, never filled in by the reader nor left out by the
 * writer, so that its absence means "not collected" (a file saved before ha-audit collected it).
 * A rule reading it calls `context.notCollected(resource, field)` when it is absent: `error`,
 * never a guessed `pass`. Defaults of the schema given are dropped for that reason.
 */
export function Added<T extends TSchema>(schema: T) {
  const { default: _ignored, ...rest } = schema as T & { default?: unknown };
  return Type.Optional(rest as unknown as T);
}

const Tags = StringMap('Resource tags, key to value.');

// ---------------------------------------------------------------- Elastic Load Balancing v2

const LoadBalancerType = OneOf(['application', 'network', 'gateway']);

const LoadBalancerAddress = Struct({
  ipAddress: Type.Optional(text('The public IPv4 address of an internet-facing Network Load Balancer in this zone.')),
  allocationId: Type.Optional(text('The Elastic IP of an internet-facing Network Load Balancer in this zone.')),
  privateIPv4Address: Type.Optional(text('The private address chosen for an internal Network Load Balancer in this zone.')),
  ipv6Address: Type.Optional(text()),
});

const LoadBalancerZone = Model('LoadBalancerZone', {
  zoneName: text(),
  subnetId: Type.Optional(text()),
  addresses: Added(
    List(LoadBalancerAddress, '`LoadBalancerAddresses` (Network Load Balancers): what `set-subnets` must give again to keep them.'),
  ),
});

const ListenerAction = Model('ListenerAction', {
  type: text('`forward`, `redirect`, `fixed-response`, `authenticate-oidc`, ...'),
  targetGroupArns: List(text(), 'Every target group the action forwards to (`TargetGroupArn` and `ForwardConfig`).'),
  forwardWeights: Added(
    List(
      Struct({ targetGroupArn: text(), weight: integer(undefined, 0) }),
      '`ForwardConfig.TargetGroups[].Weight` of a forward to several groups (weight-0 groups included; absent for a forward to one group).',
    ),
  ),
});

const ListenerRule = Model('ListenerRule', { arn: text(), priority: text(), actions: List(ListenerAction) });

const Listener = Model('Listener', {
  arn: text(),
  port: Type.Optional(integer()),
  protocol: Type.Optional(text()),
  defaultActions: List(ListenerAction),
  rules: List(ListenerRule, 'Non-default rules from `DescribeRules` (the default rule repeats `defaultActions`).'),
});

const LoadBalancer = Model('LoadBalancer', {
  arn: Type.String({ pattern: '^\\S' }),
  name: text(),
  type: LoadBalancerType,
  dnsName: text(),
  canonicalHostedZoneId: Added(text('`CanonicalHostedZoneId`: the hosted zone of an alias record to the load balancer.')),
  scheme: text('`internet-facing` or `internal`.'),
  vpcId: Type.Optional(text()),
  state: Type.Optional(text('`active`, `provisioning`, `active_impaired`, `failed`.')),
  availabilityZones: List(LoadBalancerZone),
  attributes: StringMap('`DescribeLoadBalancerAttributes`, as key/value strings exactly as the API returns them.'),
  listeners: List(Listener),
  tags: Tags,
});

const TargetType = OneOf(['instance', 'ip', 'lambda', 'alb']);

const HealthCheck = Model('HealthCheck', {
  enabled: boolean(),
  protocol: Type.Optional(text()),
  port: Type.Optional(text()),
  path: Type.Optional(text()),
  intervalSeconds: Type.Optional(integer(undefined, 1)),
  timeoutSeconds: Type.Optional(integer(undefined, 1)),
  healthyThreshold: Type.Optional(integer(undefined, 1)),
  unhealthyThreshold: Type.Optional(integer(undefined, 1)),
});

const Target = Model('Target', {
  id: text('Instance id, IP address, Lambda function ARN or ALB ARN.'),
  port: Type.Optional(integer()),
  state: text('`healthy`, `unhealthy`, `initial`, `unused`, `draining`, `unavailable`.'),
  reason: Type.Optional(text()),
  availabilityZone: Type.Optional(
    text(
      '`AvailabilityZone` as `DescribeTargetHealth` reports it (IP targets; `all` for an address outside the VPC or a Lambda function). ' +
        "Instance zones come from `ec2.instances`; the engine resolves every target's zone (`RegionScope.targetPlacement`).",
    ),
  ),
});

const TargetGroup = Model('TargetGroup', {
  arn: Type.String({ pattern: '^\\S' }),
  name: text(),
  targetType: TargetType,
  protocol: Type.Optional(text()),
  port: Type.Optional(integer()),
  vpcId: Type.Optional(text()),
  loadBalancerArns: List(text(), 'Load balancers that route to this group through any listener or rule.'),
  healthCheck: HealthCheck,
  attributes: StringMap('`DescribeTargetGroupAttributes`, as key/value strings exactly as the API returns them.'),
  targets: List(Target),
  tags: Tags,
});

const Elbv2Inventory = Service('Elbv2Inventory', { loadBalancers: List(LoadBalancer), targetGroups: List(TargetGroup) }, 'Elastic Load Balancing v2.');

// ---------------------------------------------------------------- Auto Scaling

const ScalingPolicy = Model('ScalingPolicy', {
  name: text(),
  type: text('`SimpleScaling`, `StepScaling`, `TargetTrackingScaling`, `PredictiveScaling`.'),
  enabled: boolean(),
  alarms: Added(List(text(), 'Names of the CloudWatch alarms that invoke it: a step or simple policy without one never runs.')),
  predictiveMode: Added(
    text('Predictive policies: `PredictiveScalingConfiguration.Mode`, `ForecastOnly` (the default, which never changes capacity) or `ForecastAndScale`.'),
  ),
});

const AutoScalingGroup = Model('AutoScalingGroup', {
  arn: text(),
  name: text(),
  minSize: integer(undefined, 0),
  maxSize: integer(undefined, 0),
  desiredCapacity: integer(undefined, 0),
  availabilityZones: List(text()),
  subnetIds: List(text(), 'Subnet ids of `VPCZoneIdentifier`.'),
  healthCheckTypes: List(text(), 'Comma-separated in the API (`EC2`, `ELB`, `EC2,EBS`...), split here.'),
  healthCheckGracePeriod: Type.Optional(integer(undefined, 0)),
  loadBalancerNames: List(text(), 'Classic load balancers.'),
  targetGroupArns: List(text()),
  trafficSources: List(Struct({ identifier: text(), type: Type.Optional(text()) }), '`TrafficSources` identifiers (target group ARNs, VPC Lattice, ...).'),
  instances: List(Struct({ id: text(), availabilityZone: text(), lifecycleState: Type.Optional(text()), healthStatus: Type.Optional(text()) })),
  scalingPolicies: List(ScalingPolicy),
  suspendedProcesses: Added(List(text(), '`SuspendedProcesses` by name (`Launch`, `ReplaceUnhealthy`, `AZRebalance`...).')),
  availabilityZoneImpairmentPolicy: Added(
    Struct(
      { zonalShiftEnabled: boolean(), impairedZoneHealthCheckBehavior: Type.Optional(text('`ReplaceUnhealthy` or `IgnoreUnhealthy`.')) },
      '`AvailabilityZoneImpairmentPolicy` (zonal shift off when the API gives none).',
    ),
  ),
  tags: Tags,
  capacityDistributionStrategy: Added(text('`AvailabilityZoneDistribution.CapacityDistributionStrategy`: `balanced-best-effort` (the default) or `balanced-only`.')),
});

const AutoScalingInventory = Service('AutoScalingInventory', { groups: List(AutoScalingGroup) }, 'Auto Scaling.');

// ---------------------------------------------------------------- EC2

const Ec2Instance = Model('Ec2Instance', { id: text(), availabilityZone: text(), state: Type.Optional(text()) });

const Subnet = Model('Subnet', {
  id: text(),
  vpcId: text(),
  availabilityZone: text(),
  availabilityZoneId: Type.Optional(text()),
  cidrBlock: Type.Optional(text()),
});

const Ec2Inventory = Service(
  'Ec2Inventory',
  {
    instances: List(Ec2Instance, 'The instances registered as load-balancer targets (for their zones), not every instance.'),
    subnets: List(Subnet),
    availabilityZones: Added(
      List(Struct({ zoneName: text(), zoneId: text() }), '`DescribeAvailabilityZones`: the zone names of the account in the region, with their physical zone ids (`use1-az1`).'),
    ),
  },
  'EC2.',
);

// ---------------------------------------------------------------- Route 53 (global)

const AliasTarget = Model('AliasTarget', {
  hostedZoneId: text(),
  dnsName: text('As the API returns it: `dualstack.my-alb-1234.us-east-1.elb.amazonaws.com.`'),
  evaluateTargetHealth: boolean(),
});

const DnsRecord = Model(
  'DnsRecord',
  {
    name: text('Decoded (`\\052` → `*`), lower case, without the trailing dot: `*.example.com`.'),
    type: text('`A`, `AAAA`, `CNAME`, ...'),
    setIdentifier: Type.Optional(text()),
    ttl: Type.Optional(integer()),
    values: List(text(), '`ResourceRecords` values.'),
    aliasTarget: Type.Optional(AliasTarget),
    healthCheckId: Type.Optional(text()),
    weight: Type.Optional(integer('Weighted routing.')),
    region: Type.Optional(text('Latency routing: the AWS region of this record.')),
    failover: Type.Optional(OneOf(['PRIMARY', 'SECONDARY'], 'Failover routing.')),
    geoLocation: Type.Optional(
      Struct(
        { continentCode: Type.Optional(text()), countryCode: Type.Optional(text()), subdivisionCode: Type.Optional(text()) },
        'Geolocation routing; `countryCode: "*"` is the default location.',
      ),
    ),
    geoProximityLocation: Type.Optional(
      Struct(
        {
          awsRegion: Type.Optional(text()),
          localZoneGroup: Type.Optional(text()),
          bias: Type.Optional(integer()),
          coordinates: Type.Optional(Struct({ latitude: text(), longitude: text() })),
        },
        'Geoproximity routing.',
      ),
    ),
    multiValueAnswer: Type.Optional(boolean()),
    cidrRoutingConfig: Type.Optional(Struct({ collectionId: text(), locationName: text() }, 'IP-based routing.')),
  },
  'One resource record set of `ListResourceRecordSets`.',
);

const HostedZone = Model('HostedZone', {
  id: text('Without the `/hostedzone/` prefix the API puts on it: `Z1D633PJN98FT9`.'),
  name: text('Decoded (`\\052` → `*`), lower case, without the trailing dot: `example.com`.'),
  privateZone: boolean(),
  records: List(DnsRecord),
});

const Route53HealthCheck = Model(
  'Route53HealthCheck',
  {
    id: text(),
    type: text('`HTTP`, `HTTPS`, `HTTP_STR_MATCH`, `HTTPS_STR_MATCH`, `TCP`, `CALCULATED`, `CLOUDWATCH_METRIC`, `RECOVERY_CONTROL`.'),
    fqdn: Type.Optional(text()),
    ipAddress: Type.Optional(text()),
    port: Type.Optional(integer()),
    resourcePath: Type.Optional(text()),
    requestInterval: Type.Optional(integer()),
    failureThreshold: Type.Optional(integer()),
    disabled: boolean('Always reported healthy while disabled.'),
    inverted: boolean('Healthy when the endpoint is down, and the reverse.'),
    childHealthChecks: Type.Optional(Type.Array(text())),
    healthThreshold: Type.Optional(integer()),
  },
  'One health check of `ListHealthChecks`, with its `HealthCheckConfig`.',
);

const Route53Inventory = Service(
  'Route53Inventory',
  { hostedZones: List(HostedZone), healthChecks: List(Route53HealthCheck) },
  'Route 53 is global: collected once per account, whatever the regions.',
);

// ---------------------------------------------------------------- RDS and Aurora

const DbInstance = Model('DbInstance', {
  id: text('`DBInstanceIdentifier`.'),
  arn: text(),
  engine: text('`mysql`, `postgres`, `aurora-mysql`, `aurora-postgresql`, `sqlserver-se`, ...'),
  instanceClass: Type.Optional(text()),
  status: Type.Optional(text()),
  multiAz: boolean(),
  availabilityZone: Type.Optional(text()),
  secondaryAvailabilityZone: Type.Optional(text()),
  clusterId: Type.Optional(text('`DBClusterIdentifier`: set on Aurora members and on members of Multi-AZ DB clusters.')),
  readReplicaSourceInstanceId: Type.Optional(text('`ReadReplicaSourceDBInstanceIdentifier`.')),
  readReplicaSourceClusterId: Type.Optional(text('`ReadReplicaSourceDBClusterIdentifier`.')),
  backupRetentionPeriod: integer(),
  tags: Tags,
});

const DbCluster = Model('DbCluster', {
  id: text('`DBClusterIdentifier`.'),
  arn: text(),
  engine: text(),
  engineMode: Type.Optional(text('`provisioned`, `serverless`, `parallelquery`, `global`, `multimaster`.')),
  status: Type.Optional(text()),
  multiAz: boolean(),
  availabilityZones: List(text(), "Zones the cluster's storage spans (not where its instances run)."),
  members: List(Struct({ instanceId: text(), isWriter: boolean() })),
  backupRetentionPeriod: integer(),
  replicationSourceIdentifier: Type.Optional(text('`ReplicationSourceIdentifier`: a cross-region read replica cluster.')),
  globalClusterId: Type.Optional(text('`GlobalClusterIdentifier`: a member of an Aurora global database.')),
  tags: Tags,
});

const RdsInventory = Service('RdsInventory', { instances: List(DbInstance), clusters: List(DbCluster) }, 'RDS and Aurora.');

// ---------------------------------------------------------------- ElastiCache

const ReplicationGroup = Model('ReplicationGroup', {
  id: text(),
  arn: text(),
  engine: Type.Optional(text('`redis` or `valkey`.')),
  status: Type.Optional(text()),
  automaticFailover: text('`enabled`, `disabled`, `enabling`, `disabling`.'),
  multiAz: text('`enabled`, `disabled`.'),
  clusterMode: Type.Optional(text()),
  memberClusters: List(text()),
  nodeGroups: List(
    Struct({
      id: text(),
      members: List(Struct({ cacheClusterId: text(), availabilityZone: Type.Optional(text()), role: Type.Optional(text()) })),
    }),
  ),
});

const CacheCluster = Model('CacheCluster', {
  id: text(),
  arn: text(),
  engine: text('`redis`, `valkey`, `memcached`.'),
  status: Type.Optional(text()),
  numNodes: integer(),
  availabilityZone: Type.Optional(text()),
  replicationGroupId: Type.Optional(text()),
  nodeZones: Added(List(text(), 'The zone of each cache node (`CacheNodes[].CustomerAvailabilityZone`).')),
});

const ServerlessCache = Model('ServerlessCache', { name: text(), arn: text(), engine: text(), status: Type.Optional(text()) });

const ElastiCacheInventory = Service(
  'ElastiCacheInventory',
  { replicationGroups: List(ReplicationGroup), cacheClusters: List(CacheCluster), serverlessCaches: List(ServerlessCache) },
  'ElastiCache.',
);

// ---------------------------------------------------------------- DynamoDB

const DynamoDbTable = Model('DynamoDbTable', {
  name: text(),
  arn: text(),
  status: Type.Optional(text()),
  billingMode: Type.Optional(text('`PROVISIONED` or `PAY_PER_REQUEST`.')),
  replicaRegions: List(text(), "Regions of a global table's replicas (other than this one)."),
  pointInTimeRecovery: text('`PointInTimeRecoveryStatus` of `DescribeContinuousBackups`: `ENABLED` or `DISABLED` (`UNKNOWN` when it could not be read).'),
  recoveryPeriodInDays: Type.Optional(integer()),
});

const DynamoDbInventory = Service('DynamoDbInventory', { tables: List(DynamoDbTable) }, 'DynamoDB.');

// ---------------------------------------------------------------- The whole

const Gap = Model(
  'Gap',
  {
    accountId: text(),
    region: text('The region, or `global` for Route 53.'),
    service: text('Our service id: `elbv2`, `autoscaling`, `ec2`, `sts`, `route53`, `rds`, ...'),
    operation: text(),
    code: text('The AWS error code (`AccessDenied`, `UnauthorizedOperation`...) or a network error code.'),
    message: text(),
    class: Type.Optional(OneOf(GAP_CLASSES, 'What kind of failure (`classifyGap`), set where the gap is recorded; inventories saved before it existed get it when read.')),
  },
  'Something the collectors could not see.',
);

const SkippedAccount = Model(
  'SkippedAccount',
  {
    accountId: Type.String({ pattern: '^[0-9]{12}$' }),
    name: Type.Optional(text("The account's name in the organisation.")),
    state: text('Its `State` in `ListAccounts`: `SUSPENDED`, `PENDING_CLOSURE`, `CLOSED`, `PENDING_ACTIVATION` (AWS answers no call of such an account).'),
  },
  'An account of the organisation that `--org` listed and did not scan, and why.',
);

const RegionInventory = Model('RegionInventory', {
  region: Type.String({ pattern: '^\\S' }),
  elbv2: Elbv2Inventory,
  autoscaling: AutoScalingInventory,
  ec2: Ec2Inventory,
  rds: RdsInventory,
  elasticache: ElastiCacheInventory,
  dynamodb: DynamoDbInventory,
});

const AccountInventory = Model('AccountInventory', {
  accountId: Type.String({ pattern: '^[0-9]{12}$' }),
  name: Added(
    text(
      "The account's name in the organisation (`ListAccounts`, with `--org`), else its alias (IAM `ListAccountAliases`). Absent when it has neither, when they could not be read, or in an inventory saved before ha-audit read them. Shown beside the id; no verdict reads it.",
    ),
  ),
  route53: Route53Inventory,
  regions: List(RegionInventory),
});

const AccountRegions = Model(
  'AccountRegions',
  {
    accountId: Type.String({ pattern: '^[0-9]{12}$' }),
    regions: List(text(), 'Regions of the account; `global` stands for Route 53.'),
  },
  'Regions of one account.',
);

const Shard = Model(
  'Shard',
  {
    scanId: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Shared by every shard of one scan: a hash of its scope (the accounts or organisation, the regions, the operations collected, the shard count). See docs/at-scale.md.' }),
    index: integer('This shard, from 1 to `count`.', 1),
    count: integer('How many shards the scan has.', 1),
    scope: List(AccountRegions, 'Every account of the scan and its regions, as this shard planned them; Route 53 (`global`) is one more pair per account.'),
    owns: List(AccountRegions, "This shard's share: the regions it collected of each account, `global` where it collected Route 53."),
  },
  'Which shard of which scan an inventory is (`scan --shard I/N`); `scan --inventory` of every shard evaluates them together.',
);

export const InventoryDefinition = Struct(
  {
    format: Type.Literal(INVENTORY_FORMAT),
    formatVersion: Type.Unsafe<(typeof INVENTORY_FORMAT_VERSIONS)[number]>({
      enum: INVENTORY_FORMAT_VERSIONS,
      description: '1: every service, list and map written out (ha-audit 1.0). 2: empty ones may be left out.',
    }),
    collectedAt: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T', description: 'When the collection finished (ISO 8601).' }),
    accounts: List(AccountInventory),
    gaps: List(Gap, 'Everything that could not be collected. A rule needing it gives `error`, not `pass`.'),
    shard: Added(Shard),
    skippedAccounts: Added(
      List(
        SkippedAccount,
        'With `--org`: the accounts of the organisation not scanned because they are not `ACTIVE` (empty when every account was). Absent for a scan without `--org` or an inventory saved before ha-audit recorded them.',
      ),
    ),
  },
  'What ha-audit collected of one or more AWS accounts (written by --save-inventory, read by --inventory).',
);

export type Inventory = Static<typeof InventoryDefinition>;
export type AccountInventory = Static<typeof AccountInventory>;
export type RegionInventory = Static<typeof RegionInventory>;
export type Tags = Static<typeof Tags>;
export type LoadBalancerType = Static<typeof LoadBalancerType>;
export type Elbv2Inventory = Static<typeof Elbv2Inventory>;
export type LoadBalancer = Static<typeof LoadBalancer>;
export type LoadBalancerZone = Static<typeof LoadBalancerZone>;
export type Listener = Static<typeof Listener>;
export type ListenerRule = Static<typeof ListenerRule>;
export type ListenerAction = Static<typeof ListenerAction>;
export type TargetType = Static<typeof TargetType>;
export type TargetGroup = Static<typeof TargetGroup>;
export type HealthCheck = Static<typeof HealthCheck>;
export type Target = Static<typeof Target>;
export type AutoScalingInventory = Static<typeof AutoScalingInventory>;
export type AutoScalingGroup = Static<typeof AutoScalingGroup>;
export type ScalingPolicy = Static<typeof ScalingPolicy>;
export type Ec2Inventory = Static<typeof Ec2Inventory>;
export type Ec2Instance = Static<typeof Ec2Instance>;
export type Subnet = Static<typeof Subnet>;
export type Route53Inventory = Static<typeof Route53Inventory>;
export type HostedZone = Static<typeof HostedZone>;
export type DnsRecord = Static<typeof DnsRecord>;
export type AliasTarget = Static<typeof AliasTarget>;
export type Route53HealthCheck = Static<typeof Route53HealthCheck>;
export type RdsInventory = Static<typeof RdsInventory>;
export type DbInstance = Static<typeof DbInstance>;
export type DbCluster = Static<typeof DbCluster>;
export type ElastiCacheInventory = Static<typeof ElastiCacheInventory>;
export type ReplicationGroup = Static<typeof ReplicationGroup>;
export type CacheCluster = Static<typeof CacheCluster>;
export type ServerlessCache = Static<typeof ServerlessCache>;
export type DynamoDbInventory = Static<typeof DynamoDbInventory>;
export type DynamoDbTable = Static<typeof DynamoDbTable>;
export type Gap = Static<typeof Gap>;
export type Shard = Static<typeof Shard>;
export type SkippedAccount = Static<typeof SkippedAccount>;
