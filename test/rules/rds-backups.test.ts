import { expect } from 'vitest';
import { byName, testRule } from '../support/rule-cases.js';

testRule('rds-backups', [
  {
    name: 'instances and clusters (Aurora, Aurora Serverless v1, Multi-AZ DB cluster) with a retention pass; a replica without backups and DocumentDB get no result',
    fixture: 'pass.json',
    fail: [],
    pass: ['orders-db', 'ledger-cluster', 'inventory-aurora', 'reports-serverless'],
    check(results) {
      // Cluster members (retention of their cluster) are judged at the cluster, not again.
      expect(results).toHaveLength(4);
      expect(byName(results, 'ledger-cluster').message).toBe('Multi-AZ DB cluster ledger-cluster keeps automated backups for 14 days');
      expect(byName(results, 'inventory-aurora').message).toBe('Aurora cluster inventory-aurora keeps automated backups for 1 day');
      expect(byName(results, 'orders-db').resource.type).toBe('rds:db-instance');
      expect(byName(results, 'inventory-aurora').resource.type).toBe('rds:db-cluster');
    },
  },
  {
    name: 'retention 0 fails on an instance and on a Multi-AZ DB cluster (judged once, at the cluster); the replica without backups gets no result',
    fixture: 'fail.json',
    fail: [
      { resource: 'billing-db', messageId: 'noBackups' },
      { resource: 'ledger-cluster', messageId: 'noBackups' },
    ],
    pass: ['crm-db', 'inventory-aurora'],
    check(results) {
      const billing = byName(results, 'billing-db');
      expect(billing.message).toBe('DB instance billing-db has automated backups turned off (retention 0 days): it cannot be restored to a point in time');
      expect(billing.evidence).toEqual({ backupRetentionPeriod: 0 });
      expect(billing.remediation!.commands).toEqual(['aws rds modify-db-instance --db-instance-identifier billing-db --backup-retention-period 7 --apply-immediately --region us-east-1']);

      const ledger = byName(results, 'ledger-cluster');
      expect(ledger.resource.type).toBe('rds:db-cluster');
      expect(ledger.remediation!.commands).toEqual(['aws rds modify-db-cluster --db-cluster-identifier ledger-cluster --backup-retention-period 7 --apply-immediately --region us-east-1']);
    },
  },
]);
