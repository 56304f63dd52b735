import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';
import { countOf } from '../src/engine/plural.js';
import { BACKUP_RETENTION_DAYS, instanceFix, isAurora, isReadReplica, isRdsEngine, isStandaloneInstance } from './support/rds.js';

export default defineRule({
  id: 'rds-backups',
  title: 'RDS databases keep automated backups',
  service: 'rds',
  severity: 'medium',
  wellArchitected: ['REL09-BP01', 'REL09-BP03'],
  uses: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  params: {},
  messages: {
    backedUp: '{{kind}} {{name}} keeps automated backups for {{retention}}',
    noBackups: '{{kind}} {{name}} has automated backups turned off (retention 0 days): it cannot be restored to a point in time',
  },
  rationale:
    'Automated backups are what a database is rebuilt from when it is lost: a Single-AZ instance whose zone fails for good, a corruption or a bad migration that Multi-AZ replicates to the standby at once. With a retention of 0 there are no automated snapshots and no point-in-time restore, and no read replica can be created from the database. Judged on DB instances of their own and on DB clusters (Aurora, Multi-AZ DB clusters), whose members share the cluster\'s backups; read replicas are left out, because their backups are optional (they can be rebuilt from the source) and some engines do not support them at all.',
  remediation: {
    summary:
      'Set a backup retention period of at least 1 day (7 here). On a DB instance, turning backups on from 0 causes a brief outage: drop --apply-immediately to wait for the maintenance window.',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  },
  check(scope, { pass, fail }) {
    const databases = [
      ...scope.dbInstances
        .filter((instance) => isStandaloneInstance(instance) && !isReadReplica(instance))
        .map((instance) => ({
          ref: scope.dbInstanceRef(instance),
          kind: 'DB instance',
          database: instance,
          // With Multi-AZ in the same call when rds-multi-az wants it too: one change, not two that collide.
          fix: () => instanceFix(instance),
        })),
      // DocumentDB and Neptune clusters are listed by the RDS API too, but are not RDS.
      ...scope.dbClusters
        .filter((cluster) => isRdsEngine(cluster.engine))
        .map((cluster) => ({
          ref: scope.dbClusterRef(cluster),
          kind: isAurora(cluster.engine) ? 'Aurora cluster' : 'Multi-AZ DB cluster',
          database: cluster,
          fix: () => ({ steps: [aws('rds', 'modify-db-cluster', '--db-cluster-identifier', cluster.id, '--backup-retention-period', BACKUP_RETENTION_DAYS, '--apply-immediately')] }),
        })),
    ];
    for (const { ref, kind, database, fix } of databases) {
      const data = { kind, name: database.id };
      const retention = database.backupRetentionPeriod;
      const evidence = { backupRetentionPeriod: retention };
      if (retention > 0) {
        pass(ref, 'backedUp', { ...data, retention: countOf(retention, 'day') }, { evidence });
        continue;
      }
      fail(ref, 'noBackups', data, { evidence, ...fix() });
    }
  },
});
