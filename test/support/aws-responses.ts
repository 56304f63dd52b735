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
import type { Instance as Ec2Instance, Subnet as Ec2Subnet } from '@aws-sdk/client-ec2';
import type {
  Action,
  Listener as ElbListener,
  LoadBalancer as ElbLoadBalancer,
  Rule as ElbRule,
  Tag as ElbTag,
  TargetGroup as ElbTargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';

export type { AsgGroup, AsgPolicy, Ec2Instance, Ec2Subnet, ElbListener, ElbLoadBalancer, ElbRule, ElbTag, ElbTargetGroup, TargetHealthDescription };

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
    };
  }
  return { 'access_logs.s3.enabled': 'false', 'deletion_protection.enabled': 'false', 'load_balancing.cross_zone.enabled': 'false' };
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
    SuspendedProcesses: [],
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
