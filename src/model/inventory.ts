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
  regions: RegionInventory[];
}

export interface RegionInventory {
  region: string;
  elbv2: Elbv2Inventory;
  autoscaling: AutoScalingInventory;
  ec2: Ec2Inventory;
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

// ---------------------------------------------------------------- Gaps

/** Something the collectors could not see. */
export interface Gap {
  accountId: string;
  region: string;
  /** Our service id: `elbv2`, `autoscaling`, `ec2`, `sts`. */
  service: string;
  operation: string;
  /** The AWS error code (`AccessDenied`, `UnauthorizedOperation`...) or a network error code. */
  code: string;
  message: string;
}
