import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';
import { countOf } from '../src/engine/plural.js';
import { isAurora, isReadReplica, isRdsEngine, isStandaloneInstance } from './support/rds.js';

/** The retention the remediation sets: a week of point-in-time restore. */
const RETENTION_DAYS = 7;

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
        .map((instance) => ({ ref: scope.dbInstanceRef(instance), kind: 'DB instance', database: instance, modify: ['modify-db-instance', '--db-instance-identifier'] as const })),
      // DocumentDB and Neptune clusters are listed by the RDS API too, but are not RDS.
      ...scope.dbClusters
        .filter((cluster) => isRdsEngine(cluster.engine))
        .map((cluster) => ({ ref: scope.dbClusterRef(cluster), kind: isAurora(cluster.engine) ? 'Aurora cluster' : 'Multi-AZ DB cluster', database: cluster, modify: ['modify-db-cluster', '--db-cluster-identifier'] as const })),
    ];
    for (const { ref, kind, database, modify } of databases) {
      const data = { kind, name: database.id };
      const retention = database.backupRetentionPeriod;
      const evidence = { backupRetentionPeriod: retention };
      if (retention > 0) {
        pass(ref, 'backedUp', { ...data, retention: countOf(retention, 'day') }, { evidence });
        continue;
      }
      const [operation, idOption] = modify;
      fail(ref, 'noBackups', data, { evidence, steps: [aws('rds', operation, idOption, database.id, '--backup-retention-period', RETENTION_DAYS, '--apply-immediately')] });
    }
  },
});
