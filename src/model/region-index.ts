import type {
  AutoScalingGroup,
  Target,
  CacheCluster,
  DbCluster,
  DbInstance,
  DynamoDbTable,
  Ec2Instance,
  LoadBalancer,
  RegionInventory,
  ReplicationGroup,
  ServerlessCache,
  Subnet,
  TargetGroup,
} from './inventory.js';
import { groupBy, indexBy } from '../collections.js';
import { ipv4InCidr } from './network.js';

/** Where a target serves from: zones, the whole region (Lambda), or unknown. */
export type TargetPlacement = { kind: 'zones'; zones: string[] } | { kind: 'regional' } | { kind: 'unknown' };

/**
 * One account and region of the inventory with its lookups, built once and shared (a scan of
 * 50,000 load balancers must not rebuild them per rule): the rules' `RegionScope` and the
 * resilience model both read through it.
 */
export class RegionIndex {
  private cache = new Map<string, unknown>();

  constructor(
    readonly accountId: string,
    readonly inventory: RegionInventory,
  ) {}

  get region(): string {
    return this.inventory.region;
  }

  get loadBalancers(): LoadBalancer[] {
    return this.inventory.elbv2.loadBalancers;
  }

  get targetGroups(): TargetGroup[] {
    return this.inventory.elbv2.targetGroups;
  }

  get autoScalingGroups(): AutoScalingGroup[] {
    return this.inventory.autoscaling.groups;
  }

  get dbInstances(): DbInstance[] {
    return this.inventory.rds.instances;
  }

  get dbClusters(): DbCluster[] {
    return this.inventory.rds.clusters;
  }

  get replicationGroups(): ReplicationGroup[] {
    return this.inventory.elasticache.replicationGroups;
  }

  get cacheClusters(): CacheCluster[] {
    return this.inventory.elasticache.cacheClusters;
  }

  get serverlessCaches(): ServerlessCache[] {
    return this.inventory.elasticache.serverlessCaches;
  }

  get dynamoDbTables(): DynamoDbTable[] {
    return this.inventory.dynamodb.tables;
  }

  loadBalancer(arn: string): LoadBalancer | undefined {
    return this.index('loadBalancers', () => indexBy(this.loadBalancers, (lb) => lb.arn)).get(arn);
  }

  targetGroup(arn: string): TargetGroup | undefined {
    return this.index('targetGroups', () => indexBy(this.targetGroups, (tg) => tg.arn)).get(arn);
  }

  instance(id: string): Ec2Instance | undefined {
    return this.index('instances', () => indexBy(this.inventory.ec2.instances, (i) => i.id)).get(id);
  }

  subnet(id: string): Subnet | undefined {
    return this.index('subnets', () => indexBy(this.inventory.ec2.subnets, (s) => s.id)).get(id);
  }

  dbInstance(id: string): DbInstance | undefined {
    return this.index('dbInstances', () => indexBy(this.dbInstances, (i) => i.id)).get(id);
  }

  cacheCluster(id: string): CacheCluster | undefined {
    return this.index('cacheClusters', () => indexBy(this.cacheClusters, (c) => c.id)).get(id);
  }

  subnetsOfVpc(vpcId: string): Subnet[] {
    return this.index('subnetsByVpc', () => groupBy(this.inventory.ec2.subnets, (s) => s.vpcId)).get(vpcId) ?? [];
  }

  /** Target groups attached to a load balancer (through any listener or rule). */
  targetGroupsOf(loadBalancerArn: string): TargetGroup[] {
    const index = this.index('targetGroupsByLoadBalancer', () =>
      groupBy(
        this.targetGroups.flatMap((tg) => tg.loadBalancerArns.map((lbArn) => ({ lbArn, tg }))),
        (pair) => pair.lbArn,
      ),
    );
    return index.get(loadBalancerArn)?.map((pair) => pair.tg) ?? [];
  }

  /** Target groups the listeners of a load balancer forward to: default actions and rules. */
  forwardedTargetGroupArns(lb: LoadBalancer): string[] {
    const arns = new Set<string>();
    for (const listener of lb.listeners) {
      for (const action of listener.defaultActions) action.targetGroupArns.forEach((arn) => arns.add(arn));
      for (const rule of listener.rules) {
        for (const action of rule.actions) action.targetGroupArns.forEach((arn) => arns.add(arn));
      }
    }
    return [...arns];
  }

  /**
   * Instances take their zone from EC2; IP addresses from `DescribeTargetHealth`, else from the
   * subnet of the target group's VPC that contains them; an ALB target from that ALB's zones;
   * Lambda functions are regional.
   */
  targetPlacement(tg: TargetGroup, target: Target): TargetPlacement {
    const reported = target.availabilityZone && target.availabilityZone !== 'all' ? target.availabilityZone : undefined;
    switch (tg.targetType) {
      case 'lambda':
        return { kind: 'regional' };
      case 'alb': {
        const alb = this.loadBalancer(target.id);
        return alb ? { kind: 'zones', zones: alb.availabilityZones.map((z) => z.zoneName) } : { kind: 'unknown' };
      }
      case 'instance': {
        const zone = this.instance(target.id)?.availabilityZone ?? reported;
        return zone ? { kind: 'zones', zones: [zone] } : { kind: 'unknown' };
      }
      case 'ip': {
        const zone =
          reported ??
          (tg.vpcId ? this.subnetsOfVpc(tg.vpcId).find((s) => s.cidrBlock && ipv4InCidr(target.id, s.cidrBlock)) : undefined)
            ?.availabilityZone;
        return zone ? { kind: 'zones', zones: [zone] } : { kind: 'unknown' };
      }
      default:
        return { kind: 'unknown' };
    }
  }

  protected index<T>(key: string, build: () => T): T {
    let value = this.cache.get(key) as T | undefined;
    if (value === undefined) {
      value = build();
      this.cache.set(key, value);
    }
    return value;
  }
}
