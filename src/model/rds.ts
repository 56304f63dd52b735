import type { DbCluster, DbInstance } from './inventory.js';

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
