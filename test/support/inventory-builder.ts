import {
  emptyRegionInventory,
  emptyRoute53Inventory,
  type AccountInventory,
  type AutoScalingGroup,
  type DnsRecord,
  type HostedZone,
  type Inventory,
  type LoadBalancer,
  type RegionInventory,
  type Route53HealthCheck,
  type TargetGroup,
} from '../../src/model/inventory.js';

/** Zone ids of the builder's regions: `us-east-1a` is `use1-az1` in the first account, shifted by one in each next one. */
const REGION_PREFIX: Record<string, string> = { 'us-east-1': 'use1', 'eu-west-1': 'euw1', 'us-west-2': 'usw2' };

export const ACCOUNT = '111122223333';

/**
 * Inventories built in a few lines for the resilience tests: load balancers with listeners,
 * target groups and targets per zone, Auto Scaling groups, records and health checks. Every
 * object is the inventory's own shape, so a test may still edit any field.
 */
export class InventoryBuilder {
  readonly inventory: Inventory = { format: 'ha-audit-inventory', formatVersion: 1, collectedAt: '2026-11-20T09:00:00.000Z', accounts: [], gaps: [] };
  private counter = 0;

  account(accountId = ACCOUNT): AccountInventory {
    let account = this.inventory.accounts.find((a) => a.accountId === accountId);
    if (!account) {
      account = { accountId, route53: emptyRoute53Inventory(), regions: [] };
      this.inventory.accounts.push(account);
    }
    return account;
  }

  /** A region with zones a, b, c and their ids (shifted per account, as AWS shuffles names). */
  region(name: string, accountId = ACCOUNT): RegionInventory {
    const account = this.account(accountId);
    let region = account.regions.find((r) => r.region === name);
    if (!region) {
      region = emptyRegionInventory(name);
      const shift = this.inventory.accounts.indexOf(account);
      region.ec2.availabilityZones = ['a', 'b', 'c'].map((letter, i) => ({ zoneName: `${name}${letter}`, zoneId: `${REGION_PREFIX[name] ?? name}-az${((i + shift) % 3) + 1}` }));
      region.ec2.subnets = ['a', 'b', 'c'].map((letter) => ({ id: `subnet-${name}${letter}`, vpcId: 'vpc-1', availabilityZone: `${name}${letter}` }));
      account.regions.push(region);
    }
    return region;
  }

  /** A load balancer with nodes in the given zone letters. */
  loadBalancer(region: string, name: string, options: { zones?: string[]; type?: LoadBalancer['type']; scheme?: string; attributes?: Record<string, string>; accountId?: string } = {}): LoadBalancer {
    const inventory = this.region(region, options.accountId);
    const type = options.type ?? 'application';
    const accountId = options.accountId ?? ACCOUNT;
    const lb: LoadBalancer = {
      arn: `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/${type === 'application' ? 'app' : type === 'network' ? 'net' : 'gwy'}/${name}/${this.hex()}`,
      name,
      type,
      dnsName: `${name}-${this.counter}.${region}.elb.amazonaws.com`,
      scheme: options.scheme ?? 'internet-facing',
      vpcId: 'vpc-1',
      availabilityZones: (options.zones ?? ['a', 'b']).map((z) => ({ zoneName: `${region}${z}`, subnetId: `subnet-${region}${z}` })),
      attributes: options.attributes ?? {},
      listeners: [],
      tags: {},
    };
    inventory.elbv2.loadBalancers.push(lb);
    return lb;
  }

  /**
   * A target group the load balancer's listener forwards to (a new listener on port 443 + n, or
   * a rule of the given one), with targets: `{a: 2, b: 1}` healthy instances per zone letter.
   */
  targetGroup(
    lb: LoadBalancer,
    name: string,
    targets: Record<string, number | { healthy: number; unhealthy?: number }>,
    options: { type?: TargetGroup['targetType']; attributes?: Record<string, string>; healthCheck?: Partial<TargetGroup['healthCheck']>; rulePriority?: string; listener?: number } = {},
  ): TargetGroup {
    const region = this.regionOf(lb);
    const inventory = this.region(region, accountOf(lb.arn));
    const tg: TargetGroup = {
      arn: `arn:aws:elasticloadbalancing:${region}:${accountOf(lb.arn)}:targetgroup/${name}/${this.hex()}`,
      name,
      targetType: options.type ?? 'instance',
      protocol: 'HTTP',
      port: 80,
      vpcId: 'vpc-1',
      loadBalancerArns: [lb.arn],
      healthCheck: { enabled: true, intervalSeconds: 10, unhealthyThreshold: 3, ...options.healthCheck },
      attributes: options.attributes ?? {},
      targets: [],
      tags: {},
    };
    if (tg.targetType === 'lambda') {
      tg.targets.push({ id: `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`, state: 'unavailable', reason: 'Target.HealthCheckDisabled', availabilityZone: 'all' });
    } else {
      for (const [letter, count] of Object.entries(targets)) {
        const { healthy, unhealthy = 0 } = typeof count === 'number' ? { healthy: count } : count;
        for (let i = 0; i < healthy + unhealthy; i++) {
          const id = `i-${this.hex()}`;
          tg.targets.push({ id, port: 80, state: i < healthy ? 'healthy' : 'unhealthy' });
          inventory.ec2.instances.push({ id, availabilityZone: `${region}${letter}`, state: 'running' });
        }
      }
    }
    inventory.elbv2.targetGroups.push(tg);
    const index = options.listener ?? lb.listeners.length;
    let listener = lb.listeners[index];
    if (!listener) {
      listener = { arn: `${lb.arn.replace(':loadbalancer/', ':listener/')}/${this.hex()}`, port: 443 + index, protocol: 'HTTPS', defaultActions: [], rules: [] };
      lb.listeners.push(listener);
    }
    const action = { type: 'forward', targetGroupArns: [tg.arn] };
    if (options.rulePriority !== undefined) listener.rules.push({ arn: `${listener.arn}/rule/${this.hex()}`, priority: options.rulePriority, actions: [action] });
    else listener.defaultActions.push(action);
    return tg;
  }

  /** An Auto Scaling group feeding the target group, over subnets of the given zone letters. */
  autoScalingGroup(tg: TargetGroup, name: string, options: Partial<AutoScalingGroup> & { zones?: string[] } = {}): AutoScalingGroup {
    const region = tg.arn.split(':')[3]!;
    const { zones = ['a', 'b'], ...fields } = options;
    const group: AutoScalingGroup = {
      arn: `arn:aws:autoscaling:${region}:${ACCOUNT}:autoScalingGroup:${this.hex()}:autoScalingGroupName/${name}`,
      name,
      minSize: 2,
      maxSize: 6,
      desiredCapacity: 3,
      availabilityZones: zones.map((z) => `${region}${z}`),
      subnetIds: zones.map((z) => `subnet-${region}${z}`),
      healthCheckTypes: ['ELB'],
      loadBalancerNames: [],
      targetGroupArns: [tg.arn],
      trafficSources: [],
      instances: [],
      scalingPolicies: [],
      tags: {},
      suspendedProcesses: [],
      capacityDistributionStrategy: 'balanced-best-effort',
      ...fields,
    };
    this.region(region, accountOf(tg.arn)).autoscaling.groups.push(group);
    return group;
  }

  hostedZone(name: string, options: { privateZone?: boolean; accountId?: string } = {}): HostedZone {
    const zone: HostedZone = { id: `Z${this.hex().toUpperCase().slice(-12)}`, name, privateZone: options.privateZone ?? false, records: [] };
    this.account(options.accountId).route53.hostedZones.push(zone);
    return zone;
  }

  /** An alias record to a load balancer (EvaluateTargetHealth as given, default false). */
  alias(zone: HostedZone, name: string, lb: LoadBalancer, fields: Partial<DnsRecord> & { evaluateTargetHealth?: boolean } = {}): DnsRecord {
    const { evaluateTargetHealth = false, ...rest } = fields;
    const record: DnsRecord = { name, type: 'A', values: [], aliasTarget: { hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: `dualstack.${lb.dnsName}.`, evaluateTargetHealth }, ...rest };
    zone.records.push(record);
    return record;
  }

  /** A CNAME record (TTL 60 unless given). */
  cname(zone: HostedZone, name: string, value: string, fields: Partial<DnsRecord> = {}): DnsRecord {
    const record: DnsRecord = { name, type: 'CNAME', ttl: 60, values: [value], ...fields };
    zone.records.push(record);
    return record;
  }

  healthCheck(fields: Partial<Route53HealthCheck> = {}, accountId = ACCOUNT): Route53HealthCheck {
    const check: Route53HealthCheck = { id: `${this.hex().slice(-8)}-0000-4000-8000-000000000000`, type: 'HTTPS', port: 443, requestInterval: 10, failureThreshold: 3, disabled: false, inverted: false, ...fields };
    this.account(accountId).route53.healthChecks.push(check);
    return check;
  }

  private regionOf(lb: LoadBalancer): string {
    return lb.arn.split(':')[3]!;
  }

  private hex(): string {
    this.counter++;
    return this.counter.toString(16).padStart(16, '0');
  }
}

function accountOf(arn: string): string {
  return arn.split(':')[4]!;
}
