import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { collectRegion } from '../../src/collect/collect-inventory.js';
import { RegionCalls } from '../../src/collect/region-calls.js';
import { runRules } from '../../src/engine/run-rules.js';
import { exitCodeFor } from '../../src/engine/summary.js';
import { emptyRoute53Inventory, type Inventory, type RegionInventory } from '../../src/model/inventory.js';
import {
  ACCOUNT_ID,
  accessDenied,
  autoScalingGroup,
  awsError,
  dbInstance,
  dynamoDbTable,
  forward,
  instance,
  instanceTarget,
  listener,
  loadBalancer,
  networkError,
  replicationGroup,
  subnet,
  targetGroup,
} from '../support/aws-responses.js';
import { mockedRegions, OPERATION_SERVICE, type FakeOperation, type FakeOptions, type World } from '../support/mocked-region.js';

// Real accounts are messy: a scan keeps going, says exactly what it could not see, and never
// turns a blind spot into a pass.
const mockedRegion = mockedRegions();

/** A region with something for every rule: a load balancer and its fleet, a database, a cache, a table. */
function world(region: string): Partial<World> {
  const alb = loadBalancer('web-alb', { region });
  const tg = targetGroup('web-tg', { loadBalancerArns: [alb.LoadBalancerArn!], region });
  return {
    loadBalancers: [alb],
    targetGroups: [tg],
    listeners: { [alb.LoadBalancerArn!]: [listener(alb.LoadBalancerArn!, 443, [forward(tg.TargetGroupArn!)])] },
    health: { [tg.TargetGroupArn!]: [instanceTarget('i-0a1b2c3d4e5f60001'), instanceTarget('i-0a1b2c3d4e5f60002')] },
    autoScalingGroups: [autoScalingGroup('web-asg', { targetGroupArns: [tg.TargetGroupArn!] })],
    instances: [instance('i-0a1b2c3d4e5f60001', `${region}a`), instance('i-0a1b2c3d4e5f60002', `${region}b`)],
    subnets: [subnet('subnet-0a1a1a1a1aEXAMPLE', `${region}a`, '10.0.0.0/24'), subnet('subnet-0b2b2b2b2bEXAMPLE', `${region}b`, '10.0.1.0/24')],
    dbInstances: [dbInstance('orders-db', { region, zone: `${region}a` })],
    replicationGroups: [replicationGroup('sessions', { region })],
    tables: [dynamoDbTable('carts', { region })],
  };
}

const REGIONS = ['us-east-1', 'eu-west-1'];

/** Collects both regions, with `options(region)` for each mocked region; pauses between throttled rounds are short. */
async function scan(options: (region: string) => FakeOptions = () => ({})): Promise<Inventory> {
  const collected = await Promise.all(
    REGIONS.map(async (region) => {
      const calls = new RegionCalls(ACCOUNT_ID, region, { throttlePauseMs: 5 });
      const inventory: RegionInventory = await collectRegion(region, mockedRegion(world(region), { region, ...options(region) }).clients, calls);
      return { inventory, gaps: calls.gaps };
    }),
  );
  return {
    format: 'ha-audit-inventory',
    formatVersion: 1,
    collectedAt: '2026-11-26T00:00:00.000Z',
    accounts: [{ accountId: ACCOUNT_ID, route53: emptyRoute53Inventory(), regions: collected.map((c) => c.inventory) }],
    gaps: collected.flatMap((c) => c.gaps),
  };
}

const verdicts = (inventory: Inventory) =>
  runRules(inventory, { rules })
    .map((r) => `${r.resource.region} ${r.ruleId} ${r.status} ${r.messageId} ${r.resource.id}`)
    .sort();

function failEvery(operations: readonly FakeOperation[], error: (operation: FakeOperation, call: number) => Error | undefined): FakeOptions['fail'] {
  return Object.fromEntries(operations.map((operation) => [operation, (_input: unknown, call: number) => error(operation, call)]));
}

const ALL_OPERATIONS = Object.keys(OPERATION_SERVICE) as FakeOperation[];

describe('a scan with partial failures', () => {
  it('AccessDenied on one service in one region: only the rules reading it give error there, every other result is present, exit 3', async () => {
    const clean = verdicts(await scan());
    const rdsOps = ALL_OPERATIONS.filter((op) => OPERATION_SERVICE[op] === 'rds');
    const inventory = await scan((region) => (region === 'eu-west-1' ? { fail: failEvery(rdsOps, (op) => accessDenied(`rds:${op}`)) } : {}));
    expect(inventory.gaps.map((g) => `${g.region} ${g.service}:${g.operation} ${g.code}`).sort()).toEqual([
      'eu-west-1 rds:DescribeDBClusters AccessDenied',
      'eu-west-1 rds:DescribeDBInstances AccessDenied',
    ]);
    const results = runRules(inventory, { rules });
    const errors = results.filter((r) => r.status === 'error');
    expect(errors.map((r) => `${r.resource.region} ${r.ruleId}`).sort()).toEqual(['eu-west-1 aurora-multi-az', 'eu-west-1 rds-backups', 'eu-west-1 rds-multi-az']);
    // Everything else is exactly what the clean scan gives.
    const untouched = (v: string) => !(v.startsWith('eu-west-1 rds-') || v.startsWith('eu-west-1 aurora-'));
    expect(verdicts(inventory).filter(untouched)).toEqual(clean.filter(untouched));
    expect(exitCodeFor(results, 'low', inventory.gaps.length === 0)).toBe(3);
  });

  it('a disabled opt-in region: every call there is a gap, every rule there gives error, the other region is whole', async () => {
    const clean = verdicts(await scan());
    const optIn = () => awsError('OptInRequired', 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.', 403);
    const inventory = await scan((region) => (region === 'eu-west-1' ? { fail: failEvery(ALL_OPERATIONS, optIn) } : {}));
    expect(inventory.gaps.every((g) => g.region === 'eu-west-1' && g.code === 'OptInRequired')).toBe(true);
    const results = runRules(inventory, { rules }).filter((r) => r.resource.region === 'eu-west-1');
    expect(results.every((r) => r.status === 'error')).toBe(true);
    expect(new Set(results.map((r) => r.ruleId)).size).toBe(rules.filter((r) => r.level === 'region').length);
    expect(verdicts(inventory).filter((v) => v.startsWith('us-east-1'))).toEqual(clean.filter((v) => v.startsWith('us-east-1')));
  });

  it('throttling on half the calls for a while: the scan slows down and ends with the same results as without', async () => {
    const clean = verdicts(await scan());
    const throttled = { count: 0 };
    // Every other call of each operation is throttled, for its first six calls.
    const inventory = await scan(() => ({
      fail: failEvery(ALL_OPERATIONS, (op, call) => {
        if (call >= 6 || call % 2 === 1) return undefined;
        throttled.count += 1;
        return OPERATION_SERVICE[op] === 'ec2' ? awsError('RequestLimitExceeded', 'Request limit exceeded.', 503) : awsError('Throttling', 'Rate exceeded');
      }),
    }));
    expect(throttled.count).toBeGreaterThan(20);
    expect(inventory.gaps).toEqual([]);
    expect(verdicts(inventory)).toEqual(clean);
  });

  it('a network error is a gap with its code, not a crash', async () => {
    const inventory = await scan((region) => (region === 'us-east-1' ? { fail: { DescribeSubnets: () => networkError('ECONNRESET') } } : {}));
    expect(inventory.gaps).toEqual([expect.objectContaining({ region: 'us-east-1', service: 'ec2', operation: 'DescribeSubnets', code: 'ECONNRESET' })]);
    expect(inventory.accounts[0]!.regions[0]!.elbv2.loadBalancers).toHaveLength(1);
  });
});
