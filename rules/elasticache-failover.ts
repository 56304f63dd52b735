import { defineRule } from '../src/engine/define-rule.js';
import type { RegionScope } from '../src/engine/region-scope.js';
import type { ReplicationGroup } from '../src/model/inventory.js';
import { aws, json, placeholder, type PlaceholderWord } from '../src/engine/command.js';
import type { RemediationStep } from '../src/model/result.js';
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
      const { steps, warning } = replicas < 1 ? addReplicasThenFailover(scope, group) : { steps: [enableFailover(name)], warning: undefined };
      const extra = { evidence, steps, ...(warning ? { warning } : {}) };
      if (group.automaticFailover !== 'enabled') {
        const perShard = group.nodeGroups.length > 1 ? ' per shard' : '';
        fail(ref, 'failoverDisabled', { name, automaticFailover: group.automaticFailover, replicas: `${countOf(replicas, 'replica')}${perShard}` }, extra);
      } else {
        fail(ref, 'multiAzDisabled', { name, multiAz: group.multiAz }, extra);
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
          aws('elasticache', 'wait', 'replication-group-available', '--replication-group-id', groupId),
          addReplica(groupId, [{ id: '0001', primaryZone: cluster.availabilityZone }]),
          aws('elasticache', 'wait', 'replication-group-available', '--replication-group-id', groupId),
          enableFailover(groupId),
        ],
        warning: REPLICA_WARNING,
      });
    }

    // Serverless Memcached is Memcached: not judged, like its clusters.
    for (const cache of scope.serverlessCaches.filter((c) => c.engine !== 'memcached')) pass(scope.serverlessCacheRef(cache), 'serverless', { name: cache.name }, { evidence: { engine: cache.engine } });
  },
});

/** What adding a replica costs. */
const REPLICA_WARNING = 'Each new replica is a node billed like the primary.';

/**
 * A replica in every shard that has none, each in another zone than its primary, then automatic
 * failover and Multi-AZ. ElastiCache refuses a change while the group is `modifying`: the steps
 * wait for it in between.
 */
function addReplicasThenFailover(scope: RegionScope, group: ReplicationGroup): { steps: RemediationStep[]; warning: string } {
  const shards = group.nodeGroups.length > 0 ? group.nodeGroups : [{ id: '0001', members: [] }];
  const lacking = shards
    .filter((ng) => ng.members.length <= 1)
    .map((ng) => {
      const primary = ng.members.find((m) => m.role === 'primary') ?? ng.members[0];
      const primaryZone = primary ? (primary.availabilityZone ?? scope.cacheCluster(primary.cacheClusterId)?.availabilityZone) : undefined;
      return { id: ng.id, primaryZone };
    });
  return {
    steps: [addReplica(group.id, lacking), aws('elasticache', 'wait', 'replication-group-available', '--replication-group-id', group.id), enableFailover(group.id)],
    warning: REPLICA_WARNING,
  };
}

/** One replica per shard given, placed in another zone than its primary (one zone per node, the primary's first). */
function addReplica(groupId: string | PlaceholderWord, shards: { id: string; primaryZone: string | undefined }[]): RemediationStep {
  const configuration = shards.map((shard, i) => ({
    NodeGroupId: shard.id,
    NewReplicaCount: 1,
    PreferredAvailabilityZones: [
      shard.primaryZone ?? placeholder('availability-zone', shards.length > 1 ? `zone-of-primary-${i + 1}` : 'zone-of-primary'),
      placeholder('availability-zone', shards.length > 1 ? `another-zone-${i + 1}` : 'another-zone'),
    ],
  }));
  return aws('elasticache', 'increase-replica-count', '--replication-group-id', groupId, '--replica-configuration', json(configuration), '--apply-immediately');
}

function enableFailover(groupId: string | PlaceholderWord): RemediationStep {
  return aws('elasticache', 'modify-replication-group', '--replication-group-id', groupId, '--automatic-failover-enabled', '--multi-az-enabled', '--apply-immediately');
}

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
