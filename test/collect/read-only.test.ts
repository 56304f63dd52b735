import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/model/operations.js';
import { recordFullScan } from '../support/full-scan.js';

/**
 * Every command a full collection sends: two regions listed by `--all-regions`, and `--org`
 * (the organisation holds only the caller's account, so no role is assumed), so that every
 * optional path runs too.
 */
async function commandsOfAFullScan(): Promise<string[]> {
  const { commands, inventory } = await recordFullScan({ allRegions: true, org: true, roleName: 'Audit' });
  expect(inventory.gaps).toEqual([]);
  expect(inventory.accounts[0]!.regions.map((r) => r.region)).toEqual(['eu-west-1', 'us-east-1']);
  expect(inventory.accounts[0]!.route53.hostedZones).toHaveLength(1);
  expect(inventory.accounts[0]!.regions.every((r) => r.dynamodb.tables.length === 1 && r.rds.clusters.length === 1)).toBe(true);
  return commands;
}

describe('a live scan is read-only', () => {
  it('sends only Describe*, List* and Get* operations, on every client', async () => {
    const commands = await commandsOfAFullScan();
    expect(commands.length).toBeGreaterThan(20);
    // The pattern is spelled out here, not imported: the test must not move if the source's does.
    const writes = commands.filter((command) => !/^(Describe|List|Get)[A-Z]/.test(command.split(':')[1]!));
    expect(writes).toEqual([]);
  });

  it('calls exactly the operations listed in src/model/operations.ts', async () => {
    // Without --org, the account is named by its alias (with it, by the organisation).
    const called = new Set([...(await commandsOfAFullScan()), ...(await recordFullScan({ regions: ['us-east-1'] })).commands]);
    const listed = new Set(Object.entries(OPERATIONS).flatMap(([service, operations]) => operations.map((operation) => `${service}:${operation}`)));
    expect([...called].sort()).toEqual([...listed].sort());
  });

  it('lists only read-only operations', () => {
    for (const operations of Object.values(OPERATIONS)) {
      for (const operation of operations) expect(operation).toMatch(/^(Describe|List|Get)[A-Z]/);
    }
  });
});
