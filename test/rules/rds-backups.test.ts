import { expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { loadInventory } from '../../src/cli/files.js';
import { runRules } from '../../src/engine/run-rules.js';
import { argvOf, byName, expectMessage, fixturePath, testRule } from '../support/rule-cases.js';

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
      // billing-db is Single-AZ too: one call does both (rds-multi-az gives the same), not two that collide.
      expect(argvOf(results, 'billing-db')).toEqual([['rds', 'modify-db-instance', '--db-instance-identifier', 'billing-db', '--multi-az', '--backup-retention-period', '7', '--apply-immediately']]);
      expect(billing.remediation!.warning).toMatch(/standby.*offline briefly/);

      const ledger = byName(results, 'ledger-cluster');
      expect(ledger.resource.type).toBe('rds:db-cluster');
      expect(argvOf(results, 'ledger-cluster')).toEqual([['rds', 'modify-db-cluster', '--db-cluster-identifier', 'ledger-cluster', '--backup-retention-period', '7', '--apply-immediately']]);
    },
  },
]);

it('gives the same fix as rds-multi-az for an instance both fail', async () => {
  const inventory = await loadInventory(fixturePath('rds-backups', 'fail.json'));
  const results = runRules(inventory, { rules: rules.filter((r) => r.id === 'rds-backups' || r.id === 'rds-multi-az') });
  const fixes = results.filter((r) => r.resource.name === 'billing-db').map((r) => [r.ruleId, r.remediation]);
  expect(fixes.map(([id]) => id)).toEqual(['rds-backups', 'rds-multi-az']);
  expect(fixes[0]![1]).toEqual({ ...(fixes[1]![1] as object), summary: expect.any(String), docs: expect.any(String) });
});
