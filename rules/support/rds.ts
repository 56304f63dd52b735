import type { RegionScope } from '../../src/engine/region-scope.js';
import type { DbCluster, DbInstance } from '../../src/model/inventory.js';
import { distinctSorted } from '../../src/collections.js';

export { EDITIONS_WITHOUT_MULTI_AZ, isAurora, isAuroraServerlessV1, isMultiAzDbCluster, isRdsEngine, isReadReplica, isStandaloneInstance } from '../../src/model/rds.js';

export interface ClusterMember {
  instanceId: string;
  isWriter: boolean;
  /** The member's DB instance, when `DescribeDBInstances` listed it. */
  instance?: DbInstance;
}

/** Each member of a cluster with its DB instance, looked up in the same region's inventory. */
export function clusterMembers(scope: RegionScope, cluster: DbCluster): ClusterMember[] {
  return cluster.members.map((m) => ({ instanceId: m.instanceId, isWriter: m.isWriter, instance: scope.dbInstance(m.instanceId) }));
}

/** The distinct zones the members run in, and the members whose zone is not known. */
export function memberZones(members: readonly ClusterMember[]): { zones: string[]; unknown: string[] } {
  return {
    zones: distinctSorted(members.flatMap((m) => (m.instance?.availabilityZone ? [m.instance.availabilityZone] : []))),
    unknown: members.filter((m) => !m.instance?.availabilityZone).map((m) => m.instanceId),
  };
}

/** `instance-id (zone, writer)` per member, for evidence; `unknown zone` where it is not known. */
export function describeMembers(members: readonly ClusterMember[]): string[] {
  return members.map((m) => `${m.instanceId} (${m.instance?.availabilityZone ?? 'unknown zone'}, ${m.isWriter ? 'writer' : 'reader'})`);
}
