import { describe, expect, it } from 'vitest';
import type { DbInstance } from '../../src/model/inventory.js';
import type { Resilience } from '../../src/model/resilience.js';
import { buildResilience } from '../../src/resilience/model.js';
import { ACCOUNT, InventoryBuilder } from '../support/inventory-builder.js';

const A = 'zone:us-east-1/use1-az1';
const B = 'zone:us-east-1/use1-az2';
const C = 'zone:us-east-1/use1-az3';
const EAST = 'region:us-east-1';

const arn = (kind: string, id: string, region = 'us-east-1') => `arn:aws:rds:${region}:${ACCOUNT}:${kind}:${id}`;

function dbInstance(id: string, fields: Partial<DbInstance> = {}): DbInstance {
  return { id, arn: arn('db', id), engine: 'postgres', multiAz: false, availabilityZone: 'us-east-1a', backupRetentionPeriod: 7, tags: {}, ...fields };
}

/** `{scenario: [outcome, reasonId, recoverySeconds]}` of one store in every scenario of its region. */
function outcomesOf(r: Resilience, id: string): Record<string, [string, string, number | null]> {
  return Object.fromEntries(r.outcomes.filter((o) => o.id === id && o.scenarioId.includes('us-east-1')).map((o) => [o.scenarioId, [o.outcome, o.reasonId, o.recoverySeconds]]));
}

describe('data stores', () => {
  it('RDS: a Multi-AZ instance fails over when its primary zone is lost and is degraded when its standby zone is; a single-zone one is down', () => {
    const b = new InventoryBuilder();
    const region = b.region('us-east-1');
    region.rds.instances.push(dbInstance('multi', { multiAz: true, secondaryAvailabilityZone: 'us-east-1b' }), dbInstance('single', { availabilityZone: 'us-east-1c' }));
    const r = buildResilience(b.inventory);
    expect(r.dataStores.map((s) => [s.kind, s.name, s.zones.map((z) => z.zoneId)])).toEqual([
      ['rds-instance', 'multi', ['use1-az1', 'use1-az2']],
      ['rds-instance', 'single', ['use1-az3']],
    ]);
    expect(outcomesOf(r, arn('db', 'multi'))).toEqual({
      [A]: ['fails-over', 'multiAzFailover', 120],
      [B]: ['degraded', 'standbyLost', null],
      [C]: ['unaffected', 'notInScenario', null],
      [EAST]: ['down', 'noCopyElsewhere', null],
    });
    expect(outcomesOf(r, arn('db', 'single'))[C]).toEqual(['down', 'singleZone', null]);
  });

  it('RDS: Multi-AZ with an unknown standby zone fails over with its primary and is unaffected otherwise, saying so', () => {
    const b = new InventoryBuilder();
    b.region('us-east-1').rds.instances.push(dbInstance('multi', { multiAz: true }));
    const r = buildResilience(b.inventory);
    expect(outcomesOf(r, arn('db', 'multi'))[A]).toEqual(['fails-over', 'multiAzFailover', 120]);
    expect(r.outcomes.find((o) => o.id === arn('db', 'multi') && o.scenarioId === A)!.reason).toContain('not known');
  });

  it('RDS: a same-region replica without Multi-AZ needs a person; a cross-region replica saves the region, after a person promotes it', () => {
    const b = new InventoryBuilder();
    b.region('us-east-1').rds.instances.push(dbInstance('main'), dbInstance('reader', { availabilityZone: 'us-east-1b', readReplicaSourceInstanceId: 'main' }));
    b.region('eu-west-1').rds.instances.push(dbInstance('dr', { arn: arn('db', 'dr', 'eu-west-1'), availabilityZone: 'eu-west-1a', readReplicaSourceInstanceId: arn('db', 'main') }));
    const r = buildResilience(b.inventory);
    const main = outcomesOf(r, arn('db', 'main'));
    expect(main[A]).toEqual(['needs-action', 'promoteReplica', null]);
    expect(main[B]).toEqual(['degraded', 'replicaLost', null]);
    expect(main[EAST]).toEqual(['needs-action', 'copyInAnotherRegion', null]);
    expect(r.dataStores.find((s) => s.name === 'main')!.replicaRegions).toEqual(['eu-west-1']);
  });

  it('Aurora: a reader in another zone takes over; without one the cluster is down; a global database secondary needs a person', () => {
    const b = new InventoryBuilder();
    const east = b.region('us-east-1');
    const cluster = (id: string, members: [string, boolean, string][], fields = {}) => {
      east.rds.clusters.push({ id, arn: arn('cluster', id), engine: 'aurora-postgresql', engineMode: 'provisioned', multiAz: true, availabilityZones: [], members: members.map(([instanceId, isWriter]) => ({ instanceId, isWriter })), backupRetentionPeriod: 7, tags: {}, ...fields });
      for (const [instanceId, , zone] of members) east.rds.instances.push(dbInstance(instanceId, { engine: 'aurora-postgresql', clusterId: id, availabilityZone: zone }));
    };
    cluster('spread', [['spread-1', true, 'us-east-1a'], ['spread-2', false, 'us-east-1b']], { globalClusterId: 'global-1' });
    cluster('packed', [['packed-1', true, 'us-east-1a'], ['packed-2', false, 'us-east-1a']]);
    b.region('eu-west-1').rds.clusters.push({ id: 'spread-eu', arn: arn('cluster', 'spread-eu', 'eu-west-1'), engine: 'aurora-postgresql', multiAz: false, availabilityZones: [], members: [], backupRetentionPeriod: 7, globalClusterId: 'global-1', tags: {} });
    const r = buildResilience(b.inventory);
    expect(r.dataStores.map((s) => s.name)).toEqual(['spread', 'packed', 'spread-eu']);
    expect(outcomesOf(r, arn('cluster', 'spread'))).toMatchObject({
      [A]: ['fails-over', 'auroraFailover', 60],
      [B]: ['degraded', 'readerLost', null],
      [EAST]: ['needs-action', 'copyInAnotherRegion', null],
    });
    expect(outcomesOf(r, arn('cluster', 'packed'))).toMatchObject({ [A]: ['down', 'noReaderElsewhere', null], [EAST]: ['down', 'noCopyElsewhere', null] });
  });

  it('ElastiCache: with automatic failover a replica elsewhere takes over; without, a person must promote it; a replica zone only costs reads', () => {
    const b = new InventoryBuilder();
    const east = b.region('us-east-1');
    const group = (id: string, automaticFailover: string) =>
      east.elasticache.replicationGroups.push({
        id,
        arn: `arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:${id}`,
        engine: 'redis',
        automaticFailover,
        multiAz: automaticFailover,
        memberClusters: [`${id}-001`, `${id}-002`],
        nodeGroups: [{ id: '0001', members: [{ cacheClusterId: `${id}-001`, availabilityZone: 'us-east-1a', role: 'primary' }, { cacheClusterId: `${id}-002`, availabilityZone: 'us-east-1b', role: 'replica' }] }],
      });
    group('auto', 'enabled');
    group('manual', 'disabled');
    const r = buildResilience(b.inventory);
    expect(outcomesOf(r, `arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:auto`)).toMatchObject({ [A]: ['fails-over', 'cacheFailover', null], [B]: ['degraded', 'replicaLost', null] });
    expect(outcomesOf(r, `arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:manual`)[A]).toEqual(['needs-action', 'promoteReplica', null]);
  });

  it('Memcached: nodes in the lost zone are lost (degraded), all of them down; without node zones, unknown', () => {
    const b = new InventoryBuilder();
    const east = b.region('us-east-1');
    const cache = (id: string, fields = {}) => east.elasticache.cacheClusters.push({ id, arn: `arn:aws:elasticache:us-east-1:${ACCOUNT}:cluster:${id}`, engine: 'memcached', numNodes: 2, ...fields });
    cache('spread', { availabilityZone: 'Multiple', nodeZones: ['us-east-1a', 'us-east-1b'] });
    cache('packed', { availabilityZone: 'us-east-1a' });
    cache('unknown', { availabilityZone: 'Multiple' });
    const r = buildResilience(b.inventory);
    expect(outcomesOf(r, `arn:aws:elasticache:us-east-1:${ACCOUNT}:cluster:spread`)[A]).toEqual(['degraded', 'nodesLost', null]);
    expect(outcomesOf(r, `arn:aws:elasticache:us-east-1:${ACCOUNT}:cluster:packed`)[A]).toEqual(['down', 'singleZone', null]);
    expect(outcomesOf(r, `arn:aws:elasticache:us-east-1:${ACCOUNT}:cluster:unknown`)[A]).toEqual(['unknown', 'zoneUnknown', null]);
  });

  it('DynamoDB: a zone does not matter; a region needs a person with a global-table replica elsewhere, else it is down', () => {
    const b = new InventoryBuilder();
    const east = b.region('us-east-1');
    b.region('us-east-1').rds.instances.push(dbInstance('anchor')); // a zone scenario to play
    const table = (name: string, replicaRegions: string[]) =>
      east.dynamodb.tables.push({ name, arn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${name}`, replicaRegions, pointInTimeRecovery: 'ENABLED' });
    table('global', ['eu-west-1']);
    table('local', []);
    const r = buildResilience(b.inventory);
    expect(outcomesOf(r, `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/global`)).toEqual({ [A]: ['unaffected', 'regionalService', null], [EAST]: ['needs-action', 'copyInAnotherRegion', null] });
    expect(outcomesOf(r, `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/local`)[EAST]).toEqual(['down', 'noCopyElsewhere', null]);
  });

  it('DynamoDB global table with a replica in another scanned region: each replica is a table of its region, with its own outcome', () => {
    const b = new InventoryBuilder();
    b.region('us-east-1').rds.instances.push(dbInstance('anchor'));
    const table = (region: string, replicaRegions: string[]) => ({ name: 'orders', arn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/orders`, replicaRegions, pointInTimeRecovery: 'ENABLED' });
    b.region('us-east-1').dynamodb.tables.push(table('us-east-1', ['eu-west-1']));
    b.region('eu-west-1').dynamodb.tables.push(table('eu-west-1', ['us-east-1']));
    const r = buildResilience(b.inventory);
    const east = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`;
    const west = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`;
    const of = (id: string, scenario: string) => r.outcomes.find((o) => o.id === id && o.scenarioId === scenario)!;
    expect([of(east, EAST).outcome, of(east, EAST).reasonId]).toEqual(['needs-action', 'copyInAnotherRegion']);
    expect([of(west, EAST).outcome, of(west, EAST).reasonId]).toEqual(['unaffected', 'notInScenario']);
    expect([of(west, 'region:eu-west-1').outcome, of(east, 'region:eu-west-1').outcome]).toEqual(['needs-action', 'unaffected']);
    expect(r.dataStores.filter((s) => s.name === 'orders').map((s) => [s.region, s.replicaRegions])).toEqual([['us-east-1', ['eu-west-1']], ['eu-west-1', ['us-east-1']]]);
  });

  it('a gap in the data of its service makes a store unknown in its region', () => {
    const b = new InventoryBuilder();
    b.region('us-east-1').rds.instances.push(dbInstance('main', { multiAz: true, secondaryAvailabilityZone: 'us-east-1b' }));
    b.inventory.gaps.push({ accountId: ACCOUNT, region: 'us-east-1', service: 'rds', operation: 'DescribeDBClusters', code: 'AccessDenied', message: 'denied' });
    expect(outcomesOf(buildResilience(b.inventory), arn('db', 'main'))[A]).toEqual(['unknown', 'dataMissing', null]);
  });
});

describe('applications', () => {
  it('take the worst outcome of their entry points and data stores; names that match nothing are listed', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web');
    b.targetGroup(web, 'web', { a: 2, b: 2 });
    b.alias(b.hostedZone('shop.example.com'), 'www.shop.example.com', web);
    b.region('us-east-1').rds.instances.push(dbInstance('shop-db'));
    const r = buildResilience(b.inventory, { applications: [{ name: 'shop', entryPoints: ['WWW.shop.example.com.'], dependsOn: ['shop-db', 'shop-sessions'] }] });
    expect(r.applications).toEqual([{ name: 'shop', entryPoints: [r.entryPoints[0]!.id], dataStores: [arn('db', 'shop-db')], unmatched: ['shop-sessions'] }]);
    const inA = r.outcomes.find((o) => o.subject === 'application' && o.scenarioId === A)!;
    expect([inA.outcome, inA.reasonId, inA.capacity]).toEqual(['down', 'worstOfParts', { before: 4, after: 2 }]);
    expect(inA.reason).toContain('shop-db');
    const inB = r.outcomes.find((o) => o.subject === 'application' && o.scenarioId === B)!;
    expect([inB.outcome, inB.recoverySeconds]).toEqual(['survives', 60]);
  });
});
