import type { RegionScope } from '../../src/engine/region-scope.js';
import type { DbCluster, DbInstance } from '../../src/model/inventory.js';
import { distinctSorted } from '../../src/collections.js';
import { aws } from '../../src/engine/command.js';
import { EDITIONS_WITHOUT_MULTI_AZ } from '../../src/model/rds.js';
import type { RemediationStep } from '../../src/model/result.js';

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

/** The retention the backup fixes set: a week of point-in-time restore. */
export const BACKUP_RETENTION_DAYS = 7;

/**
 * The one `modify-db-instance` that `rds-multi-az` and `rds-backups` both give a DB instance:
 * every change it needs (Multi-AZ, backups) in one call. Two calls with `--apply-immediately`
 * would collide (the second is refused while the instance is modifying) or restart it twice.
 */
export function instanceFix(instance: DbInstance): { steps: RemediationStep[]; warning: string } {
  const flags: (string | number)[] = [];
  const warnings: string[] = [];
  if (!instance.multiAz && !EDITIONS_WITHOUT_MULTI_AZ.has(instance.engine)) {
    flags.push('--multi-az');
    warnings.push('A Multi-AZ instance runs a standby, billed like the instance; while it is created, from a snapshot, I/O is slower.');
  }
  if (instance.backupRetentionPeriod === 0) {
    flags.push('--backup-retention-period', BACKUP_RETENTION_DAYS);
    warnings.push('Turning backups on from 0 days takes the instance offline briefly: without --apply-immediately it waits for the maintenance window.');
  }
  return { steps: [aws('rds', 'modify-db-instance', '--db-instance-identifier', instance.id, ...flags, '--apply-immediately')], warning: warnings.join(' ') };
}
