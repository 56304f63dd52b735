import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  type DBCluster as SdkDbCluster,
  type DBInstance as SdkDbInstance,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { DbCluster, DbInstance, RdsInventory } from '../model/inventory.js';
import { toTags } from './elbv2.js';
import { collectPages } from './paginate.js';
import type { RegionCalls } from './region-calls.js';

/** The API's maximum `MaxRecords` for `DescribeDBInstances` and `DescribeDBClusters` (20 to 100). */
const PAGE_SIZE = 100;

/**
 * DB instances and DB clusters: RDS, Aurora, and also DocumentDB and Neptune, which the same
 * operations return (engine `docdb`, `neptune`); the rules decide what applies to them. Each list
 * is its own step: one failing leaves the other collected.
 */
export async function collectRds(client: RDSClient, calls: RegionCalls): Promise<RdsInventory> {
  const [sdkInstances, sdkClusters] = await Promise.all([
    calls.wants('rds:DescribeDBInstances')
      ? calls.guard(() =>
          collectPages(
            (Marker) => calls.call('rds:DescribeDBInstances', () => client.send(new DescribeDBInstancesCommand({ Marker, MaxRecords: PAGE_SIZE }))),
            (page) => ({ items: page.DBInstances, next: page.Marker }),
          ),
        )
      : undefined,
    calls.wants('rds:DescribeDBClusters')
      ? calls.guard(() =>
          collectPages(
            (Marker) => calls.call('rds:DescribeDBClusters', () => client.send(new DescribeDBClustersCommand({ Marker, MaxRecords: PAGE_SIZE }))),
            (page) => ({ items: page.DBClusters, next: page.Marker }),
          ),
        )
      : undefined,
  ]);
  return {
    instances: (sdkInstances ?? []).flatMap((sdk) => (sdk.DBInstanceIdentifier ? [toDbInstance(sdk)] : [])),
    clusters: (sdkClusters ?? []).flatMap((sdk) => (sdk.DBClusterIdentifier ? [toDbCluster(sdk)] : [])),
  };
}

function toDbInstance(sdk: SdkDbInstance): DbInstance {
  const instance: DbInstance = {
    id: sdk.DBInstanceIdentifier ?? '',
    arn: sdk.DBInstanceArn ?? '',
    engine: sdk.Engine ?? '',
    multiAz: sdk.MultiAZ ?? false,
    backupRetentionPeriod: sdk.BackupRetentionPeriod ?? 0,
    tags: toTags(sdk.TagList),
  };
  if (sdk.DBInstanceClass) instance.instanceClass = sdk.DBInstanceClass;
  if (sdk.DBInstanceStatus) instance.status = sdk.DBInstanceStatus;
  if (sdk.AvailabilityZone) instance.availabilityZone = sdk.AvailabilityZone;
  if (sdk.SecondaryAvailabilityZone) instance.secondaryAvailabilityZone = sdk.SecondaryAvailabilityZone;
  if (sdk.DBClusterIdentifier) instance.clusterId = sdk.DBClusterIdentifier;
  if (sdk.ReadReplicaSourceDBInstanceIdentifier) instance.readReplicaSourceInstanceId = sdk.ReadReplicaSourceDBInstanceIdentifier;
  if (sdk.ReadReplicaSourceDBClusterIdentifier) instance.readReplicaSourceClusterId = sdk.ReadReplicaSourceDBClusterIdentifier;
  return instance;
}

function toDbCluster(sdk: SdkDbCluster): DbCluster {
  const cluster: DbCluster = {
    id: sdk.DBClusterIdentifier ?? '',
    arn: sdk.DBClusterArn ?? '',
    engine: sdk.Engine ?? '',
    multiAz: sdk.MultiAZ ?? false,
    availabilityZones: sdk.AvailabilityZones ?? [],
    members: (sdk.DBClusterMembers ?? []).flatMap((m) => (m.DBInstanceIdentifier ? [{ instanceId: m.DBInstanceIdentifier, isWriter: m.IsClusterWriter ?? false }] : [])),
    backupRetentionPeriod: sdk.BackupRetentionPeriod ?? 0,
    tags: toTags(sdk.TagList),
  };
  if (sdk.EngineMode) cluster.engineMode = sdk.EngineMode;
  if (sdk.Status) cluster.status = sdk.Status;
  if (sdk.ReplicationSourceIdentifier) cluster.replicationSourceIdentifier = sdk.ReplicationSourceIdentifier;
  if (sdk.GlobalClusterIdentifier) cluster.globalClusterId = sdk.GlobalClusterIdentifier;
  return cluster;
}
