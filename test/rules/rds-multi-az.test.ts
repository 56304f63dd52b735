import { expect } from 'vitest';
import { byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

testRule('rds-multi-az', [
  {
    name: 'a Multi-AZ instance passes; a Multi-AZ DB cluster passes once, at the cluster; replicas, Aurora, DocumentDB and Neptune get no result',
    fixture: 'pass.json',
    fail: [],
    pass: ['orders-db', 'ledger-cluster'],
    check(results) {
      // Members of ledger-cluster and inventory-aurora have MultiAZ false by design: never judged one by one.
      expect(results.map((r) => r.resource.type).sort()).toEqual(['rds:db-cluster', 'rds:db-instance']);
      expect(byName(results, 'orders-db').resource).toEqual({
        type: 'rds:db-instance',
        id: 'arn:aws:rds:us-east-1:111122223333:db:orders-db',
        arn: 'arn:aws:rds:us-east-1:111122223333:db:orders-db',
        name: 'orders-db',
        region: 'us-east-1',
        accountId: '111122223333',
        tags: { team: 'orders' },
      });
      const ledger = byName(results, 'ledger-cluster');
      expect(ledger.resource.type).toBe('rds:db-cluster');
      expectMessage(ledger, 'multiAzCluster', { name: 'ledger-cluster', instanceCount: '3 instances', zoneCount: '3 zones', zones: 'us-east-1a, us-east-1b, us-east-1c' });
      expect(ledger.evidence).toEqual({
        multiAz: true,
        members: [
          'ledger-cluster-instance-1 (us-east-1a, writer)',
          'ledger-cluster-instance-2 (us-east-1b, reader)',
          'ledger-cluster-instance-3 (us-east-1c, reader)',
        ],
      });
    },
  },
  {
    name: 'Single-AZ instances fail (SQL Server Express with its own remediation); the single-instance Aurora cluster and the replica get no result',
    fixture: 'fail.json',
    fail: [
      { resource: 'billing-db', messageId: 'singleAz' },
      { resource: 'legacy-mssql', messageId: 'editionWithoutMultiAz' },
      { resource: 'events-cluster', messageId: 'clusterNotMultiAz' },
    ],
    pass: ['crm-db'],
    check(results) {
      const billing = byName(results, 'billing-db');
      expectMessage(billing, 'singleAz', { name: 'billing-db', zone: 'us-east-1b' });
      expect(billing.evidence).toEqual({ multiAz: false, availabilityZone: 'us-east-1b' });
      expect(commandsOf(billing)).toEqual(['aws rds modify-db-instance --db-instance-identifier billing-db --multi-az --apply-immediately --region us-east-1']);
      // Backups are on already: only the standby, with what it costs.
      expect(billing.remediation!.warning).toMatch(/standby, billed like the instance/);

      // Express cannot be Multi-AZ: modify-db-instance --multi-az would be refused.
      expect(commandsOf(byName(results, 'legacy-mssql'))).toEqual([
        'aws rds create-db-snapshot --db-instance-identifier legacy-mssql --db-snapshot-identifier <snapshot-id> --region us-east-1',
        'aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <new-instance-id> --db-snapshot-identifier <snapshot-id> --engine sqlserver-se --db-instance-class <db-instance-class> --multi-az --region us-east-1',
      ]);

      const events = byName(results, 'events-cluster');
      expectMessage(events, 'clusterNotMultiAz', { name: 'events-cluster', engine: 'mysql', instanceCount: '1 instance', zones: 'us-east-1a' });
      expect(commandsOf(events)).toEqual([
        "aws rds describe-db-clusters --db-cluster-identifier events-cluster --query 'DBClusters[0].[Status,MultiAZ,DBClusterMembers]' --region us-east-1",
      ]);
    },
  },
]);
