import { expect } from 'vitest';
import { byName, expectMessage, testRule } from '../support/rule-cases.js';

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
      expect(queue.remediation!.commands).toEqual([
        'aws elasticache increase-replica-count --replication-group-id queue-redis --new-replica-count 1 --apply-immediately --region us-east-1',
        'aws elasticache modify-replication-group --replication-group-id queue-redis --automatic-failover-enabled --multi-az-enabled --apply-immediately --region us-east-1',
      ]);

      // Has a replica: the modify command alone.
      expect(byName(results, 'rate-limit-valkey').remediation!.commands).toEqual([
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
      expect(geo.remediation!.commands[0]).toBe('aws elasticache increase-replica-count --replication-group-id geo-valkey --new-replica-count 1 --apply-immediately --region us-east-1');

      const flags = byName(results, 'feature-flags-redis');
      expect(flags.resource.type).toBe('elasticache:cache-cluster');
      expect(flags.remediation!.commands).toEqual([
        "aws elasticache create-replication-group --replication-group-id <new-replication-group-id> --replication-group-description 'feature-flags-redis with a replica' --primary-cluster-id feature-flags-redis --region us-east-1",
        'aws elasticache create-cache-cluster --cache-cluster-id <new-replica-id> --replication-group-id <new-replication-group-id> --preferred-availability-zone <another-zone> --region us-east-1',
        'aws elasticache modify-replication-group --replication-group-id <new-replication-group-id> --automatic-failover-enabled --multi-az-enabled --apply-immediately --region us-east-1',
      ]);
    },
  },
]);
