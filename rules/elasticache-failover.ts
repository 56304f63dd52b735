import { defineRule } from '../src/engine/define-rule.js';
import type { RegionScope } from '../src/engine/region-scope.js';
import type { ReplicationGroup } from '../src/model/inventory.js';
import { aws, placeholder } from '../src/engine/command.js';
import { countOf } from '../src/engine/plural.js';

/** Engines with replication; Memcached nodes are independent by design (clients shard over them). */
const REPLICATING_ENGINES = new Set(['redis', 'valkey']);

export default defineRule({
  id: 'elasticache-failover',
  title: 'ElastiCache (Valkey, Redis OSS) fails over to another Availability Zone',
  service: 'elasticache',
  severity: 'high',
  wellArchitected: ['REL10-BP01', 'REL11-BP02', 'REL11-BP03'],
  uses: ['elasticache:DescribeReplicationGroups', 'elasticache:DescribeCacheClusters', 'elasticache:DescribeServerlessCaches'],
  params: {},
  messages: {
    multiAz: 'Replication group {{name}} fails over automatically to a replica in another zone (Multi-AZ)',
    serverless: 'Serverless cache {{name}} replicates across zones by design',
    failoverDisabled:
      'Replication group {{name}} has automatic failover {{automaticFailover}} ({{replicas}}): when the primary\'s zone fails, writes stop until a replica is promoted by hand',
    multiAzDisabled: 'Replication group {{name}} has automatic failover but Multi-AZ {{multiAz}}: failover to a replica in another zone is not ensured',
    standaloneNode: 'Cache cluster {{name}} is a single {{engine}} node outside any replication group: nothing takes over when its zone ({{zone}}) fails',
  },
  rationale:
    'A Valkey or Redis OSS primary lives in one zone. With Multi-AZ and automatic failover, ElastiCache promotes a replica in another zone when the primary or its zone fails, under the same primary endpoint; without them, writes fail until someone promotes a replica, or the node is recreated empty. A node outside any replication group has no replica at all. Memcached clusters, serverless ones included, are not judged (no replication: clients spread keys over nodes); serverless Valkey and Redis OSS caches pass: they replicate across zones by design.',
  remediation: {
    summary:
      'Give every shard at least one replica, then turn on automatic failover and Multi-AZ; a lone node first becomes the primary of a new replication group.',
    docs: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html',
  },
  check(scope, { pass, fail }) {
    // Every replication group is Valkey or Redis OSS: Memcached has none.
    for (const group of scope.replicationGroups) {
      const ref = scope.replicationGroupRef(group);
      const name = group.id;
      const evidence = { automaticFailover: group.automaticFailover, multiAz: group.multiAz, members: describeMembers(scope, group) };
      if (group.automaticFailover === 'enabled' && group.multiAz === 'enabled') {
        pass(ref, 'multiAz', { name }, { evidence });
        continue;
      }
      const replicas = fewestReplicas(group);
      const steps = [
        ...(replicas < 1 ? [aws('elasticache', 'increase-replica-count', '--replication-group-id', name, '--new-replica-count', 1, '--apply-immediately')] : []),
        aws('elasticache', 'modify-replication-group', '--replication-group-id', name, '--automatic-failover-enabled', '--multi-az-enabled', '--apply-immediately'),
      ];
      if (group.automaticFailover !== 'enabled') {
        const perShard = group.nodeGroups.length > 1 ? ' per shard' : '';
        fail(ref, 'failoverDisabled', { name, automaticFailover: group.automaticFailover, replicas: `${countOf(replicas, 'replica')}${perShard}` }, { evidence, steps });
      } else {
        fail(ref, 'multiAzDisabled', { name, multiAz: group.multiAz }, { evidence, steps });
      }
    }

    for (const cluster of scope.cacheClusters) {
      // Members of a replication group are judged with it.
      if (cluster.replicationGroupId !== undefined || !REPLICATING_ENGINES.has(cluster.engine)) continue;
      const groupId = placeholder('replication-group-id', 'new-replication-group-id');
      fail(scope.cacheClusterRef(cluster), 'standaloneNode', { name: cluster.id, engine: cluster.engine, zone: cluster.availabilityZone ?? 'unknown' }, {
        evidence: { engine: cluster.engine, numNodes: cluster.numNodes, availabilityZone: cluster.availabilityZone },
        steps: [
          aws('elasticache', 'create-replication-group', '--replication-group-id', groupId, '--replication-group-description', `${cluster.id} with a replica`, '--primary-cluster-id', cluster.id),
          aws('elasticache', 'create-cache-cluster', '--cache-cluster-id', placeholder('cache-cluster-id', 'new-replica-id'), '--replication-group-id', groupId, '--preferred-availability-zone', placeholder('availability-zone', 'another-zone')),
          aws('elasticache', 'modify-replication-group', '--replication-group-id', groupId, '--automatic-failover-enabled', '--multi-az-enabled', '--apply-immediately'),
        ],
      });
    }

    // Serverless Memcached is Memcached: not judged, like its clusters.
    for (const cache of scope.serverlessCaches.filter((c) => c.engine !== 'memcached')) pass(scope.serverlessCacheRef(cache), 'serverless', { name: cache.name }, { evidence: { engine: cache.engine } });
  },
});

/**
 * The replicas of the shard that has fewest: automatic failover needs one in every shard. Where
 * the node groups do not list their members, the member clusters are shared out evenly.
 */
function fewestReplicas(group: ReplicationGroup): number {
  const listed = group.nodeGroups.filter((ng) => ng.members.length > 0);
  if (listed.length === 0) return Math.max(Math.floor(group.memberClusters.length / Math.max(group.nodeGroups.length, 1)) - 1, 0);
  return Math.min(...listed.map((ng) => ng.members.length - 1));
}

/** `cluster-id (zone, role)` per node; the zone from the cache cluster when the node group omits it. */
function describeMembers(scope: RegionScope, group: ReplicationGroup): string[] {
  const members = group.nodeGroups.flatMap((ng) => ng.members);
  if (members.length === 0) return group.memberClusters.map((id) => `${id} (${scope.cacheCluster(id)?.availabilityZone ?? 'unknown zone'})`);
  return members.map((m) => {
    const zone = m.availabilityZone ?? scope.cacheCluster(m.cacheClusterId)?.availabilityZone ?? 'unknown zone';
    return `${m.cacheClusterId} (${m.role ? `${zone}, ${m.role}` : zone})`;
  });
}
