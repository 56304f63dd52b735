/**
 * The inventory: what the collectors saw of one or more accounts, as plain JSON-serialisable
 * data. `--save-inventory` writes it, `--inventory` reads it back, fixtures are made of it.
 * Its shape is defined once, in `inventory-definition.ts`; the types below are derived from
 * that definition (type-only imports: commands that read an inventory do not load TypeBox).
 */

export type {
  AccountInventory,
  AliasTarget,
  AutoScalingGroup,
  AutoScalingInventory,
  CacheCluster,
  DbCluster,
  DbInstance,
  DnsRecord,
  DynamoDbInventory,
  DynamoDbTable,
  Ec2Instance,
  Ec2Inventory,
  ElastiCacheInventory,
  Elbv2Inventory,
  Gap,
  Shard,
  HealthCheck,
  HostedZone,
  Inventory,
  Listener,
  ListenerAction,
  ListenerRule,
  LoadBalancer,
  LoadBalancerType,
  LoadBalancerZone,
  RdsInventory,
  RegionInventory,
  ReplicationGroup,
  Route53HealthCheck,
  Route53Inventory,
  ScalingPolicy,
  ServerlessCache,
  SkippedAccount,
  Subnet,
  Tags,
  Target,
  TargetGroup,
  TargetType,
} from './inventory-definition.js';

import type { RegionInventory, Route53Inventory } from './inventory-definition.js';

export const INVENTORY_FORMAT = 'ha-audit-inventory';
/** What `--save-inventory` writes: 2 may leave out empty services, lists and maps. */
export const INVENTORY_FORMAT_VERSION = 2;
/** Every version that shipped, and that this ha-audit still reads (1: everything written out). */
export const INVENTORY_FORMAT_VERSIONS = [1, 2] as const;

/** The region of gaps and results about a global service (Route 53). */
export const GLOBAL_REGION = 'global';

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
