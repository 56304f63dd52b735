import { describe, expect, it } from 'vitest';
import { collectElastiCache } from '../../src/collect/elasticache.js';
import { RegionCalls } from '../../src/collect/region-calls.js';
import { expectSchemaValid } from '../support/inventory-schema.js';
import { mockedRegions, type MockedRegion } from '../support/mocked-region.js';
import {
  awsError,
  accessDenied,
  ACCOUNT_ID,
  cacheCluster,
  cacheClusterArn,
  REGION,
  replicationGroup,
  replicationGroupArn,
  serverlessCache,
} from '../support/aws-responses.js';
import { expectChainedPages } from '../support/pagination.js';

const mockedRegion = mockedRegions();

async function collect(fake: MockedRegion) {
  const calls = new RegionCalls(ACCOUNT_ID, REGION);
  const inventory = await collectElastiCache(fake.clients.elasticache, calls);
  return { inventory, calls };
}

describe('collectElastiCache: mapping the API responses', () => {
  it('maps a cluster-mode-disabled Redis OSS group: one node group, members with zone and role', async () => {
    const group = replicationGroup('sessions', {
      nodeGroups: [
        {
          id: '0001',
          members: [
            { id: 'sessions-001', zone: 'us-east-1a', role: 'primary' },
            { id: 'sessions-002', zone: 'us-east-1b', role: 'replica' },
          ],
        },
      ],
    });
    const { inventory, calls } = await collect(mockedRegion({ replicationGroups: [group] }));
    expect(calls.gaps).toEqual([]);
    expect(inventory.replicationGroups).toEqual([
      {
        id: 'sessions',
        arn: replicationGroupArn('sessions'),
        engine: 'redis',
        status: 'available',
        automaticFailover: 'enabled',
        multiAz: 'enabled',
        clusterMode: 'disabled',
        memberClusters: ['sessions-001', 'sessions-002'],
        nodeGroups: [
          {
            id: '0001',
            members: [
              { cacheClusterId: 'sessions-001', availabilityZone: 'us-east-1a', role: 'primary' },
              { cacheClusterId: 'sessions-002', availabilityZone: 'us-east-1b', role: 'replica' },
            ],
          },
        ],
      },
    ]);
  });

  it('maps a cluster-mode Valkey group with two shards, taking a zone the group leaves out from the cache cluster of the same id', async () => {
    const group = replicationGroup('catalog', {
      engine: 'valkey',
      clusterMode: 'enabled',
      automaticFailover: 'enabled',
      multiAz: 'disabled',
      nodeGroups: [
        { id: '0001', members: [{ id: 'catalog-0001-001', zone: 'us-east-1a' }, { id: 'catalog-0001-002' }] },
        { id: '0002', members: [{ id: 'catalog-0002-001', zone: 'us-east-1b' }, { id: 'catalog-0002-002' }] },
      ],
    });
    const members = [
      cacheCluster('catalog-0001-001', { engine: 'valkey', zone: 'us-east-1a', replicationGroupId: 'catalog' }),
      cacheCluster('catalog-0001-002', { engine: 'valkey', zone: 'us-east-1c', replicationGroupId: 'catalog' }),
      cacheCluster('catalog-0002-001', { engine: 'valkey', zone: 'us-east-1b', replicationGroupId: 'catalog' }),
    ];
    const { inventory, calls } = await collect(mockedRegion({ replicationGroups: [group], cacheClusters: members }));
    expect(calls.gaps).toEqual([]);
    expect(inventory.replicationGroups).toEqual([
      {
        id: 'catalog',
        arn: replicationGroupArn('catalog'),
        engine: 'valkey',
        status: 'available',
        automaticFailover: 'enabled',
        multiAz: 'disabled',
        clusterMode: 'enabled',
        memberClusters: ['catalog-0001-001', 'catalog-0001-002', 'catalog-0002-001', 'catalog-0002-002'],
        nodeGroups: [
          {
            id: '0001',
            members: [
              { cacheClusterId: 'catalog-0001-001', availabilityZone: 'us-east-1a' },
              { cacheClusterId: 'catalog-0001-002', availabilityZone: 'us-east-1c' },
            ],
          },
          {
            id: '0002',
            // No cache cluster of that id was listed: the zone stays unknown, not invented.
            members: [{ cacheClusterId: 'catalog-0002-001', availabilityZone: 'us-east-1b' }, { cacheClusterId: 'catalog-0002-002' }],
          },
        ],
      },
    ]);
    expect(inventory.cacheClusters.map((c) => [c.id, c.replicationGroupId, c.availabilityZone])).toEqual([
      ['catalog-0001-001', 'catalog', 'us-east-1a'],
      ['catalog-0001-002', 'catalog', 'us-east-1c'],
      ['catalog-0002-001', 'catalog', 'us-east-1b'],
    ]);
    await expectSchemaValid({ elasticache: inventory });
  });

  it('maps a Memcached cluster whose nodes span zones (each node\'s zone, asked with ShowCacheNodeInfo), and a Redis OSS member cluster', async () => {
    const fake = mockedRegion({
      cacheClusters: [
        cacheCluster('web-memcached', { engine: 'memcached', numNodes: 3, zone: 'Multiple', nodeZones: ['us-east-1a', 'us-east-1b', 'us-east-1a'] }),
        cacheCluster('sessions-001', { engine: 'redis', zone: 'us-east-1a', replicationGroupId: 'sessions' }),
      ],
    });
    const { inventory } = await collect(fake);
    expect(fake.inputs('DescribeCacheClusters')).toEqual([expect.objectContaining({ ShowCacheNodeInfo: true })]);
    expect(inventory.cacheClusters).toEqual([
      {
        id: 'web-memcached',
        arn: cacheClusterArn('web-memcached'),
        engine: 'memcached',
        status: 'available',
        numNodes: 3,
        availabilityZone: 'Multiple',
        nodeZones: ['us-east-1a', 'us-east-1b', 'us-east-1a'],
      },
      { id: 'sessions-001', arn: cacheClusterArn('sessions-001'), engine: 'redis', status: 'available', numNodes: 1, availabilityZone: 'us-east-1a', replicationGroupId: 'sessions', nodeZones: ['us-east-1a'] },
    ]);
    await expectSchemaValid({ elasticache: inventory });
  });

  it('maps serverless caches', async () => {
    const { inventory } = await collect(mockedRegion({ serverlessCaches: [serverlessCache('carts'), serverlessCache('pages', { engine: 'memcached', status: 'creating' })] }));
    expect(inventory.serverlessCaches).toEqual([
      { name: 'carts', arn: `arn:aws:elasticache:${REGION}:${ACCOUNT_ID}:serverlesscache:carts`, engine: 'valkey', status: 'available' },
      { name: 'pages', arn: `arn:aws:elasticache:${REGION}:${ACCOUNT_ID}:serverlesscache:pages`, engine: 'memcached', status: 'creating' },
    ]);
    await expectSchemaValid({ elasticache: inventory });
  });

  it('reads the cluster mode from ClusterEnabled when ClusterMode is absent, and treats absent failover settings as disabled', async () => {
    const group = replicationGroup('legacy', { clusterMode: 'enabled', nodeGroups: [{ id: '0001', members: [{ id: 'legacy-0001-001', zone: 'us-east-1a' }] }] });
    delete group.ClusterMode;
    delete group.AutomaticFailover;
    delete group.MultiAZ;
    delete group.Engine;
    const { inventory } = await collect(mockedRegion({ replicationGroups: [group] }));
    const [mapped] = inventory.replicationGroups;
    expect(mapped).toMatchObject({ clusterMode: 'enabled', automaticFailover: 'disabled', multiAz: 'disabled' });
    expect(mapped).not.toHaveProperty('engine');
  });
});

describe('collectElastiCache: pagination', () => {
  it('follows Marker through 3 pages of replication groups and of cache clusters (MaxRecords 100), and NextToken through 3 pages of serverless caches (MaxResults 50)', async () => {
    const groups = Array.from({ length: 7 }, (_, i) => replicationGroup(`rg-${i}`));
    const clusters = Array.from({ length: 9 }, (_, i) => cacheCluster(`mc-${i}`, { engine: 'memcached' }));
    const caches = Array.from({ length: 8 }, (_, i) => serverlessCache(`sc-${i}`));
    const fake = mockedRegion({ replicationGroups: groups, cacheClusters: clusters, serverlessCaches: caches }, { pageSize: 3 });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    const marker = { tokenIn: 'Marker', tokenOut: 'Marker', sizeKey: 'MaxRecords', size: 100 };
    expect([...expectChainedPages(fake, 'DescribeReplicationGroups', marker).values()]).toEqual([3]);
    expect([...expectChainedPages(fake, 'DescribeCacheClusters', marker).values()]).toEqual([3]);
    expect([...expectChainedPages(fake, 'DescribeServerlessCaches', { tokenIn: 'NextToken', tokenOut: 'NextToken', sizeKey: 'MaxResults', size: 50 }).values()]).toEqual([3]);
    expect(inventory.replicationGroups.map((g) => g.id)).toEqual(groups.map((g) => g.ReplicationGroupId));
    expect(inventory.cacheClusters.map((c) => c.id)).toEqual(clusters.map((c) => c.CacheClusterId));
    expect(inventory.serverlessCaches.map((c) => c.name)).toEqual(caches.map((c) => c.ServerlessCacheName));
  });

  it('lists every cache cluster, members of replication groups included', async () => {
    const fake = mockedRegion({ cacheClusters: [cacheCluster('web-memcached', { engine: 'memcached' }), cacheCluster('sessions-001', { replicationGroupId: 'sessions' })] });
    const { inventory } = await collect(fake);
    expect(fake.inputs('DescribeCacheClusters').every((input) => input.ShowCacheClustersNotInReplicationGroups === undefined)).toBe(true);
    expect(inventory.cacheClusters.map((c) => c.id)).toEqual(['web-memcached', 'sessions-001']);
  });
});

describe('collectElastiCache: failures', () => {
  it('keeps the replication groups and serverless caches when DescribeCacheClusters is denied; zones come from the groups alone', async () => {
    const group = replicationGroup('catalog', { clusterMode: 'enabled', nodeGroups: [{ id: '0001', members: [{ id: 'catalog-0001-001', zone: 'us-east-1a' }, { id: 'catalog-0001-002' }] }] });
    const fake = mockedRegion(
      { replicationGroups: [group], cacheClusters: [cacheCluster('catalog-0001-002', { zone: 'us-east-1b', replicationGroupId: 'catalog' })], serverlessCaches: [serverlessCache('carts')] },
      { fail: { DescribeCacheClusters: () => accessDenied('elasticache:DescribeCacheClusters') } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.service}:${g.operation}:${g.code}`)).toEqual(['elasticache:DescribeCacheClusters:AccessDenied']);
    expect(inventory.cacheClusters).toEqual([]);
    expect(inventory.replicationGroups[0]!.nodeGroups[0]!.members).toEqual([{ cacheClusterId: 'catalog-0001-001', availabilityZone: 'us-east-1a' }, { cacheClusterId: 'catalog-0001-002' }]);
    expect(inventory.serverlessCaches.map((c) => c.name)).toEqual(['carts']);
  });

  it('records a gap when DescribeServerlessCaches is denied, and keeps the rest', async () => {
    const fake = mockedRegion(
      { replicationGroups: [replicationGroup('sessions')], serverlessCaches: [serverlessCache('carts')] },
      { fail: { DescribeServerlessCaches: () => accessDenied('elasticache:DescribeServerlessCaches') } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.service}:${g.operation}:${g.code}`)).toEqual(['elasticache:DescribeServerlessCaches:AccessDenied']);
    expect(inventory.serverlessCaches).toEqual([]);
    expect(inventory.replicationGroups.map((g) => g.id)).toEqual(['sessions']);
  });

  it('an endpoint answering DescribeServerlessCaches with a bare 500 page (an emulator that lacks it) has none: no gap', async () => {
    const page = Object.assign(new Error('Deserialization error'), { $metadata: { httpStatusCode: 500 } });
    const fake = mockedRegion({ replicationGroups: [replicationGroup('sessions')] }, { fail: { DescribeServerlessCaches: () => page } });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect(inventory.serverlessCaches).toEqual([]);
  });

  it('an endpoint that does not offer serverless caches (InvalidAction) has none: no gap', async () => {
    const fake = mockedRegion(
      { replicationGroups: [replicationGroup('sessions')] },
      { fail: { DescribeServerlessCaches: () => awsError('InvalidAction', 'The action DescribeServerlessCaches is not valid for this web service.') } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect(inventory.serverlessCaches).toEqual([]);
    expect(inventory.replicationGroups.map((g) => g.id)).toEqual(['sessions']);
  });
});
