import { expect } from 'vitest';
import { byName, expectMessage, testRule } from '../support/rule-cases.js';

testRule('rds-backups', [
  {
    name: 'instances and clusters (Aurora, Aurora Serverless v1, Multi-AZ DB cluster) with a retention pass; a replica without backups and DocumentDB get no result',
    fixture: 'pass.json',
    fail: [],
    pass: ['orders-db', 'ledger-cluster', 'inventory-aurora', 'reports-serverless'],
    check(results) {
      // Cluster members (retention of their cluster) are judged at the cluster, not again.
      expect(results).toHaveLength(4);
      expectMessage(byName(results, 'ledger-cluster'), 'backedUp', { kind: 'Multi-AZ', name: 'DB cluster ledger-cluster', retention: '14 days' });
      expectMessage(byName(results, 'inventory-aurora'), 'backedUp', { kind: 'Aurora', name: 'cluster inventory-aurora', retention: '1 day' });
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
      expectMessage(billing, 'noBackups', { kind: 'DB', name: 'instance billing-db' });
      expect(billing.evidence).toEqual({ backupRetentionPeriod: 0 });
      expect(billing.remediation!.commands).toEqual(['aws rds modify-db-instance --db-instance-identifier billing-db --backup-retention-period 7 --apply-immediately --region us-east-1']);

      const ledger = byName(results, 'ledger-cluster');
      expect(ledger.resource.type).toBe('rds:db-cluster');
      expect(ledger.remediation!.commands).toEqual(['aws rds modify-db-cluster --db-cluster-identifier ledger-cluster --backup-retention-period 7 --apply-immediately --region us-east-1']);
    },
  },
]);
