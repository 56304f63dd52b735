import { describe, expect, it } from 'vitest';
import { buildWhatIf, findScenario, type WhatIfAsked } from '../../src/engine/what-if.js';
import { HaAuditError } from '../../src/model/errors.js';
import type { Inventory } from '../../src/model/inventory.js';
import { buildResilience } from '../../src/resilience/model.js';
import { ACCOUNT, InventoryBuilder } from '../support/inventory-builder.js';

const tool = { name: 'ha-audit', version: 'test' };

function play(inventory: Inventory, asked: WhatIfAsked) {
  const resilience = buildResilience(inventory);
  const scenario = findScenario(resilience, inventory, asked);
  return buildWhatIf({ resilience, inventory, scenario, asked, source: 'inventory', tool, commandsOf: (o) => [`fix ${o.id}`] });
}

function usageError(run: () => unknown): HaAuditError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HaAuditError);
    expect((error as HaAuditError).code).toBe('usage');
    return error as HaAuditError;
  }
  throw new Error('no error');
}

/** web: 2 targets in a, 1 in b; solo: its only target in a; spread: 1 in a, 1 in b, 1 in c. */
function shop(): InventoryBuilder {
  const b = new InventoryBuilder();
  const zone = b.hostedZone('shop.example.com');
  const web = b.loadBalancer('us-east-1', 'web');
  b.targetGroup(web, 'web', { a: 1, b: 2 });
  b.alias(zone, 'www.shop.example.com', web);
  const solo = b.loadBalancer('us-east-1', 'solo');
  b.targetGroup(solo, 'solo', { a: 1 });
  b.alias(zone, 'solo.shop.example.com', solo);
  const spread = b.loadBalancer('us-east-1', 'spread', { zones: ['a', 'b', 'c'] });
  b.targetGroup(spread, 'spread', { a: 1, b: 1, c: 1 });
  b.alias(zone, 'spread.shop.example.com', spread);
  return b;
}

describe('findScenario', () => {
  const inventory = shop().inventory;
  const resilience = buildResilience(inventory);

  it('takes a zone id, a zone name (one account) and a region, without case', () => {
    expect(findScenario(resilience, inventory, { zone: 'use1-az1' }).id).toBe('zone:us-east-1/use1-az1');
    expect(findScenario(resilience, inventory, { zone: 'US-EAST-1A' }).id).toBe('zone:us-east-1/use1-az1');
    expect(findScenario(resilience, inventory, { region: 'us-east-1' }).id).toBe('region:us-east-1');
  });

  it('an unknown zone or region: a usage error listing what the scan holds', () => {
    const zone = usageError(() => findScenario(resilience, inventory, { zone: 'use1-az9' }));
    expect(zone.hint).toContain('use1-az1 (us-east-1a)');
    expect(zone.hint).toContain('use1-az3 (us-east-1c)');
    const region = usageError(() => findScenario(resilience, inventory, { region: 'eu-west-3' }));
    expect(region.hint).toContain('us-east-1');
  });

  it('a zone of the scan that holds nothing is a loss of nothing', () => {
    const b = new InventoryBuilder();
    const lb = b.loadBalancer('us-east-1', 'two', { zones: ['a', 'b'] });
    b.targetGroup(lb, 'two', { a: 1, b: 1 });
    const result = play(b.inventory, { zone: 'use1-az3' });
    expect(result.scenario).toMatchObject({ id: 'zone:us-east-1/use1-az3', zoneId: 'use1-az3' });
    expect(result.affected).toEqual([]);
    expect(result.survive['entry-point']).toEqual({ unaffected: 1, survives: 0, 'fails-over': 0, total: 1 });
    expect(result.exitCode).toBe(0);
  });

  it('several accounts: a zone name is refused, naming the zone id it is in each account; a zone id is taken', () => {
    const b = shop();
    const other = b.loadBalancer('us-east-1', 'other', { accountId: '444455556666' });
    b.targetGroup(other, 'other', { a: 1, b: 1 });
    const resilienceOfTwo = buildResilience(b.inventory);
    const error = usageError(() => findScenario(resilienceOfTwo, b.inventory, { zone: 'us-east-1a' }));
    expect(error.message).toContain(`use1-az1 in ${ACCOUNT}`);
    expect(error.message).toContain('use1-az2 in 444455556666');
    const scenario = findScenario(resilienceOfTwo, b.inventory, { zone: 'use1-az2' });
    expect(scenario.zoneNames).toEqual([
      { accountId: ACCOUNT, zoneName: 'us-east-1b' },
      { accountId: '444455556666', zoneName: 'us-east-1a' },
    ]);
  });
});

describe('buildWhatIf', () => {
  it('lists what the loss takes down or degrades, worst first, with the fix; counts those that keep serving', () => {
    const result = play(shop().inventory, { zone: 'use1-az1' });
    expect(result.affected.map((i) => [i.name, i.outcome, i.capacity, i.capacityLeft])).toEqual([['solo.shop.example.com', 'down', { before: 1, after: 0 }, '0%']]);
    expect(result.affected[0]).toMatchObject({ subject: 'entry-point', reasonId: 'noTargetLeft', recoverySeconds: null, commands: [`fix ${result.affected[0]!.id}`] });
    expect(result.affected[0]!.fix).toBeTruthy();
    expect(result.survive['entry-point']).toMatchObject({ survives: 2, total: 2 });
    expect(result.total).toEqual({ 'entry-point': 3, 'data-store': 0, application: 0 });
    expect(result.exitCode).toBe(1);
    expect(result.complete).toBe(true);
  });

  it('down before degraded, then less capacity left first', () => {
    const b = shop();
    const thin = b.loadBalancer('us-east-1', 'thin', { zones: ['a', 'b'] });
    b.targetGroup(thin, 'thin', { a: 3, b: 1 });
    const thinner = b.loadBalancer('us-east-1', 'thinner', { zones: ['a', 'b'] });
    b.targetGroup(thinner, 'thinner', { a: 4, b: 1 });
    const result = play(b.inventory, { zone: 'use1-az1' });
    expect(result.affected.map((i) => [i.name, i.outcome, i.capacityLeft])).toEqual([
      ['solo.shop.example.com', 'down', '0%'],
      ['thinner', 'degraded', '20%'],
      ['thin', 'degraded', '25%'],
    ]);
  });

  it('a region loss with nothing elsewhere takes every entry point down', () => {
    const result = play(shop().inventory, { region: 'us-east-1' });
    expect(result.affected.map((i) => i.outcome)).toEqual(['down', 'down', 'down']);
    expect(result.scenario.label).toBe('us-east-1');
  });

  it('a gap in what the model reads makes the answer incomplete: exit 3, even over a failure', () => {
    const b = shop();
    b.inventory.gaps.push({ accountId: ACCOUNT, region: 'us-east-1', service: 'elbv2', operation: 'DescribeTargetHealth', code: 'AccessDenied', class: 'denied', message: 'denied' });
    const result = play(b.inventory, { zone: 'use1-az2' });
    expect(result.complete).toBe(false);
    expect(result.gaps).toHaveLength(1);
    expect(result.exitCode).toBe(3);
  });

  it('a gap the model does not read leaves it complete', () => {
    const b = shop();
    b.inventory.gaps.push({ accountId: ACCOUNT, region: 'us-east-1', service: 'dynamodb', operation: 'DescribeContinuousBackups', code: 'AccessDenied', class: 'denied', message: 'denied' });
    const result = play(b.inventory, { zone: 'use1-az3' });
    expect(result).toMatchObject({ complete: true, gaps: [], exitCode: 0 });
  });
});
