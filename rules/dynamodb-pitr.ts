import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';

export default defineRule({
  id: 'dynamodb-pitr',
  title: 'DynamoDB tables have point-in-time recovery',
  service: 'dynamodb',
  severity: 'medium',
  // DescribeTable gives the table's ARN (the result's resource), DescribeContinuousBackups the status.
  wellArchitected: ['REL09-BP01', 'REL09-BP03'],
  uses: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups'],
  params: {},
  messages: {
    enabled: 'Table {{name}} has point-in-time recovery enabled: it can be restored to any second of its recovery period',
    disabled: 'Table {{name}} has point-in-time recovery disabled: a bad write or delete cannot be undone',
    unreported: 'Table {{name}}: DescribeContinuousBackups did not report point-in-time recovery ({{status}}), so it cannot be shown to be on',
  },
  rationale:
    'DynamoDB already keeps every table in three zones, so a zone failure loses nothing; what it replicates just as faithfully is a bad deploy, a runaway script or a mass delete, to every zone at once (and to every replica of a global table). Point-in-time recovery is the way back to the table as it was a second before: without it, only the on-demand backups someone remembered to take.',
  remediation: {
    summary: 'Turn on point-in-time recovery (for a global table, in each replica\'s region).',
    docs: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html',
  },
  check(scope, { pass, fail }) {
    for (const table of scope.dynamoDbTables) {
      const ref = scope.dynamoDbTableRef(table);
      const evidence = { pointInTimeRecovery: table.pointInTimeRecovery, recoveryPeriodInDays: table.recoveryPeriodInDays, replicaRegions: table.replicaRegions };
      if (table.pointInTimeRecovery === 'ENABLED') {
        pass(ref, 'enabled', { name: table.name }, { evidence });
        continue;
      }
      const steps = [aws('dynamodb', 'update-continuous-backups', '--table-name', table.name, '--point-in-time-recovery-specification', 'PointInTimeRecoveryEnabled=true')];
      const warning = 'Point-in-time recovery is billed by the size of the table (and of each replica, region by region).';
      if (table.pointInTimeRecovery === 'DISABLED') fail(ref, 'disabled', { name: table.name }, { evidence, steps, warning });
      // Any other status (the collector's UNKNOWN when the answer lacked it) is not a pass.
      else fail(ref, 'unreported', { name: table.name, status: table.pointInTimeRecovery }, { evidence, steps, warning });
    }
  },
});
