import type { RegionScope } from '../../src/engine/region-scope.js';
import type { DbCluster, DbInstance } from '../../src/model/inventory.js';
import { distinctSorted } from '../../src/collections.js';

/** Engines that `DescribeDBInstances`/`DescribeDBClusters` also list but that are not RDS. */
const NON_RDS_ENGINES = new Set(['docdb', 'neptune']);

/**
 * SQL Server editions RDS cannot run Multi-AZ: the fix is another edition, not a flag. Web
 * edition gained Multi-AZ (block-level replication, SQL Server 2022) and is not among them.
 */
export const EDITIONS_WITHOUT_MULTI_AZ = new Set(['sqlserver-ex']);

export function isRdsEngine(engine: string): boolean {
  return !NON_RDS_ENGINES.has(engine);
}

/** `aurora` (MySQL 5.6), `aurora-mysql`, `aurora-postgresql`. */
export function isAurora(engine: string): boolean {
  return engine.startsWith('aurora');
}

export function isReadReplica(instance: DbInstance): boolean {
  return instance.readReplicaSourceInstanceId !== undefined || instance.readReplicaSourceClusterId !== undefined;
}

/** An RDS DB instance of its own: not a member of an Aurora or Multi-AZ DB cluster. */
export function isStandaloneInstance(instance: DbInstance): boolean {
  return isRdsEngine(instance.engine) && !isAurora(instance.engine) && instance.clusterId === undefined;
}

/** The only RDS clusters that are not Aurora: Multi-AZ DB clusters (MySQL, PostgreSQL). */
export function isMultiAzDbCluster(cluster: DbCluster): boolean {
  return isRdsEngine(cluster.engine) && !isAurora(cluster.engine);
}

/** Aurora Serverless v1: one capacity the service itself recreates in another zone; no members. */
export function isAuroraServerlessV1(cluster: DbCluster): boolean {
  return isAurora(cluster.engine) && cluster.engineMode === 'serverless';
}

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
