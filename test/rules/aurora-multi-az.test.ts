import { expect } from 'vitest';
import { byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

testRule('aurora-multi-az', [
  {
    name: 'instances in two zones pass (even with a member missing from DescribeDBInstances); Serverless v1 passes; Multi-AZ DB clusters and DocumentDB get no result; a headless global-database secondary is not judged',
    fixture: 'pass.json',
    fail: [],
    pass: ['inventory-aurora', 'sessions-aurora', 'reports-serverless'],
    check(results) {
      const inventory = byName(results, 'inventory-aurora');
      expectMessage(inventory, 'multiZone', { name: 'inventory-aurora', instanceCount: '2 instances', zoneCount: '2 zones', zones: 'us-east-1a, us-east-1b' });
      expect(inventory.resource).toMatchObject({ type: 'rds:db-cluster', arn: 'arn:aws:rds:us-east-1:111122223333:cluster:inventory-aurora' });

      // Two of four members share us-east-1a, one is not listed: us-east-1a and us-east-1c still prove two zones.
      const sessions = byName(results, 'sessions-aurora');
      expectMessage(sessions, 'multiZone', { name: 'sessions-aurora', instanceCount: '4 instances', zoneCount: '2 zones', zones: 'us-east-1a, us-east-1c' });
      expect(sessions.evidence).toEqual({
        members: [
          'sessions-aurora-instance-1 (us-east-1a, writer)',
          'sessions-aurora-instance-2 (us-east-1a, reader)',
          'sessions-aurora-instance-3 (us-east-1c, reader)',
          'sessions-aurora-instance-4 (unknown zone, reader)',
        ],
        instanceZones: ['us-east-1a', 'us-east-1c'],
        storageZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      });

      expect(byName(results, 'reports-serverless').messageId).toBe('serverlessV1');
    },
  },
  {
    name: 'one instance, all instances in one zone, an unplaced member, no instance at all: each fails with its own message',
    fixture: 'fail.json',
    fail: [
      { resource: 'analytics-aurora', messageId: 'singleInstance' },
      { resource: 'payments-aurora', messageId: 'singleZone' },
      { resource: 'audit-aurora', messageId: 'zoneUnknown' },
      { resource: 'dr-aurora', messageId: 'noInstance' },
    ],
    pass: ['inventory-aurora'],
    check(results) {
      // The new reader takes the writer's class (Serverless v2 too) and a storage zone the writer is not in.
      const analytics = byName(results, 'analytics-aurora');
      expectMessage(analytics, 'singleInstance', { name: 'analytics-aurora', instance: 'analytics-aurora-instance-1', zone: 'us-east-1b' });
      expect(commandsOf(analytics)).toEqual([
        'aws rds create-db-instance --db-instance-identifier <new-reader-id> --db-cluster-identifier analytics-aurora --engine aurora-postgresql --db-instance-class db.serverless --availability-zone us-east-1a --region us-east-1',
      ]);
      // What the reader costs, and what it must match that the command cannot know (not collected): parameter group, promotion tier.
      expect(analytics.remediation!.warning).toMatch(/billed like the writer.*instance class.*parameter group.*promotion tier/);

      const payments = byName(results, 'payments-aurora');
      expectMessage(payments, 'singleZone', { name: 'payments-aurora', instanceCount: '2 instances', zone: 'us-east-1a' });
      expect(payments.evidence).toEqual({
        members: ['payments-aurora-instance-1 (us-east-1a, writer)', 'payments-aurora-instance-2 (us-east-1a, reader)'],
        instanceZones: ['us-east-1a'],
        storageZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      });
      // The writer's class (db.r6g.xlarge), not the smaller reader's.
      expect(commandsOf(payments)).toEqual([
        'aws rds create-db-instance --db-instance-identifier <new-reader-id> --db-cluster-identifier payments-aurora --engine aurora-mysql --db-instance-class db.r6g.xlarge --availability-zone us-east-1b --region us-east-1',
      ]);

      // audit-aurora-instance-2 is not in the inventory: its zone is not guessed, the user is told how to look.
      const audit = byName(results, 'audit-aurora');
      expectMessage(audit, 'zoneUnknown', { name: 'audit-aurora', instanceCount: '2 instances', unknown: 'audit-aurora-instance-2', zones: 'us-east-1c' });
      expect(commandsOf(audit)).toEqual([
        "aws rds describe-db-instances --db-instance-identifier audit-aurora-instance-2 --query 'DBInstances[0].AvailabilityZone' --region us-east-1",
      ]);

      // Storage only (a headless global database secondary): two instances, in two zones, class unknown.
      expect(commandsOf(byName(results, 'dr-aurora'))).toEqual([
        'aws rds create-db-instance --db-instance-identifier <new-instance-id> --db-cluster-identifier dr-aurora --engine aurora-postgresql --db-instance-class <db-instance-class> --availability-zone us-east-1a --region us-east-1',
        'aws rds create-db-instance --db-instance-identifier <new-reader-id> --db-cluster-identifier dr-aurora --engine aurora-postgresql --db-instance-class <db-instance-class> --availability-zone us-east-1b --region us-east-1',
      ]);
    },
  },
]);
