import { expect } from 'vitest';
import { argvOf, byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

testRule('elasticache-failover', [
  {
    name: 'Multi-AZ groups with automatic failover pass (cluster mode on and off); a serverless cache passes; Memcached gets no result',
    fixture: 'pass.json',
    fail: [],
    pass: ['sessions-redis', 'cart-valkey', 'api-cache'],
    check(results) {
      const sessions = byName(results, 'sessions-redis');
      expect(sessions.resource).toMatchObject({ type: 'elasticache:replication-group', arn: 'arn:aws:elasticache:us-east-1:111122223333:replicationgroup:sessions-redis' });
      expect(sessions.evidence).toEqual({
        automaticFailover: 'enabled',
        multiAz: 'enabled',
        members: ['sessions-redis-001 (us-east-1a, primary)', 'sessions-redis-002 (us-east-1b, replica)'],
      });
      const api = byName(results, 'api-cache');
      expect(api.messageId).toBe('serverless');
      expect(api.resource.type).toBe('elasticache:serverless-cache');
    },
  },
  {
    name: 'failover off (with or without replicas, sharded), Multi-AZ off, a lone Redis node fail; serverless Valkey and Redis pass, serverless Memcached is not judged',
    fixture: 'fail.json',
    fail: [
      { resource: 'queue-redis', messageId: 'failoverDisabled' },
      { resource: 'leaderboard-redis', messageId: 'multiAzDisabled' },
      { resource: 'rate-limit-valkey', messageId: 'failoverDisabled' },
      { resource: 'geo-valkey', messageId: 'failoverDisabled' },
      { resource: 'feature-flags-redis', messageId: 'standaloneNode' },
    ],
    pass: ['sessions-redis', 'api-cache'],
    check(results) {
      // No replica: one must be added before failover can be turned on.
      const queue = byName(results, 'queue-redis');
      expectMessage(queue, 'failoverDisabled', { name: 'queue-redis', automaticFailover: 'disabled', replicas: '0 replicas' });
      expect(queue.evidence).toEqual({ automaticFailover: 'disabled', multiAz: 'disabled', members: ['queue-redis-001 (us-east-1a, primary)'] });
      // The replica in another zone than the primary (one zone per node, the primary's first), then a
      // wait: ElastiCache refuses the second change while the group is modifying.
      expect(argvOf(results, 'queue-redis')).toEqual([
        [
          'elasticache',
          'increase-replica-count',
          '--replication-group-id',
          'queue-redis',
          '--replica-configuration',
          '[{"NodeGroupId":"0001","NewReplicaCount":1,"PreferredAvailabilityZones":["us-east-1a","<another-zone>"]}]',
          '--apply-immediately',
        ],
        ['elasticache', 'wait', 'replication-group-available', '--replication-group-id', 'queue-redis'],
        ['elasticache', 'modify-replication-group', '--replication-group-id', 'queue-redis', '--automatic-failover-enabled', '--multi-az-enabled', '--apply-immediately'],
      ]);
      expect(queue.remediation!.warning).toMatch(/billed like the primary/);

      // Has a replica: the modify command alone.
      expect(commandsOf(byName(results, 'rate-limit-valkey'))).toEqual([
        'aws elasticache modify-replication-group --replication-group-id rate-limit-valkey --automatic-failover-enabled --multi-az-enabled --apply-immediately --region us-east-1',
      ]);
      expectMessage(byName(results, 'leaderboard-redis'), 'multiAzDisabled', { name: 'leaderboard-redis', multiAz: 'disabled' });

      // Shard 0002 has no replica: counted per shard, by the poorest one.
      const geo = byName(results, 'geo-valkey');
      expectMessage(geo, 'failoverDisabled', { name: 'geo-valkey', automaticFailover: 'disabled', replicas: '0 replicas per shard' });
      expect(geo.evidence!.members).toEqual([
        'geo-valkey-0001-001 (us-east-1a)',
        'geo-valkey-0001-002 (us-east-1b)',
        'geo-valkey-0002-001 (us-east-1b)',
      ]);
      // Only shard 0002 gets a replica, away from its primary's zone.
      expect(argvOf(results, 'geo-valkey')[0]![5]).toBe('[{"NodeGroupId":"0002","NewReplicaCount":1,"PreferredAvailabilityZones":["us-east-1b","<another-zone>"]}]');

      const flags = byName(results, 'feature-flags-redis');
      expect(flags.resource.type).toBe('elasticache:cache-cluster');
      expect(commandsOf(flags)).toEqual([
        "aws elasticache create-replication-group --replication-group-id <new-replication-group-id> --replication-group-description 'feature-flags-redis with a replica' --primary-cluster-id feature-flags-redis --region us-east-1",
        'aws elasticache wait replication-group-available --replication-group-id <new-replication-group-id> --region us-east-1',
        `aws elasticache increase-replica-count --replication-group-id <new-replication-group-id> --replica-configuration '[{"NodeGroupId":"0001","NewReplicaCount":1,"PreferredAvailabilityZones":["us-east-1b","<another-zone>"]}]' --apply-immediately --region us-east-1`,
        'aws elasticache wait replication-group-available --replication-group-id <new-replication-group-id> --region us-east-1',
        'aws elasticache modify-replication-group --replication-group-id <new-replication-group-id> --automatic-failover-enabled --multi-az-enabled --apply-immediately --region us-east-1',
      ]);
    },
  },
]);
