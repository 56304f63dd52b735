import { describe, expect, it } from 'vitest';
import { collectDynamoDb, UNKNOWN_PITR } from '../../src/collect/dynamodb.js';
import { DEFAULT_CONCURRENCY, RegionCalls } from '../../src/collect/region-calls.js';
import { expectSchemaValid } from '../support/inventory-schema.js';
import { mockedRegions, type MockedRegion } from '../support/mocked-region.js';
import { ACCOUNT_ID, continuousBackups, dynamoDbAccessDenied, dynamoDbError, dynamoDbTable, REGION, tableArn } from '../support/aws-responses.js';
import { expectChainedPages } from '../support/pagination.js';

const mockedRegion = mockedRegions();

async function collect(fake: MockedRegion) {
  // A mocked client does not retry: a throttling error here stands for one the SDK gave up on, so no extra rounds.
  const calls = new RegionCalls(ACCOUNT_ID, REGION, { throttleRounds: 0 });
  const inventory = await collectDynamoDb(fake.clients.dynamodb, calls);
  return { inventory, calls };
}

const names = (tables: { name: string }[]) => tables.map((t) => t.name);

describe('collectDynamoDb: mapping the API responses', () => {
  it('maps an on-demand table with point-in-time recovery, a provisioned one without, and a global table', async () => {
    const fake = mockedRegion({
      tables: [dynamoDbTable('orders'), dynamoDbTable('legacy-sessions', { billingMode: 'PROVISIONED' }), dynamoDbTable('carts', { replicas: ['us-west-2', 'eu-west-1'] })],
      continuousBackups: { orders: continuousBackups('ENABLED', 35), carts: continuousBackups('ENABLED', 7) },
    });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    // ListTables answers in name order.
    expect(inventory.tables).toEqual([
      { name: 'carts', arn: tableArn('carts'), status: 'ACTIVE', billingMode: 'PAY_PER_REQUEST', replicaRegions: ['us-west-2', 'eu-west-1'], pointInTimeRecovery: 'ENABLED', recoveryPeriodInDays: 7 },
      // A table created provisioned has no BillingModeSummary: its capacity says what it is.
      { name: 'legacy-sessions', arn: tableArn('legacy-sessions'), status: 'ACTIVE', billingMode: 'PROVISIONED', replicaRegions: [], pointInTimeRecovery: 'DISABLED' },
      { name: 'orders', arn: tableArn('orders'), status: 'ACTIVE', billingMode: 'PAY_PER_REQUEST', replicaRegions: [], pointInTimeRecovery: 'ENABLED', recoveryPeriodInDays: 35 },
    ]);
    expect(fake.inputs('DescribeTable').map((i) => i.TableName).sort()).toEqual(['carts', 'legacy-sessions', 'orders']);
    expect(fake.inputs('DescribeContinuousBackups').map((i) => i.TableName).sort()).toEqual(['carts', 'legacy-sessions', 'orders']);
    await expectSchemaValid({ dynamodb: inventory });
  });

  it('leaves this region out of the replica regions', async () => {
    const table = dynamoDbTable('carts', { replicas: ['us-west-2'] });
    table.Replicas!.push({ RegionName: REGION, ReplicaStatus: 'ACTIVE' });
    const { inventory } = await collect(mockedRegion({ tables: [table] }));
    expect(inventory.tables[0]!.replicaRegions).toEqual(['us-west-2']);
  });

  it('makes no call but ListTables in a region without tables', async () => {
    const fake = mockedRegion({});
    const { inventory } = await collect(fake);
    expect(inventory.tables).toEqual([]);
    expect(fake.sentCommands()).toEqual(['dynamodb:ListTables']);
  });
});

describe('collectDynamoDb: pagination', () => {
  it('follows LastEvaluatedTableName into ExclusiveStartTableName through 3 pages, Limit 100, and describes each table once', async () => {
    const tables = ['users', 'audit', 'orders', 'carts', 'events', 'sessions', 'payments'].map((name) => dynamoDbTable(name));
    const fake = mockedRegion({ tables }, { pageSize: 3 });
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect([...expectChainedPages(fake, 'ListTables', { tokenIn: 'ExclusiveStartTableName', tokenOut: 'LastEvaluatedTableName', sizeKey: 'Limit', size: 100 }).values()]).toEqual([3]);
    expect(fake.inputs('ListTables').map((i) => i.ExclusiveStartTableName)).toEqual([undefined, 'events', 'sessions']);
    const sorted = ['audit', 'carts', 'events', 'orders', 'payments', 'sessions', 'users'];
    expect(names(inventory.tables)).toEqual(sorted);
    expect(fake.inputs('DescribeTable').map((i) => i.TableName).sort()).toEqual(sorted);
    expect(fake.inputs('DescribeContinuousBackups').map((i) => i.TableName).sort()).toEqual(sorted);
  });
});

describe('collectDynamoDb: bounded concurrency', () => {
  it('keeps the per-table calls in flight at or under DEFAULT_CONCURRENCY.dynamodb, and runs them concurrently', async () => {
    const tables = Array.from({ length: 15 }, (_, i) => dynamoDbTable(`table-${String(i).padStart(2, '0')}`));
    const fake = mockedRegion({ tables }, { latencyMs: { DescribeTable: 15, DescribeContinuousBackups: 15 } });
    const { inventory } = await collect(fake);
    expect(inventory.tables).toHaveLength(15);
    expect(fake.inputs('DescribeTable')).toHaveLength(15);
    expect(fake.inputs('DescribeContinuousBackups')).toHaveLength(15);
    expect(fake.maxInFlight.dynamodb).toBeLessThanOrEqual(DEFAULT_CONCURRENCY.dynamodb);
    // 30 calls of 15 ms queue up: the bound is reached, not just approached (tables are not asked one by one).
    expect(fake.maxInFlight.dynamodb).toBe(DEFAULT_CONCURRENCY.dynamodb);
    expect(DEFAULT_CONCURRENCY.dynamodb).toBeGreaterThan(2);
  });
});

describe('collectDynamoDb: failures', () => {
  it('records a gap and UNKNOWN for a table whose DescribeContinuousBackups is denied, and still asks about the tables after it', async () => {
    const fake = mockedRegion(
      {
        tables: ['audit', 'carts', 'orders', 'sessions', 'users', 'zones'].map((name) => dynamoDbTable(name)),
        continuousBackups: { carts: continuousBackups('ENABLED'), users: continuousBackups('ENABLED') },
      },
      { fail: { DescribeContinuousBackups: (input) => (input.TableName === 'audit' ? dynamoDbAccessDenied('dynamodb:DescribeContinuousBackups', tableArn('audit')) : undefined) } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([
      {
        accountId: ACCOUNT_ID,
        region: REGION,
        service: 'dynamodb',
        operation: 'DescribeContinuousBackups',
        code: 'AccessDeniedException',
        message: `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: dynamodb:DescribeContinuousBackups on resource: ${tableArn('audit')} because no identity-based policy allows the dynamodb:DescribeContinuousBackups action`,
        class: 'denied',
      },
    ]);
    // Permissions are per table: the denial on `audit` (asked first) must not stop the others.
    expect(fake.inputs('DescribeContinuousBackups')).toHaveLength(6);
    expect(Object.fromEntries(inventory.tables.map((t) => [t.name, t.pointInTimeRecovery]))).toEqual({
      audit: UNKNOWN_PITR,
      carts: 'ENABLED',
      orders: 'DISABLED',
      sessions: 'DISABLED',
      users: 'ENABLED',
      zones: 'DISABLED',
    });
    expect(inventory.tables[0]).toEqual({ name: 'audit', arn: tableArn('audit'), status: 'ACTIVE', billingMode: 'PAY_PER_REQUEST', replicaRegions: [], pointInTimeRecovery: UNKNOWN_PITR });
    await expectSchemaValid({ dynamodb: inventory });
  });

  it('records one gap when DescribeContinuousBackups is denied on every table, each table UNKNOWN', async () => {
    const fake = mockedRegion(
      { tables: ['audit', 'carts', 'orders'].map((name) => dynamoDbTable(name)) },
      { fail: { DescribeContinuousBackups: (input) => dynamoDbAccessDenied('dynamodb:DescribeContinuousBackups', tableArn(input.TableName)) } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.service}:${g.operation}:${g.code}`)).toEqual(['dynamodb:DescribeContinuousBackups:AccessDeniedException']);
    expect(inventory.tables.map((t) => t.pointInTimeRecovery)).toEqual([UNKNOWN_PITR, UNKNOWN_PITR, UNKNOWN_PITR]);
  });

  it('records a throttled DescribeContinuousBackups as a gap with its code, the table UNKNOWN', async () => {
    const fake = mockedRegion(
      { tables: ['audit', 'carts'].map((name) => dynamoDbTable(name)), continuousBackups: { carts: continuousBackups('ENABLED') } },
      { fail: { DescribeContinuousBackups: (input) => (input.TableName === 'audit' ? dynamoDbError('ThrottlingException', 'Rate of requests exceeds the allowed throughput.') : undefined) } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.operation}:${g.code}`)).toEqual(['DescribeContinuousBackups:ThrottlingException']);
    expect(inventory.tables.map((t) => `${t.name}:${t.pointInTimeRecovery}`)).toEqual([`audit:${UNKNOWN_PITR}`, 'carts:ENABLED']);
  });

  it('leaves out, with a gap, a table whose DescribeTable is denied, and keeps the others', async () => {
    const fake = mockedRegion(
      { tables: ['audit', 'carts', 'orders'].map((name) => dynamoDbTable(name)) },
      { fail: { DescribeTable: (input) => (input.TableName === 'audit' ? dynamoDbAccessDenied('dynamodb:DescribeTable', tableArn('audit')) : undefined) } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.service}:${g.operation}:${g.code}`)).toEqual(['dynamodb:DescribeTable:AccessDeniedException']);
    expect(names(inventory.tables)).toEqual(['carts', 'orders']);
    expect(fake.inputs('DescribeTable')).toHaveLength(3);
  });

  it('leaves out, without a gap, a table deleted after ListTables named it', async () => {
    const tables = ['audit', 'carts', 'orders'].map((name) => dynamoDbTable(name));
    // `carts` answered DescribeTable, then was gone by DescribeContinuousBackups; `old-orders` was gone for both.
    const fake = mockedRegion(
      { tables },
      {
        handle: { ListTables: () => ({ TableNames: ['audit', 'carts', 'old-orders', 'orders'] }) },
        fail: { DescribeContinuousBackups: (input) => (input.TableName === 'carts' ? dynamoDbError('TableNotFoundException', 'Table not found: carts') : undefined) },
      },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps).toEqual([]);
    expect(names(inventory.tables)).toEqual(['audit', 'orders']);
    expect(fake.inputs('DescribeTable').map((i) => i.TableName)).toContain('old-orders');
  });

  it('records a gap and asks about no table when ListTables is denied', async () => {
    const fake = mockedRegion(
      { tables: [dynamoDbTable('orders')] },
      { fail: { ListTables: () => dynamoDbAccessDenied('dynamodb:ListTables', `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/*`) } },
    );
    const { inventory, calls } = await collect(fake);
    expect(calls.gaps.map((g) => `${g.service}:${g.operation}:${g.code}`)).toEqual(['dynamodb:ListTables:AccessDeniedException']);
    expect(inventory.tables).toEqual([]);
    expect(fake.sentCommands()).toEqual(['dynamodb:ListTables']);
  });
});
