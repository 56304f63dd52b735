import { describe, expect, it } from 'vitest';
import { collectRds } from '../../src/collect/rds.js';
import { RegionCalls } from '../../src/collect/region-calls.js';
import { expectSchemaValid } from '../support/inventory-schema.js';
import { mockedRegions, type MockedRegion } from '../support/mocked-region.js';
import { accessDenied, ACCOUNT_ID, dbCluster, dbClusterArn, dbInstance, dbInstanceArn, REGION } from '../support/aws-responses.js';
import { expectChainedPages } from '../support/pagination.js';

const mockedRegion = mockedRegions();

async function collect(fake: MockedRegion) {
  const calls = new RegionCalls(ACCOUNT_ID, REGION);
  const inventory = await collectRds(fake.clients.rds, calls);
  return { inventory, calls };
}

const MARKER = { tokenIn: 'Marker', tokenOut: 'Marker', sizeKey: 'MaxRecords', size: 100 };

describe('collectRds: mapping the API responses', () => {
  it('maps an Aurora cluster with a writer and a reader, and its two member instances', async () => {
    const fake = mockedRegion({
      dbClusters: [
        dbCluster('orders-aurora', {
          members: [
            ['orders-aurora-1', true],
            ['orders-aurora-2', false],
          ],
          multiAz: true,
          tags: { team: 'orders' },
        }),
      ],
      dbInstances: [
        dbInstance('orders-aurora-1', { engine: 'aurora-mysql', clusterId: 'orders-aurora', zone: 'us-east-1a' }),
        dbInstance('orders-aurora-2', { engine: 'aurora-mysql', clusterId: 'orders-aurora', zone: 'us-east-1c' }),
      ],
    });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect(inventory.clusters).toEqual([
      {
        id: 'orders-aurora',
        arn: dbClusterArn('orders-aurora'),
        engine: 'aurora-mysql',
        engineMode: 'provisioned',
        status: 'available',
        multiAz: true,
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
        members: [
          { instanceId: 'orders-aurora-1', isWriter: true },
          { instanceId: 'orders-aurora-2', isWriter: false },
        ],
        backupRetentionPeriod: 1,
        tags: { team: 'orders' },
      },
    ]);
    expect(inventory.instances).toEqual([
      {
        id: 'orders-aurora-1',
        arn: dbInstanceArn('orders-aurora-1'),
        engine: 'aurora-mysql',
        instanceClass: 'db.r6g.large',
        status: 'available',
        multiAz: false,
        availabilityZone: 'us-east-1a',
        clusterId: 'orders-aurora',
        backupRetentionPeriod: 1,
        tags: {},
      },
      {
        id: 'orders-aurora-2',
        arn: dbInstanceArn('orders-aurora-2'),
        engine: 'aurora-mysql',
        instanceClass: 'db.r6g.large',
        status: 'available',
        multiAz: false,
        availabilityZone: 'us-east-1c',
        clusterId: 'orders-aurora',
        backupRetentionPeriod: 1,
        tags: {},
      },
    ]);
    await expectSchemaValid({ rds: inventory });
  });

  it('maps a Multi-AZ DB cluster (PostgreSQL, one writer and two readers) and a cross-region replica cluster', async () => {
    const source = dbClusterArn('billing-pg', 'us-west-2');
    const fake = mockedRegion({
      dbClusters: [
        dbCluster('billing-pg', {
          engine: 'postgres',
          backupRetention: 7,
          members: [
            ['billing-pg-instance-1', true],
            ['billing-pg-instance-2', false],
            ['billing-pg-instance-3', false],
          ],
        }),
        dbCluster('reports-replica', { engine: 'aurora-postgresql', replicationSource: source, members: [['reports-replica-1', true]], multiAz: false, status: 'available' }),
      ],
    });
    const { inventory } = await collect(fake);
    expect(inventory.clusters[0]).toEqual({
      id: 'billing-pg',
      arn: dbClusterArn('billing-pg'),
      engine: 'postgres',
      engineMode: 'provisioned',
      status: 'available',
      multiAz: true,
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      members: [
        { instanceId: 'billing-pg-instance-1', isWriter: true },
        { instanceId: 'billing-pg-instance-2', isWriter: false },
        { instanceId: 'billing-pg-instance-3', isWriter: false },
      ],
      backupRetentionPeriod: 7,
      tags: {},
    });
    expect(inventory.clusters[1]).toMatchObject({ id: 'reports-replica', multiAz: false, replicationSourceIdentifier: source });
    await expectSchemaValid({ rds: inventory });
  });

  it('maps a Multi-AZ instance with its standby zone, and its read replicas (same region, and of a cluster)', async () => {
    const fake = mockedRegion({
      dbInstances: [
        dbInstance('shop-mysql', { multiAz: true, zone: 'us-east-1b', secondaryZone: 'us-east-1a', readReplicas: ['shop-mysql-ro'], tags: { env: 'prod' } }),
        dbInstance('shop-mysql-ro', { readReplicaSource: 'shop-mysql', zone: 'us-east-1c', instanceClass: 'db.t4g.medium' }),
        dbInstance('analytics-ro', { readReplicaSourceCluster: 'billing-pg', engine: 'postgres', backupRetention: 0 }),
      ],
    });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect(inventory.instances).toEqual([
      {
        id: 'shop-mysql',
        arn: dbInstanceArn('shop-mysql'),
        engine: 'mysql',
        instanceClass: 'db.m6g.large',
        status: 'available',
        multiAz: true,
        availabilityZone: 'us-east-1b',
        secondaryAvailabilityZone: 'us-east-1a',
        backupRetentionPeriod: 7,
        tags: { env: 'prod' },
      },
      {
        id: 'shop-mysql-ro',
        arn: dbInstanceArn('shop-mysql-ro'),
        engine: 'mysql',
        instanceClass: 'db.t4g.medium',
        status: 'available',
        multiAz: false,
        availabilityZone: 'us-east-1c',
        readReplicaSourceInstanceId: 'shop-mysql',
        backupRetentionPeriod: 0,
        tags: {},
      },
      {
        id: 'analytics-ro',
        arn: dbInstanceArn('analytics-ro'),
        engine: 'postgres',
        instanceClass: 'db.m6g.large',
        status: 'available',
        multiAz: false,
        availabilityZone: 'us-east-1a',
        readReplicaSourceClusterId: 'billing-pg',
        backupRetentionPeriod: 0,
        tags: {},
      },
    ]);
    await expectSchemaValid({ rds: inventory });
  });

  it('keeps DocumentDB and Neptune clusters and instances, which the same operations list', async () => {
    const fake = mockedRegion({
      dbClusters: [dbCluster('docs', { engine: 'docdb', members: [['docs-1', true]] }), dbCluster('graph', { engine: 'neptune', members: [['graph-1', true]] })],
      dbInstances: [dbInstance('docs-1', { engine: 'docdb', clusterId: 'docs' }), dbInstance('graph-1', { engine: 'neptune', clusterId: 'graph' })],
    });
    const { inventory } = await collect(fake);
    expect(inventory.clusters.map((c) => `${c.id}:${c.engine}`)).toEqual(['docs:docdb', 'graph:neptune']);
    expect(inventory.instances.map((i) => `${i.id}:${i.engine}:${i.clusterId}`)).toEqual(['docs-1:docdb:docs', 'graph-1:neptune:graph']);
  });

  it('writes no optional field the API leaves out (a creating instance has no zone yet)', async () => {
    const creating = dbInstance('new-db', { status: 'creating' });
    delete creating.AvailabilityZone;
    delete creating.DBInstanceClass;
    const { inventory } = await collect(mockedRegion({ dbInstances: [creating] }));
    expect(inventory.instances[0]).toEqual({ id: 'new-db', arn: dbInstanceArn('new-db'), engine: 'mysql', status: 'creating', multiAz: false, backupRetentionPeriod: 7, tags: {} });
    expect(Object.values(inventory.instances[0]!)).not.toContain(undefined);
  });
});

describe('collectRds: pagination', () => {
  it('follows Marker through 3 pages of instances and 3 of clusters, MaxRecords 100, each item once', async () => {
    const instances = Array.from({ length: 7 }, (_, i) => dbInstance(`db-${i}`));
    const clusters = Array.from({ length: 8 }, (_, i) => dbCluster(`cluster-${i}`));
    const fake = mockedRegion({ dbInstances: instances, dbClusters: clusters }, { pageSize: 3 });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect([...expectChainedPages(fake, 'DescribeDBInstances', MARKER).values()]).toEqual([3]);
    expect([...expectChainedPages(fake, 'DescribeDBClusters', MARKER).values()]).toEqual([3]);
    expect(inventory.instances.map((i) => i.id)).toEqual(instances.map((i) => i.DBInstanceIdentifier));
    expect(inventory.clusters.map((c) => c.id)).toEqual(clusters.map((c) => c.DBClusterIdentifier));
  });

  it('stops when DescribeDBInstances keeps answering with the same Marker', async () => {
    const fake = mockedRegion({}, { handle: { DescribeDBInstances: (_input, call) => ({ DBInstances: [dbInstance(`db-${call}`)], Marker: 'same-marker' }) } });
    const { inventory } = await collect(fake);
    expect(fake.inputs('DescribeDBInstances').map((i) => i.Marker)).toEqual([undefined, 'same-marker']);
    expect(inventory.instances.map((i) => i.id)).toEqual(['db-0', 'db-1']);
  });
});

describe('collectRds: failures', () => {
  it('records a gap when DescribeDBInstances is denied, and still collects the clusters', async () => {
    const fake = mockedRegion(
      { dbInstances: [dbInstance('shop-mysql')], dbClusters: [dbCluster('orders-aurora', { members: [['orders-aurora-1', true]] })] },
      { fail: { DescribeDBInstances: () => accessDenied('rds:DescribeDBInstances') } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([
      {
        accountId: ACCOUNT_ID,
        region: REGION,
        service: 'rds',
        operation: 'DescribeDBInstances',
        code: 'AccessDenied',
        message: `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: rds:DescribeDBInstances`,
        class: 'denied',
      },
    ]);
    expect(inventory.instances).toEqual([]);
    expect(inventory.clusters.map((c) => c.id)).toEqual(['orders-aurora']);
  });

  it('keeps the instances when DescribeDBClusters fails on its second page, with a gap and no partial cluster list', async () => {
    const fake = mockedRegion(
      { dbInstances: [dbInstance('shop-mysql')], dbClusters: Array.from({ length: 5 }, (_, i) => dbCluster(`cluster-${i}`)) },
      { pageSize: 3, fail: { DescribeDBClusters: (_input, call) => (call === 1 ? accessDenied('rds:DescribeDBClusters') : undefined) } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.service}:${g.operation}:${g.code}`)).toEqual(['rds:DescribeDBClusters:AccessDenied']);
    expect(inventory.clusters).toEqual([]);
    expect(inventory.instances.map((i) => i.id)).toEqual(['shop-mysql']);
  });
});
