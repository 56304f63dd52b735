/**
 * Builders for AWS API objects shaped exactly as the SDK v3 returns them after deserialisation
 * (field names, nesting and value types as in the API reference example responses). Tests feed
 * them to mocked clients (see `aws-fake.ts`), so the collectors read what a live account sends.
 */
import { createHash } from 'node:crypto';
import type {
  AutoScalingGroup as AsgGroup,
  ScalingPolicy as AsgPolicy,
} from '@aws-sdk/client-auto-scaling';
import {
  DynamoDBServiceException,
  type ContinuousBackupsDescription,
  type TableDescription as DynamoDbTableDescription,
} from '@aws-sdk/client-dynamodb';
import type { AvailabilityZone as Ec2Zone, Instance as Ec2Instance, Subnet as Ec2Subnet } from '@aws-sdk/client-ec2';
import type {
  CacheCluster as EcCacheCluster,
  NodeGroupMember as EcNodeGroupMember,
  ReplicationGroup as EcReplicationGroup,
  ServerlessCache as EcServerlessCache,
} from '@aws-sdk/client-elasticache';
import type { DBCluster as RdsDbCluster, DBInstance as RdsDbInstance } from '@aws-sdk/client-rds';
import type {
  Action,
  Listener as ElbListener,
  LoadBalancer as ElbLoadBalancer,
  Rule as ElbRule,
  Tag as ElbTag,
  TargetGroup as ElbTargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';

export type { AsgGroup, AsgPolicy, Ec2Instance, Ec2Subnet, Ec2Zone, ElbListener, ElbLoadBalancer, ElbRule, ElbTag, ElbTargetGroup, TargetHealthDescription };
export type { ContinuousBackupsDescription, DynamoDbTableDescription, EcCacheCluster, EcReplicationGroup, EcServerlessCache, RdsDbCluster, RdsDbInstance };

export const ACCOUNT_ID = '111122223333';
export const REGION = 'us-east-1';
export const VPC_ID = 'vpc-0e9801d129EXAMPLE';

/** `$metadata` of a successful response, as the SDK adds it to every output. */
export function responseMetadata() {
  return { httpStatusCode: 200, requestId: '0f2e8a1c-3b55-4c1e-9b0e-5d6f7a8b9c0d', attempts: 1, totalRetryDelay: 0 };
}

/** A stable hex id derived from a name (AWS ids look random; tests need them reproducible). */
export function hexId(seed: string, length = 16): string {
  return createHash('sha1').update(seed).digest('hex').slice(0, length);
}

// ---------------------------------------------------------------- Elastic Load Balancing v2

export type LoadBalancerKind = 'application' | 'network' | 'gateway';
const ARN_KIND: Record<LoadBalancerKind, string> = { application: 'app', network: 'net', gateway: 'gwy' };

export function loadBalancerArn(name: string, type: LoadBalancerKind = 'application', region = REGION): string {
  return `arn:aws:elasticloadbalancing:${region}:${ACCOUNT_ID}:loadbalancer/${ARN_KIND[type]}/${name}/${hexId(`lb/${name}`)}`;
}

export function targetGroupArn(name: string, region = REGION): string {
  return `arn:aws:elasticloadbalancing:${region}:${ACCOUNT_ID}:targetgroup/${name}/${hexId(`tg/${name}`)}`;
}

export function listenerArn(lbArn: string, port: number): string {
  return `${lbArn.replace(':loadbalancer/', ':listener/')}/${hexId(`${lbArn}/${port}`)}`;
}

export function ruleArn(listener: string, priority: string): string {
  return `${listener.replace(':listener/', ':listener-rule/')}/${hexId(`${listener}/${priority}`)}`;
}

/** Zone name, subnet id: the subnets the load balancer was created in. */
export type ZoneSubnet = [zoneName: string, subnetId: string];

export const TWO_ZONES: ZoneSubnet[] = [
  ['us-east-1a', 'subnet-0a1a1a1a1aEXAMPLE'],
  ['us-east-1b', 'subnet-0b2b2b2b2bEXAMPLE'],
];

/** A `DescribeLoadBalancers` entry (see the API reference example "To describe a load balancer"). */
export function loadBalancer(
  name: string,
  options: { type?: LoadBalancerKind; zones?: ZoneSubnet[]; vpcId?: string; scheme?: 'internet-facing' | 'internal'; state?: string; region?: string } = {},
): ElbLoadBalancer {
  const type = options.type ?? 'application';
  const region = options.region ?? REGION;
  const lb: ElbLoadBalancer = {
    LoadBalancerArn: loadBalancerArn(name, type, region),
    DNSName: type === 'network' ? `${name}-${hexId(name)}.elb.${region}.amazonaws.com` : `${name}-424835706.${region}.elb.amazonaws.com`,
    CanonicalHostedZoneId: type === 'network' ? 'Z26RNL4JYFTOTI' : 'Z35SXDOTRQ7X7K',
    CreatedTime: new Date('2024-09-22T18:15:29.920Z'),
    LoadBalancerName: name,
    Scheme: options.scheme ?? 'internet-facing',
    VpcId: options.vpcId ?? VPC_ID,
    State: { Code: (options.state ?? 'active') as 'active' },
    Type: type,
    AvailabilityZones: (options.zones ?? TWO_ZONES).map(([ZoneName, SubnetId]) => ({ ZoneName, SubnetId, LoadBalancerAddresses: [] })),
    IpAddressType: 'ipv4',
  };
  if (type === 'application') lb.SecurityGroups = ['sg-5943793c'];
  return lb;
}

/** A `DescribeTargetGroups` entry (see the API reference example "To describe a target group"). */
export function targetGroup(
  name: string,
  options: {
    targetType?: 'instance' | 'ip' | 'lambda' | 'alb';
    protocol?: string;
    port?: number;
    vpcId?: string;
    loadBalancerArns?: string[];
    healthCheckEnabled?: boolean;
    region?: string;
  } = {},
): ElbTargetGroup {
  const targetType = options.targetType ?? 'instance';
  const protocol = options.protocol ?? 'HTTP';
  const tg: ElbTargetGroup = {
    TargetGroupArn: targetGroupArn(name, options.region),
    TargetGroupName: name,
    HealthCheckEnabled: options.healthCheckEnabled ?? true,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    LoadBalancerArns: options.loadBalancerArns ?? [],
    TargetType: targetType,
  };
  if (targetType !== 'lambda') {
    Object.assign(tg, {
      Protocol: protocol,
      Port: options.port ?? 80,
      VpcId: options.vpcId ?? VPC_ID,
      // Health checks speak HTTP(S) or TCP whatever the traffic protocol (TCP, UDP, TLS, GENEVE).
      HealthCheckProtocol: protocol.startsWith('HTTP') ? protocol : 'TCP',
      HealthCheckPort: 'traffic-port',
      IpAddressType: 'ipv4',
    });
  } else {
    Object.assign(tg, { HealthCheckPath: '/' });
  }
  if (protocol.startsWith('HTTP')) Object.assign(tg, { HealthCheckPath: '/', Matcher: { HttpCode: '200' }, ProtocolVersion: 'HTTP1' });
  return tg;
}

/**
 * A forward to one target group, as `DescribeListeners`/`DescribeRules` return it: the API fills
 * in both `TargetGroupArn` and a `ForwardConfig` holding that group with weight 1.
 */
export function forward(tgArn: string): Action {
  return {
    Type: 'forward',
    TargetGroupArn: tgArn,
    ForwardConfig: { TargetGroups: [{ TargetGroupArn: tgArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
  };
}

/** A weighted forward: `ForwardConfig` only, no top-level `TargetGroupArn`. */
export function weightedForward(groups: [tgArn: string, weight: number][]): Action {
  return {
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: groups.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })),
      TargetGroupStickinessConfig: { Enabled: false },
    },
  };
}

export function fixedResponse(statusCode = '404'): Action {
  return { Type: 'fixed-response', FixedResponseConfig: { StatusCode: statusCode, ContentType: 'text/plain', MessageBody: 'Not found' } };
}

/** A `DescribeListeners` entry. */
export function listener(lbArn: string, port: number, defaultActions: Action[], protocol?: string): ElbListener {
  const isNetwork = lbArn.includes(':loadbalancer/net/');
  return {
    ListenerArn: listenerArn(lbArn, port),
    LoadBalancerArn: lbArn,
    Port: port,
    Protocol: (protocol ?? (isNetwork ? 'TCP' : 'HTTP')) as 'HTTP',
    DefaultActions: defaultActions,
  };
}

/** A `DescribeRules` entry for a path-pattern rule. */
export function rule(listener: ElbListener, priority: number, actions: Action[], path = `/app${priority}/*`): ElbRule {
  return {
    RuleArn: ruleArn(listener.ListenerArn!, String(priority)),
    Priority: String(priority),
    Conditions: [{ Field: 'path-pattern', Values: [path], PathPatternConfig: { Values: [path] } }],
    Actions: actions,
    IsDefault: false,
  };
}

/** The default rule `DescribeRules` always lists last: it repeats the listener's default actions. */
export function defaultRule(listener: ElbListener): ElbRule {
  return { RuleArn: ruleArn(listener.ListenerArn!, 'default'), Priority: 'default', Conditions: [], Actions: listener.DefaultActions ?? [], IsDefault: true };
}

/** A `DescribeTargetHealth` entry for an instance target (the API does not report its zone). */
export function instanceTarget(id: string, options: { port?: number; state?: string; reason?: string; description?: string } = {}): TargetHealthDescription {
  return healthDescription({ Id: id, Port: options.port ?? 80 }, options);
}

/** A `DescribeTargetHealth` entry for an IP target; `zone` is what the API reports for it, if anything. */
export function ipTarget(ip: string, options: { port?: number; zone?: string; state?: string; reason?: string; description?: string } = {}): TargetHealthDescription {
  const target: { Id: string; Port: number; AvailabilityZone?: string } = { Id: ip, Port: options.port ?? 80 };
  if (options.zone) target.AvailabilityZone = options.zone;
  return healthDescription(target, options);
}

function healthDescription(
  target: { Id: string; Port?: number; AvailabilityZone?: string },
  options: { port?: number; state?: string; reason?: string; description?: string },
): TargetHealthDescription {
  const state = options.state ?? 'healthy';
  const health: NonNullable<TargetHealthDescription['TargetHealth']> = { State: state as 'healthy' };
  if (options.reason) health.Reason = options.reason as 'Target.FailedHealthChecks';
  if (options.description) health.Description = options.description;
  return { Target: target, HealthCheckPort: String(target.Port ?? 80), TargetHealth: health };
}

/** `Attributes` of `DescribeLoadBalancerAttributes` / `DescribeTargetGroupAttributes`. */
export function attributes(values: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(values).map(([Key, Value]) => ({ Key, Value }));
}

/** The attributes the API returns for a new load balancer of the type. */
export function defaultLoadBalancerAttributes(type: LoadBalancerKind): Record<string, string> {
  if (type === 'application') {
    return {
      'access_logs.s3.enabled': 'false',
      'deletion_protection.enabled': 'false',
      'idle_timeout.timeout_seconds': '60',
      'load_balancing.cross_zone.enabled': 'true',
      'routing.http2.enabled': 'true',
      'zonal_shift.config.enabled': 'false',
    };
  }
  const attributes: Record<string, string> = { 'access_logs.s3.enabled': 'false', 'deletion_protection.enabled': 'false', 'load_balancing.cross_zone.enabled': 'false' };
  // Gateway Load Balancers have no zonal shift.
  if (type === 'network') attributes['zonal_shift.config.enabled'] = 'false';
  return attributes;
}

/** The attributes the API returns for a new target group. */
export function defaultTargetGroupAttributes(): Record<string, string> {
  return {
    'deregistration_delay.timeout_seconds': '300',
    'stickiness.enabled': 'false',
    'stickiness.type': 'lb_cookie',
    'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  };
}

export function tags(values: Record<string, string>): ElbTag[] {
  return Object.entries(values).map(([Key, Value]) => ({ Key, Value }));
}

// ---------------------------------------------------------------- Auto Scaling

export function autoScalingGroupArn(name: string): string {
  const id = hexId(`asg/${name}`, 32);
  return `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:autoScalingGroup:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}:autoScalingGroupName/${name}`;
}

/** A `DescribeAutoScalingGroups` entry (see the API reference example). */
export function autoScalingGroup(
  name: string,
  options: {
    min?: number;
    max?: number;
    desired?: number;
    zones?: ZoneSubnet[];
    targetGroupArns?: string[];
    healthCheckType?: string;
    instances?: [id: string, zone: string][];
    tags?: Record<string, string>;
    suspendedProcesses?: string[];
    capacityDistributionStrategy?: 'balanced-best-effort' | 'balanced-only';
  } = {},
): AsgGroup {
  const zones = options.zones ?? TWO_ZONES;
  return {
    AutoScalingGroupName: name,
    AutoScalingGroupARN: autoScalingGroupArn(name),
    LaunchTemplate: { LaunchTemplateId: 'lt-0b97f1e282EXAMPLE', LaunchTemplateName: `${name}-template`, Version: '$Default' },
    MinSize: options.min ?? 2,
    MaxSize: options.max ?? 6,
    DesiredCapacity: options.desired ?? 2,
    DefaultCooldown: 300,
    AvailabilityZones: zones.map(([zone]) => zone),
    LoadBalancerNames: [],
    TargetGroupARNs: options.targetGroupArns ?? [],
    HealthCheckType: options.healthCheckType ?? 'ELB',
    HealthCheckGracePeriod: 300,
    Instances: (options.instances ?? []).map(([InstanceId, AvailabilityZone]) => ({
      InstanceId,
      InstanceType: 't3.micro',
      AvailabilityZone,
      LifecycleState: 'InService',
      HealthStatus: 'Healthy',
      LaunchTemplate: { LaunchTemplateId: 'lt-0b97f1e282EXAMPLE', LaunchTemplateName: `${name}-template`, Version: '1' },
      ProtectedFromScaleIn: false,
    })),
    CreatedTime: new Date('2024-08-19T18:08:23.245Z'),
    SuspendedProcesses: (options.suspendedProcesses ?? []).map((ProcessName) => ({ ProcessName, SuspensionReason: 'User suspended at 2024-08-20T09:00:00Z' })),
    VPCZoneIdentifier: zones.map(([, subnet]) => subnet).join(','),
    EnabledMetrics: [],
    Tags: Object.entries(options.tags ?? {}).map(([Key, Value]) => ({
      ResourceId: name,
      ResourceType: 'auto-scaling-group',
      Key,
      Value,
      PropagateAtLaunch: true,
    })),
    TerminationPolicies: ['Default'],
    NewInstancesProtectedFromScaleIn: false,
    ServiceLinkedRoleARN: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    TrafficSources: (options.targetGroupArns ?? []).map((Identifier) => ({ Identifier, Type: 'elbv2' })),
    CapacityRebalance: false,
    AvailabilityZoneDistribution: { CapacityDistributionStrategy: options.capacityDistributionStrategy ?? 'balanced-best-effort' },
  };
}

/** A `DescribePolicies` entry (see the API reference example): target tracking by default. */
export function scalingPolicy(groupName: string, name: string, type = 'TargetTrackingScaling', enabled = true): AsgPolicy {
  const policy: AsgPolicy = {
    AutoScalingGroupName: groupName,
    PolicyName: name,
    PolicyARN: `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:scalingPolicy:${hexId(`${groupName}/${name}`, 8)}-6290-403b-b632-93c553560106:autoScalingGroupName/${groupName}:policyName/${name}`,
    PolicyType: type,
    StepAdjustments: [],
    Alarms: [],
    Enabled: enabled,
  };
  if (type === 'TargetTrackingScaling') {
    policy.TargetTrackingConfiguration = { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50, DisableScaleIn: false };
  } else if (type === 'PredictiveScaling') {
    policy.PredictiveScalingConfiguration = {
      MetricSpecifications: [{ TargetValue: 50, PredefinedMetricPairSpecification: { PredefinedMetricType: 'ASGCPUUtilization' } }],
      Mode: 'ForecastOnly',
    };
  } else {
    policy.AdjustmentType = 'ChangeInCapacity';
    policy.ScalingAdjustment = 1;
    policy.Cooldown = 300;
  }
  return policy;
}

// ---------------------------------------------------------------- EC2

/** An instance of a `DescribeInstances` reservation (see the API reference example). */
export function instance(id: string, zone: string, options: { state?: 'running' | 'stopped' | 'terminated'; subnetId?: string; privateIp?: string } = {}): Ec2Instance {
  const state = options.state ?? 'running';
  const codes = { running: 16, stopped: 80, terminated: 48 };
  return {
    AmiLaunchIndex: 0,
    ImageId: 'ami-0abcdef1234567890',
    InstanceId: id,
    InstanceType: 't3.micro',
    LaunchTime: new Date('2024-09-20T17:18:08.000Z'),
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: zone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: `ip-10-0-0-157.${REGION}.compute.internal`,
    PrivateIpAddress: options.privateIp ?? '10.0.0.157',
    ProductCodes: [],
    State: { Code: codes[state], Name: state },
    SubnetId: options.subnetId ?? 'subnet-04a636d18eEXAMPLE',
    VpcId: VPC_ID,
    Architecture: 'x86_64',
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    Hypervisor: 'xen',
    VirtualizationType: 'hvm',
  };
}

/** A `DescribeSubnets` entry (see the API reference example). */
/** A `DescribeAvailabilityZones` entry (see the API reference example). */
export function availabilityZone(zoneName: string, zoneId: string, region = REGION): Ec2Zone {
  return {
    State: 'available',
    OptInStatus: 'opt-in-not-required',
    Messages: [],
    RegionName: region,
    ZoneName: zoneName,
    ZoneId: zoneId,
    GroupName: region,
    NetworkBorderGroup: region,
    ZoneType: 'availability-zone',
  };
}

export function subnet(id: string, zone: string, cidr: string, vpcId = VPC_ID): Ec2Subnet {
  const zoneIds: Record<string, string> = { 'us-east-1a': 'use1-az6', 'us-east-1b': 'use1-az1', 'us-east-1c': 'use1-az2', 'us-east-1d': 'use1-az4' };
  return {
    AvailabilityZone: zone,
    AvailabilityZoneId: zoneIds[zone] ?? 'use1-az3',
    AvailableIpAddressCount: 251,
    CidrBlock: cidr,
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    State: 'available',
    SubnetId: id,
    VpcId: vpcId,
    OwnerId: ACCOUNT_ID,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    SubnetArn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:subnet/${id}`,
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
  };
}

// ---------------------------------------------------------------- errors

/**
 * A service error as the SDK throws it: `name` is the AWS error code, `$metadata` carries the
 * HTTP status, and (query protocols) `Code` repeats the code.
 */
export function awsError(code: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), { name: code, Code: code, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode, attempts: 1, totalRetryDelay: 0 } });
}

/** `AccessDenied` for an IAM action, with the message AWS sends. */
export function accessDenied(action: string, user = `arn:aws:iam::${ACCOUNT_ID}:user/auditor`): Error {
  return Object.assign(new Error(`User: ${user} is not authorized to perform: ${action}`), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
}

/** A connection failure as Node's HTTP stack raises it (no AWS code, only `code`). */
export function networkError(code = 'ECONNREFUSED', host = '127.0.0.1', port = 443): Error {
  return Object.assign(new Error(`connect ${code} ${host}:${port}`), { code, errno: -111, syscall: 'connect', address: host, port });
}

// ---------------------------------------------------------------- RDS

const RDS_PORTS: Record<string, number> = { mysql: 3306, mariadb: 3306, postgres: 5432, 'aurora-mysql': 3306, 'aurora-postgresql': 5432, docdb: 27017, neptune: 8182 };
const isAuroraEngine = (engine: string) => engine.startsWith('aurora') || engine === 'docdb' || engine === 'neptune';

export function dbInstanceArn(id: string, region = REGION): string {
  return `arn:aws:rds:${region}:${ACCOUNT_ID}:db:${id}`;
}

export function dbClusterArn(id: string, region = REGION): string {
  return `arn:aws:rds:${region}:${ACCOUNT_ID}:cluster:${id}`;
}

/**
 * A `DescribeDBInstances` entry (see the API reference example). Members of Aurora, DocumentDB
 * and Neptune clusters have the cluster's storage (`aurora`, 1 GiB), no standby and no
 * `SecondaryAvailabilityZone`; a read replica carries its source and its replication status.
 */
export function dbInstance(
  id: string,
  options: {
    engine?: string;
    instanceClass?: string;
    status?: string;
    multiAz?: boolean;
    zone?: string;
    secondaryZone?: string;
    clusterId?: string;
    readReplicaSource?: string;
    readReplicaSourceCluster?: string;
    readReplicas?: string[];
    backupRetention?: number;
    tags?: Record<string, string>;
    region?: string;
  } = {},
): RdsDbInstance {
  const engine = options.engine ?? 'mysql';
  const region = options.region ?? REGION;
  const clustered = options.clusterId !== undefined && isAuroraEngine(engine);
  const port = RDS_PORTS[engine] ?? 1433;
  const instance: RdsDbInstance = {
    DBInstanceIdentifier: id,
    DBInstanceClass: options.instanceClass ?? (clustered ? 'db.r6g.large' : 'db.m6g.large'),
    Engine: engine,
    DBInstanceStatus: options.status ?? 'available',
    MasterUsername: 'admin',
    Endpoint: { Address: `${id}.cnpexample1ab.${region}.rds.amazonaws.com`, Port: port, HostedZoneId: 'Z2R2ITUGPM61AM' },
    AllocatedStorage: clustered ? 1 : 100,
    InstanceCreateTime: new Date('2024-05-14T09:31:44.219Z'),
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: options.backupRetention ?? (options.readReplicaSource ? 0 : clustered ? 1 : 7),
    DBSecurityGroups: [],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0b0c0d0e0fEXAMPLE', Status: 'active' }],
    DBParameterGroups: [{ DBParameterGroupName: `default.${engine}`, ParameterApplyStatus: 'in-sync' }],
    AvailabilityZone: options.zone ?? `${region}a`,
    DBSubnetGroup: {
      DBSubnetGroupName: `default-${VPC_ID}`,
      DBSubnetGroupDescription: 'Created from the RDS Management Console',
      VpcId: VPC_ID,
      SubnetGroupStatus: 'Complete',
      Subnets: TWO_ZONES.map(([Name, SubnetIdentifier]) => ({ SubnetIdentifier, SubnetAvailabilityZone: { Name }, SubnetOutpost: {}, SubnetStatus: 'Active' })),
    },
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    PendingModifiedValues: {},
    MultiAZ: options.multiAz ?? false,
    EngineVersion: engine.startsWith('aurora-mysql') ? '8.0.mysql_aurora.3.05.2' : engine.startsWith('aurora-postgresql') || engine === 'postgres' ? '16.3' : '8.0.35',
    AutoMinorVersionUpgrade: true,
    ReadReplicaDBInstanceIdentifiers: options.readReplicas ?? [],
    ReadReplicaDBClusterIdentifiers: [],
    LicenseModel: engine === 'postgres' || engine === 'aurora-postgresql' ? 'postgresql-license' : 'general-public-license',
    OptionGroupMemberships: [{ OptionGroupName: `default:${engine}`, Status: 'in-sync' }],
    PubliclyAccessible: false,
    StorageType: clustered ? 'aurora' : 'gp3',
    DbInstancePort: 0,
    StorageEncrypted: true,
    KmsKeyId: `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${hexId('kms', 8)}-0000-4000-8000-${hexId('kms/key', 12)}`,
    DbiResourceId: `db-${hexId(`dbi/${id}`, 26).toUpperCase()}`,
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    DomainMemberships: [],
    CopyTagsToSnapshot: true,
    MonitoringInterval: 0,
    DBInstanceArn: dbInstanceArn(id, region),
    IAMDatabaseAuthenticationEnabled: false,
    PerformanceInsightsEnabled: false,
    DeletionProtection: false,
    AssociatedRoles: [],
    TagList: Object.entries(options.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    CustomerOwnedIpEnabled: false,
    NetworkType: 'IPV4',
    BackupTarget: 'region',
    CertificateDetails: { CAIdentifier: 'rds-ca-rsa2048-g1', ValidTill: new Date('2025-05-14T09:29:00.000Z') },
    DedicatedLogVolume: false,
  };
  if (options.secondaryZone) instance.SecondaryAvailabilityZone = options.secondaryZone;
  if (options.clusterId) {
    instance.DBClusterIdentifier = options.clusterId;
    instance.PromotionTier = 1;
  }
  if (options.readReplicaSource) {
    instance.ReadReplicaSourceDBInstanceIdentifier = options.readReplicaSource;
    instance.StatusInfos = [{ StatusType: 'read replication', Normal: true, Status: 'replicating' }];
  }
  if (options.readReplicaSourceCluster) {
    instance.ReadReplicaSourceDBClusterIdentifier = options.readReplicaSourceCluster;
    instance.StatusInfos = [{ StatusType: 'read replication', Normal: true, Status: 'replicating' }];
  }
  return instance;
}

/**
 * A `DescribeDBClusters` entry (see the API reference example): Aurora by default; a Multi-AZ DB
 * cluster (engine `mysql` or `postgres`) has its own instance class and provisioned IOPS storage.
 */
export function dbCluster(
  id: string,
  options: {
    engine?: string;
    engineMode?: string;
    status?: string;
    multiAz?: boolean;
    zones?: string[];
    members?: [instanceId: string, isWriter: boolean][];
    backupRetention?: number;
    replicationSource?: string;
    tags?: Record<string, string>;
    region?: string;
  } = {},
): RdsDbCluster {
  const engine = options.engine ?? 'aurora-mysql';
  const region = options.region ?? REGION;
  const members = options.members ?? [];
  const endpoint = (kind: string) => `${id}.${kind}-cnpexample1ab.${region}.rds.amazonaws.com`;
  const cluster: RdsDbCluster = {
    AllocatedStorage: isAuroraEngine(engine) ? 1 : 100,
    AvailabilityZones: options.zones ?? [`${region}a`, `${region}b`, `${region}c`],
    BackupRetentionPeriod: options.backupRetention ?? 1,
    DBClusterIdentifier: id,
    DBClusterParameterGroup: `default.${engine}`,
    DBSubnetGroup: `default-${VPC_ID}`,
    Status: options.status ?? 'available',
    EarliestRestorableTime: new Date('2024-06-01T03:05:11.000Z'),
    Endpoint: endpoint('cluster'),
    ReaderEndpoint: endpoint('cluster-ro'),
    MultiAZ: options.multiAz ?? new Set(members).size > 1,
    Engine: engine,
    EngineVersion: engine.startsWith('aurora-mysql') ? '8.0.mysql_aurora.3.05.2' : '16.3',
    LatestRestorableTime: new Date('2024-06-08T11:40:32.000Z'),
    Port: RDS_PORTS[engine] ?? 3306,
    MasterUsername: 'admin',
    PreferredBackupWindow: '03:00-03:30',
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    ReadReplicaIdentifiers: [],
    DBClusterMembers: members.map(([DBInstanceIdentifier, IsClusterWriter]) => ({
      DBInstanceIdentifier,
      IsClusterWriter,
      DBClusterParameterGroupStatus: 'in-sync',
      PromotionTier: 1,
    })),
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0b0c0d0e0fEXAMPLE', Status: 'active' }],
    HostedZoneId: 'Z2R2ITUGPM61AM',
    StorageEncrypted: true,
    DbClusterResourceId: `cluster-${hexId(`cluster/${id}`, 26).toUpperCase()}`,
    DBClusterArn: dbClusterArn(id, region),
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: false,
    ClusterCreateTime: new Date('2024-05-14T09:25:02.117Z'),
    EngineMode: options.engineMode ?? 'provisioned',
    DeletionProtection: false,
    HttpEndpointEnabled: false,
    CopyTagsToSnapshot: false,
    CrossAccountClone: false,
    DomainMemberships: [],
    TagList: Object.entries(options.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    AutoMinorVersionUpgrade: true,
    NetworkType: 'IPV4',
  };
  if (!isAuroraEngine(engine)) Object.assign(cluster, { DBClusterInstanceClass: 'db.m6gd.large', StorageType: 'io1', Iops: 1000, PubliclyAccessible: false });
  if (options.replicationSource) cluster.ReplicationSourceIdentifier = options.replicationSource;
  return cluster;
}

// ---------------------------------------------------------------- ElastiCache

export function cacheClusterArn(id: string, region = REGION): string {
  return `arn:aws:elasticache:${region}:${ACCOUNT_ID}:cluster:${id}`;
}

export function replicationGroupArn(id: string, region = REGION): string {
  return `arn:aws:elasticache:${region}:${ACCOUNT_ID}:replicationgroup:${id}`;
}

/** One node group member: its cache cluster, its zone (absent where the API leaves it out), its role (cluster mode disabled only). */
export interface MemberSpec {
  id: string;
  zone?: string;
  role?: 'primary' | 'replica';
}

/**
 * A `DescribeReplicationGroups` entry (see the API reference example). Cluster mode disabled:
 * one node group `0001` with primary and reader endpoints, members with a role and a read
 * endpoint. Cluster mode enabled: a configuration endpoint, node groups with slots, members
 * without role or endpoint.
 */
export function replicationGroup(
  id: string,
  options: {
    engine?: 'redis' | 'valkey';
    clusterMode?: 'enabled' | 'disabled';
    nodeGroups?: { id: string; members: MemberSpec[] }[];
    automaticFailover?: string;
    multiAz?: string;
    status?: string;
    region?: string;
  } = {},
): EcReplicationGroup {
  const region = options.region ?? REGION;
  const clustered = options.clusterMode === 'enabled';
  const host = (name: string) => `${name}.${hexId(`rg/${id}`, 6)}.ng.0001.use1.cache.amazonaws.com`;
  const nodeGroups = options.nodeGroups ?? [{ id: '0001', members: [{ id: `${id}-001`, zone: `${region}a`, role: 'primary' as const }, { id: `${id}-002`, zone: `${region}b`, role: 'replica' as const }] }];
  const slots = (i: number) => {
    const size = Math.floor(16384 / nodeGroups.length);
    return `${i * size}-${i === nodeGroups.length - 1 ? 16383 : (i + 1) * size - 1}`;
  };
  const group: EcReplicationGroup = {
    ReplicationGroupId: id,
    Description: `${id} cache`,
    GlobalReplicationGroupInfo: {},
    Status: options.status ?? 'available',
    PendingModifiedValues: {},
    MemberClusters: nodeGroups.flatMap((g) => g.members.map((m) => m.id)).sort(),
    NodeGroups: nodeGroups.map((g, i) => ({
      NodeGroupId: g.id,
      Status: 'available',
      ...(clustered ? { Slots: slots(i) } : { PrimaryEndpoint: { Address: host(`master.${id}`), Port: 6379 }, ReaderEndpoint: { Address: host(`replica.${id}`), Port: 6379 } }),
      NodeGroupMembers: g.members.map((m) => {
        const member: EcNodeGroupMember = { CacheClusterId: m.id, CacheNodeId: '0001' };
        if (!clustered) member.ReadEndpoint = { Address: host(m.id), Port: 6379 };
        if (m.zone) member.PreferredAvailabilityZone = m.zone;
        if (m.role) member.CurrentRole = m.role;
        return member;
      }),
    })),
    SnapshotRetentionLimit: 1,
    SnapshotWindow: '05:00-06:00',
    ClusterEnabled: clustered,
    CacheNodeType: 'cache.r7g.large',
    AuthTokenEnabled: false,
    TransitEncryptionEnabled: true,
    AtRestEncryptionEnabled: true,
    ARN: replicationGroupArn(id, region),
    LogDeliveryConfigurations: [],
    ReplicationGroupCreateTime: new Date('2024-07-02T12:11:41.000Z'),
    DataTiering: 'disabled',
    AutoMinorVersionUpgrade: true,
    NetworkType: 'ipv4',
    IpDiscovery: 'ipv4',
    TransitEncryptionMode: 'required',
    ClusterMode: clustered ? 'enabled' : 'disabled',
    Engine: options.engine ?? 'redis',
    AutomaticFailover: (options.automaticFailover ?? 'enabled') as 'enabled',
    MultiAZ: (options.multiAz ?? 'enabled') as 'enabled',
  };
  if (clustered) group.ConfigurationEndpoint = { Address: `clustercfg.${id}.${hexId(`rg/${id}`, 6)}.use1.cache.amazonaws.com`, Port: 6379 };
  return group;
}

/**
 * A `DescribeCacheClusters` entry (see the API reference example): a Memcached cluster (with a
 * configuration endpoint; zone `Multiple` when its nodes span zones), or a one-node Redis OSS /
 * Valkey cluster that is a member of a replication group.
 */
export function cacheCluster(
  id: string,
  options: { engine?: 'redis' | 'valkey' | 'memcached'; numNodes?: number; zone?: string; nodeZones?: string[]; replicationGroupId?: string; status?: string; region?: string } = {},
): EcCacheCluster {
  const engine = options.engine ?? 'redis';
  const region = options.region ?? REGION;
  const memcached = engine === 'memcached';
  const cluster: EcCacheCluster = {
    CacheClusterId: id,
    ClientDownloadLandingPage: 'https://console.aws.amazon.com/elasticache/home#client-download:',
    CacheNodeType: memcached ? 'cache.t4g.medium' : 'cache.r7g.large',
    Engine: engine,
    EngineVersion: memcached ? '1.6.22' : '7.1.0',
    CacheClusterStatus: options.status ?? 'available',
    NumCacheNodes: options.numNodes ?? 1,
    PreferredAvailabilityZone: options.zone ?? `${region}a`,
    CacheClusterCreateTime: new Date('2024-07-02T12:11:41.000Z'),
    PreferredMaintenanceWindow: 'sat:06:00-sat:07:00',
    PendingModifiedValues: {},
    CacheSecurityGroups: [],
    CacheParameterGroup: { CacheParameterGroupName: memcached ? 'default.memcached1.6' : 'default.redis7', ParameterApplyStatus: 'in-sync', CacheNodeIdsToReboot: [] },
    CacheSubnetGroupName: 'default',
    AutoMinorVersionUpgrade: true,
    SecurityGroups: [{ SecurityGroupId: 'sg-0b0c0d0e0fEXAMPLE', Status: 'active' }],
    TransitEncryptionEnabled: !memcached,
    AtRestEncryptionEnabled: !memcached,
    ARN: cacheClusterArn(id, region),
    ReplicationGroupLogDeliveryEnabled: false,
    LogDeliveryConfigurations: [],
    NetworkType: 'ipv4',
    IpDiscovery: 'ipv4',
  };
  if (memcached) cluster.ConfigurationEndpoint = { Address: `${id}.${hexId(`cc/${id}`, 6)}.cfg.use1.cache.amazonaws.com`, Port: 11211 };
  else Object.assign(cluster, { SnapshotRetentionLimit: 1, SnapshotWindow: '05:00-06:00', TransitEncryptionMode: 'required' });
  if (options.replicationGroupId) cluster.ReplicationGroupId = options.replicationGroupId;
  // Sent only with `ShowCacheNodeInfo` (the mocked region drops them otherwise).
  cluster.CacheNodes = Array.from({ length: cluster.NumCacheNodes! }, (_, n) => ({
    CacheNodeId: String(n + 1).padStart(4, '0'),
    CacheNodeStatus: 'available',
    CacheNodeCreateTime: new Date('2024-07-02T12:11:41.000Z'),
    Endpoint: { Address: `${id}.${String(n + 1).padStart(4, '0')}.${hexId(`cc/${id}`, 6)}.use1.cache.amazonaws.com`, Port: memcached ? 11211 : 6379 },
    ParameterGroupStatus: 'in-sync',
    CustomerAvailabilityZone: options.nodeZones?.[n] ?? cluster.PreferredAvailabilityZone,
  }));
  return cluster;
}

/** A `DescribeServerlessCaches` entry. */
export function serverlessCache(name: string, options: { engine?: 'redis' | 'valkey' | 'memcached'; status?: string; region?: string } = {}): EcServerlessCache {
  const engine = options.engine ?? 'valkey';
  const region = options.region ?? REGION;
  const port = engine === 'memcached' ? 11211 : 6379;
  const host = `${name}-${hexId(`sc/${name}`, 6)}.serverless.use1.cache.amazonaws.com`;
  return {
    ServerlessCacheName: name,
    Description: `${name} cache`,
    CreateTime: new Date('2024-08-12T16:40:03.000Z'),
    Status: options.status ?? 'available',
    Engine: engine,
    MajorEngineVersion: engine === 'memcached' ? '1.6' : engine === 'valkey' ? '8' : '7',
    FullEngineVersion: engine === 'memcached' ? '1.6' : engine === 'valkey' ? '8.0' : '7.1',
    SecurityGroupIds: ['sg-0b0c0d0e0fEXAMPLE'],
    Endpoint: { Address: host, Port: port },
    ReaderEndpoint: { Address: host, Port: port + 1 },
    ARN: `arn:aws:elasticache:${region}:${ACCOUNT_ID}:serverlesscache:${name}`,
    SubnetIds: TWO_ZONES.map(([, subnetId]) => subnetId),
    SnapshotRetentionLimit: 0,
    DailySnapshotTime: '04:00',
    NetworkType: 'ipv4',
  };
}

// ---------------------------------------------------------------- DynamoDB

export function tableArn(name: string, region = REGION): string {
  return `arn:aws:dynamodb:${region}:${ACCOUNT_ID}:table/${name}`;
}

/**
 * The `Table` of a `DescribeTable` answer (see the API reference example). On-demand tables
 * carry a `BillingModeSummary` and zero provisioned capacity; a table created provisioned has no
 * `BillingModeSummary` at all. `replicas` makes it a global table (version 2019.11.21): the API
 * lists the replicas in the other regions.
 */
export function dynamoDbTable(
  name: string,
  options: { billingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED'; status?: string; replicas?: string[]; region?: string } = {},
): DynamoDbTableDescription {
  const region = options.region ?? REGION;
  const onDemand = (options.billingMode ?? 'PAY_PER_REQUEST') === 'PAY_PER_REQUEST';
  const id = hexId(`table/${name}`, 32);
  const table: DynamoDbTableDescription = {
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    TableName: name,
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    TableStatus: (options.status ?? 'ACTIVE') as 'ACTIVE',
    CreationDateTime: new Date('2024-03-18T10:02:51.449Z'),
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: onDemand ? 0 : 5, WriteCapacityUnits: onDemand ? 0 : 5 },
    TableSizeBytes: 0,
    ItemCount: 0,
    TableArn: tableArn(name, region),
    TableId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`,
    DeletionProtectionEnabled: false,
  };
  if (onDemand) {
    table.BillingModeSummary = { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: new Date('2024-03-18T10:02:51.449Z') };
    table.WarmThroughput = { ReadUnitsPerSecond: 12000, WriteUnitsPerSecond: 4000, Status: 'ACTIVE' };
  }
  if (options.replicas?.length) {
    table.StreamSpecification = { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' };
    table.LatestStreamLabel = '2024-03-18T10:02:51.449';
    table.LatestStreamArn = `${table.TableArn}/stream/${table.LatestStreamLabel}`;
    table.GlobalTableVersion = '2019.11.21';
    table.Replicas = options.replicas.map((RegionName) => ({ RegionName, ReplicaStatus: 'ACTIVE' }));
  }
  return table;
}

/** The `ContinuousBackupsDescription` of `DescribeContinuousBackups` (see the API reference example). */
export function continuousBackups(pitr: 'ENABLED' | 'DISABLED', recoveryPeriodInDays = 35): ContinuousBackupsDescription {
  if (pitr === 'DISABLED') return { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
  return {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: 'ENABLED',
      RecoveryPeriodInDays: recoveryPeriodInDays,
      EarliestRestorableDateTime: new Date('2024-05-04T10:05:00.000Z'),
      LatestRestorableDateTime: new Date('2024-06-08T11:40:00.000Z'),
    },
  };
}

/**
 * A DynamoDB error as the SDK throws it (JSON protocol): a `DynamoDBServiceException` named by
 * the `__type` of the answer. `AccessDeniedException` is not in DynamoDB's model, so the SDK
 * throws its base exception rather than a class of its own.
 */
export function dynamoDbError(name: string, message: string, httpStatusCode = 400): DynamoDBServiceException {
  return Object.assign(
    new DynamoDBServiceException({ name, $fault: httpStatusCode >= 500 ? 'server' : 'client', message, $metadata: { ...responseMetadata(), httpStatusCode } }),
    { __type: `com.amazon.coral.service#${name}` },
  );
}

/** `AccessDeniedException` for an IAM action on one table, with the message AWS sends. */
export function dynamoDbAccessDenied(action: string, resourceArn: string, user = `arn:aws:iam::${ACCOUNT_ID}:user/auditor`): DynamoDBServiceException {
  return dynamoDbError('AccessDeniedException', `User: ${user} is not authorized to perform: ${action} on resource: ${resourceArn} because no identity-based policy allows the ${action} action`);
}
