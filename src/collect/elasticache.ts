import {
  DescribeCacheClustersCommand,
  DescribeReplicationGroupsCommand,
  DescribeServerlessCachesCommand,
  type CacheCluster as SdkCacheCluster,
  type ElastiCacheClient,
  type ReplicationGroup as SdkReplicationGroup,
  type ServerlessCache as SdkServerlessCache,
} from '@aws-sdk/client-elasticache';
import type { CacheCluster, ElastiCacheInventory, ReplicationGroup, ServerlessCache } from '../model/inventory.js';
import { collectPages } from './paginate.js';
import { CallFailed, type RegionCalls } from './region-calls.js';

/** The API's maximum `MaxRecords` for `DescribeReplicationGroups` and `DescribeCacheClusters` (20 to 100). */
const PAGE_SIZE = 100;
/**
 * `DescribeServerlessCaches` documents no maximum for `MaxResults`, only its default, 50 (the
 * sibling `DescribeServerlessCacheSnapshots` caps it at 50): ask for that, never more.
 */
const SERVERLESS_PAGE_SIZE = 50;

/** What an endpoint answers for an action it does not offer (query protocol, and emulators). */
const SERVERLESS_NOT_OFFERED = new Set(['InvalidAction', 'UnknownOperationException', 'NotImplemented', 'UnsupportedOperation']);

/**
 * Replication groups (Redis OSS / Valkey), cache clusters (Memcached clusters and the one-node
 * clusters that are the members of replication groups) and serverless caches: three lists, each
 * its own step. A member's zone missing from `NodeGroupMembers` is taken from its cache cluster.
 */
export async function collectElastiCache(client: ElastiCacheClient, calls: RegionCalls): Promise<ElastiCacheInventory> {
  const [sdkGroups, sdkClusters, sdkServerless] = await Promise.all([
    calls.wants('elasticache:DescribeReplicationGroups')
      ? calls.guard(() =>
          collectPages(
            (Marker) =>
              calls.call('elasticache:DescribeReplicationGroups', () => client.send(new DescribeReplicationGroupsCommand({ Marker, MaxRecords: PAGE_SIZE }))),
            (page) => ({ items: page.ReplicationGroups, next: page.Marker }),
          ),
        )
      : undefined,
    calls.wants('elasticache:DescribeCacheClusters')
      ? calls.guard(() =>
          collectPages(
            (Marker) =>
              // With its nodes: a Memcached cluster's nodes spread over zones, each its own loss.
              calls.call('elasticache:DescribeCacheClusters', () => client.send(new DescribeCacheClustersCommand({ Marker, MaxRecords: PAGE_SIZE, ShowCacheNodeInfo: true }))),
            (page) => ({ items: page.CacheClusters, next: page.Marker }),
          ),
        )
      : undefined,
    calls.wants('elasticache:DescribeServerlessCaches')
      ? calls.guard(() =>
          collectPages(
            (NextToken) =>
              calls.call('elasticache:DescribeServerlessCaches', () =>
                client.send(new DescribeServerlessCachesCommand({ NextToken, MaxResults: SERVERLESS_PAGE_SIZE })),
              ),
            (page) => ({ items: page.ServerlessCaches, next: page.NextToken }),
          ).catch((error: unknown) => {
            // Serverless caches came in 2023: where the endpoint does not know the action (an
            // emulator, a partition without them), there is none to audit, which is not a blind spot.
            // Some emulators answer an unknown action with a bare 5xx page rather than an AWS error.
            if (error instanceof CallFailed && (SERVERLESS_NOT_OFFERED.has(error.code) || /^HTTP5\d\d$/.test(error.code))) return [];
            throw error;
          }),
        )
      : undefined,
  ]);

  const cacheClusters = (sdkClusters ?? []).flatMap((sdk) => (sdk.CacheClusterId ? [toCacheCluster(sdk)] : []));
  const zoneOf = new Map(cacheClusters.flatMap((c) => (c.availabilityZone ? [[c.id, c.availabilityZone]] : [])));
  const replicationGroups = (sdkGroups ?? []).flatMap((sdk) => (sdk.ReplicationGroupId ? [toReplicationGroup(sdk, zoneOf)] : []));
  const serverlessCaches = (sdkServerless ?? []).flatMap((sdk) => (sdk.ServerlessCacheName ? [toServerlessCache(sdk)] : []));
  return { replicationGroups, cacheClusters, serverlessCaches };
}

function toReplicationGroup(sdk: SdkReplicationGroup, zoneOf: ReadonlyMap<string, string>): ReplicationGroup {
  const group: ReplicationGroup = {
    id: sdk.ReplicationGroupId ?? '',
    arn: sdk.ARN ?? '',
    // Absent means the API has not reported it on: treat as off, never as on.
    automaticFailover: sdk.AutomaticFailover ?? 'disabled',
    multiAz: sdk.MultiAZ ?? 'disabled',
    memberClusters: sdk.MemberClusters ?? [],
    nodeGroups: (sdk.NodeGroups ?? []).map((nodeGroup) => ({
      id: nodeGroup.NodeGroupId ?? '',
      members: (nodeGroup.NodeGroupMembers ?? []).flatMap((m) => {
        if (!m.CacheClusterId) return [];
        const member: ReplicationGroup['nodeGroups'][number]['members'][number] = { cacheClusterId: m.CacheClusterId };
        const zone = m.PreferredAvailabilityZone || zoneOf.get(m.CacheClusterId);
        if (zone) member.availabilityZone = zone;
        // Only cluster-mode-disabled groups report a role (`primary`, `replica`).
        if (m.CurrentRole) member.role = m.CurrentRole;
        return [member];
      }),
    })),
  };
  if (sdk.Engine) group.engine = sdk.Engine;
  if (sdk.Status) group.status = sdk.Status;
  // `ClusterMode` is recent (2023); older answers (and emulators) only carry `ClusterEnabled`.
  if (sdk.ClusterMode) group.clusterMode = sdk.ClusterMode;
  else if (sdk.ClusterEnabled !== undefined) group.clusterMode = sdk.ClusterEnabled ? 'enabled' : 'disabled';
  return group;
}

function toCacheCluster(sdk: SdkCacheCluster): CacheCluster {
  const cluster: CacheCluster = {
    id: sdk.CacheClusterId ?? '',
    arn: sdk.ARN ?? '',
    engine: sdk.Engine ?? '',
    numNodes: sdk.NumCacheNodes ?? 0,
  };
  if (sdk.CacheClusterStatus) cluster.status = sdk.CacheClusterStatus;
  // `Multiple` for a Memcached cluster whose nodes span zones: kept as the API says it.
  if (sdk.PreferredAvailabilityZone) cluster.availabilityZone = sdk.PreferredAvailabilityZone;
  if (sdk.ReplicationGroupId) cluster.replicationGroupId = sdk.ReplicationGroupId;
  const nodeZones = (sdk.CacheNodes ?? []).flatMap((node) => (node.CustomerAvailabilityZone ? [node.CustomerAvailabilityZone] : []));
  if (sdk.CacheNodes && nodeZones.length === sdk.CacheNodes.length) cluster.nodeZones = nodeZones;
  return cluster;
}

function toServerlessCache(sdk: SdkServerlessCache): ServerlessCache {
  const cache: ServerlessCache = { name: sdk.ServerlessCacheName ?? '', arn: sdk.ARN ?? '', engine: sdk.Engine ?? '' };
  if (sdk.Status) cache.status = sdk.Status;
  return cache;
}
