/**
 * The inventory: what the collectors saw of one or more accounts, as plain JSON-serialisable
 * data. `--save-inventory` writes it, `--inventory` reads it back, fixtures are made of it.
 * Field names are ours (camelCase), not the SDK's: the inventory must not change shape when
 * the SDK does. `schema/inventory.schema.json` describes the same structure for validation.
 */

export const INVENTORY_FORMAT = 'ha-audit-inventory';
export const INVENTORY_FORMAT_VERSION = 1;

export interface Inventory {
  format: typeof INVENTORY_FORMAT;
  formatVersion: typeof INVENTORY_FORMAT_VERSION;
  /** When the collection finished (ISO 8601). */
  collectedAt: string;
  accounts: AccountInventory[];
  /** Everything that could not be collected. A rule needing it gives `error`, not `pass`. */
  gaps: Gap[];
}

export interface AccountInventory {
  accountId: string;
  /** Route 53 is global: collected once per account, whatever the regions. */
  route53: Route53Inventory;
  regions: RegionInventory[];
}

/** The region of gaps and results about a global service (Route 53). */
export const GLOBAL_REGION = 'global';

export interface RegionInventory {
  region: string;
  elbv2: Elbv2Inventory;
  autoscaling: AutoScalingInventory;
  ec2: Ec2Inventory;
  rds: RdsInventory;
  elasticache: ElastiCacheInventory;
  dynamodb: DynamoDbInventory;
}

export type Tags = Record<string, string>;

// ---------------------------------------------------------------- Elastic Load Balancing v2

export type LoadBalancerType = 'application' | 'network' | 'gateway';

export interface Elbv2Inventory {
  loadBalancers: LoadBalancer[];
  targetGroups: TargetGroup[];
}

export interface LoadBalancer {
  arn: string;
  name: string;
  type: LoadBalancerType;
  dnsName: string;
  /** `internet-facing` or `internal`. */
  scheme: string;
  vpcId?: string;
  /** `active`, `provisioning`, `active_impaired`, `failed`. */
  state?: string;
  availabilityZones: LoadBalancerZone[];
  /** `DescribeLoadBalancerAttributes`, as key/value strings exactly as the API returns them. */
  attributes: Record<string, string>;
  listeners: Listener[];
  tags: Tags;
}

export interface LoadBalancerZone {
  zoneName: string;
  subnetId?: string;
}

export interface Listener {
  arn: string;
  port?: number;
  protocol?: string;
  defaultActions: ListenerAction[];
  /** Non-default rules from `DescribeRules` (the default rule repeats `defaultActions`). */
  rules: ListenerRule[];
}

export interface ListenerRule {
  arn: string;
  priority: string;
  actions: ListenerAction[];
}

export interface ListenerAction {
  /** `forward`, `redirect`, `fixed-response`, `authenticate-oidc`, ... */
  type: string;
  /** Every target group the action forwards to (`TargetGroupArn` and `ForwardConfig`). */
  targetGroupArns: string[];
}

export type TargetType = 'instance' | 'ip' | 'lambda' | 'alb';

export interface TargetGroup {
  arn: string;
  name: string;
  targetType: TargetType;
  protocol?: string;
  port?: number;
  vpcId?: string;
  /** Load balancers that route to this group through any listener or rule. */
  loadBalancerArns: string[];
  healthCheck: HealthCheck;
  /** `DescribeTargetGroupAttributes`, as key/value strings exactly as the API returns them. */
  attributes: Record<string, string>;
  targets: Target[];
  tags: Tags;
}

export interface HealthCheck {
  enabled: boolean;
  protocol?: string;
  port?: string;
  path?: string;
  intervalSeconds?: number;
  timeoutSeconds?: number;
  healthyThreshold?: number;
  unhealthyThreshold?: number;
}

export interface Target {
  /** Instance id, IP address, Lambda function ARN or ALB ARN. */
  id: string;
  port?: number;
  /** `healthy`, `unhealthy`, `initial`, `unused`, `draining`, `unavailable`. */
  state: string;
  reason?: string;
  /**
   * `AvailabilityZone` as `DescribeTargetHealth` reports it (IP targets; `all` for an address
   * outside the VPC or a Lambda function). Instance zones come from `ec2.instances`; the engine
   * resolves every target's zone (`RegionScope.targetPlacement`).
   */
  availabilityZone?: string;
}

// ---------------------------------------------------------------- Auto Scaling

export interface AutoScalingInventory {
  groups: AutoScalingGroup[];
}

export interface AutoScalingGroup {
  arn: string;
  name: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  availabilityZones: string[];
  /** Subnet ids of `VPCZoneIdentifier`. */
  subnetIds: string[];
  /** Comma-separated in the API (`EC2`, `ELB`, `EC2,EBS`...), split here. */
  healthCheckTypes: string[];
  healthCheckGracePeriod?: number;
  /** Classic load balancers. */
  loadBalancerNames: string[];
  targetGroupArns: string[];
  /** `TrafficSources` identifiers (target group ARNs, VPC Lattice, ...). */
  trafficSources: { identifier: string; type?: string }[];
  instances: { id: string; availabilityZone: string; lifecycleState?: string; healthStatus?: string }[];
  scalingPolicies: ScalingPolicy[];
  tags: Tags;
}

export interface ScalingPolicy {
  name: string;
  /** `SimpleScaling`, `StepScaling`, `TargetTrackingScaling`, `PredictiveScaling`. */
  type: string;
  enabled: boolean;
}

// ---------------------------------------------------------------- EC2

export interface Ec2Inventory {
  /** The instances registered as load-balancer targets (for their zones), not every instance. */
  instances: Ec2Instance[];
  subnets: Subnet[];
}

export interface Ec2Instance {
  id: string;
  availabilityZone: string;
  state?: string;
}

export interface Subnet {
  id: string;
  vpcId: string;
  availabilityZone: string;
  availabilityZoneId?: string;
  cidrBlock?: string;
}

// ---------------------------------------------------------------- Route 53 (global)

export interface Route53Inventory {
  hostedZones: HostedZone[];
  healthChecks: Route53HealthCheck[];
}

export interface HostedZone {
  /** Without the `/hostedzone/` prefix the API puts on it: `Z1D633PJN98FT9`. */
  id: string;
  /** Decoded (`\052` → `*`), lower case, without the trailing dot: `example.com`. */
  name: string;
  privateZone: boolean;
  records: DnsRecord[];
}

/** One resource record set of `ListResourceRecordSets`. */
export interface DnsRecord {
  /** Decoded (`\052` → `*`), lower case, without the trailing dot: `*.example.com`. */
  name: string;
  /** `A`, `AAAA`, `CNAME`, ... */
  type: string;
  setIdentifier?: string;
  ttl?: number;
  /** `ResourceRecords` values. */
  values: string[];
  aliasTarget?: AliasTarget;
  healthCheckId?: string;
  /** Weighted routing. */
  weight?: number;
  /** Latency routing: the AWS region of this record. */
  region?: string;
  /** Failover routing. */
  failover?: 'PRIMARY' | 'SECONDARY';
  /** Geolocation routing; `countryCode: "*"` is the default location. */
  geoLocation?: { continentCode?: string; countryCode?: string; subdivisionCode?: string };
  /** Geoproximity routing. */
  geoProximityLocation?: { awsRegion?: string; localZoneGroup?: string; bias?: number; coordinates?: { latitude: string; longitude: string } };
  multiValueAnswer?: boolean;
  /** IP-based routing. */
  cidrRoutingConfig?: { collectionId: string; locationName: string };
}

export interface AliasTarget {
  hostedZoneId: string;
  /** As the API returns it: `dualstack.my-alb-1234.us-east-1.elb.amazonaws.com.` */
  dnsName: string;
  evaluateTargetHealth: boolean;
}

/** One health check of `ListHealthChecks`, with its `HealthCheckConfig`. */
export interface Route53HealthCheck {
  id: string;
  /** `HTTP`, `HTTPS`, `HTTP_STR_MATCH`, `HTTPS_STR_MATCH`, `TCP`, `CALCULATED`, `CLOUDWATCH_METRIC`, `RECOVERY_CONTROL`. */
  type: string;
  fqdn?: string;
  ipAddress?: string;
  port?: number;
  resourcePath?: string;
  requestInterval?: number;
  failureThreshold?: number;
  /** Always reported healthy while disabled. */
  disabled: boolean;
  /** Healthy when the endpoint is down, and the reverse. */
  inverted: boolean;
  childHealthChecks?: string[];
  healthThreshold?: number;
}

// ---------------------------------------------------------------- RDS and Aurora

export interface RdsInventory {
  instances: DbInstance[];
  clusters: DbCluster[];
}

export interface DbInstance {
  /** `DBInstanceIdentifier`. */
  id: string;
  arn: string;
  /** `mysql`, `postgres`, `aurora-mysql`, `aurora-postgresql`, `sqlserver-se`, ... */
  engine: string;
  instanceClass?: string;
  status?: string;
  multiAz: boolean;
  availabilityZone?: string;
  secondaryAvailabilityZone?: string;
  /** `DBClusterIdentifier`: set on Aurora members and on members of Multi-AZ DB clusters. */
  clusterId?: string;
  /** `ReadReplicaSourceDBInstanceIdentifier`. */
  readReplicaSourceInstanceId?: string;
  /** `ReadReplicaSourceDBClusterIdentifier`. */
  readReplicaSourceClusterId?: string;
  backupRetentionPeriod: number;
  tags: Tags;
}

export interface DbCluster {
  /** `DBClusterIdentifier`. */
  id: string;
  arn: string;
  engine: string;
  /** `provisioned`, `serverless`, `parallelquery`, `global`, `multimaster`. */
  engineMode?: string;
  status?: string;
  multiAz: boolean;
  /** Zones the cluster's storage spans (not where its instances run). */
  availabilityZones: string[];
  members: { instanceId: string; isWriter: boolean }[];
  backupRetentionPeriod: number;
  /** `ReplicationSourceIdentifier`: a cross-region read replica cluster. */
  replicationSourceIdentifier?: string;
  /** `GlobalClusterIdentifier`: a member of an Aurora global database. */
  globalClusterId?: string;
  tags: Tags;
}

// ---------------------------------------------------------------- ElastiCache

export interface ElastiCacheInventory {
  replicationGroups: ReplicationGroup[];
  cacheClusters: CacheCluster[];
  serverlessCaches: ServerlessCache[];
}

export interface ReplicationGroup {
  id: string;
  arn: string;
  /** `redis` or `valkey`. */
  engine?: string;
  status?: string;
  /** `enabled`, `disabled`, `enabling`, `disabling`. */
  automaticFailover: string;
  /** `enabled`, `disabled`. */
  multiAz: string;
  clusterMode?: string;
  memberClusters: string[];
  nodeGroups: { id: string; members: { cacheClusterId: string; availabilityZone?: string; role?: string }[] }[];
}

export interface CacheCluster {
  id: string;
  arn: string;
  /** `redis`, `valkey`, `memcached`. */
  engine: string;
  status?: string;
  numNodes: number;
  availabilityZone?: string;
  replicationGroupId?: string;
}

export interface ServerlessCache {
  name: string;
  arn: string;
  engine: string;
  status?: string;
}

// ---------------------------------------------------------------- DynamoDB

export interface DynamoDbInventory {
  tables: DynamoDbTable[];
}

export interface DynamoDbTable {
  name: string;
  arn: string;
  status?: string;
  /** `PROVISIONED` or `PAY_PER_REQUEST`. */
  billingMode?: string;
  /** Regions of a global table's replicas (other than this one). */
  replicaRegions: string[];
  /** `PointInTimeRecoveryStatus` of `DescribeContinuousBackups`: `ENABLED` or `DISABLED`. */
  pointInTimeRecovery: string;
  recoveryPeriodInDays?: number;
}

// ---------------------------------------------------------------- Gaps

/** Something the collectors could not see. */
export interface Gap {
  accountId: string;
  /** The region, or `global` for Route 53. */
  region: string;
  /** Our service id: `elbv2`, `autoscaling`, `ec2`, `sts`, `route53`, `rds`, ... */
  service: string;
  operation: string;
  /** The AWS error code (`AccessDenied`, `UnauthorizedOperation`...) or a network error code. */
  code: string;
  message: string;
}

/** A region where nothing was found: the start of a fixture, or of a collection. */
export function emptyRegionInventory(region: string): RegionInventory {
  return {
    region,
    elbv2: { loadBalancers: [], targetGroups: [] },
    autoscaling: { groups: [] },
    ec2: { instances: [], subnets: [] },
    rds: { instances: [], clusters: [] },
    elasticache: { replicationGroups: [], cacheClusters: [], serverlessCaches: [] },
    dynamodb: { tables: [] },
  };
}

export function emptyRoute53Inventory(): Route53Inventory {
  return { hostedZones: [], healthChecks: [] };
}
