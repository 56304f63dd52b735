import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Added } from '../../src/model/inventory-definition.js';
import { parseInventory } from '../../src/model/inventory-file.js';
import { inventoryFileSchema, leanInventory, withoutDefaults, type JsonSchema } from '../../src/model/inventory-schema.js';
import { packageRoot } from '../../src/package-info.js';

describe('schema/inventory.schema.json', () => {
  it('is the one generated from the inventory definition (run `npm run docs`)', () => {
    const shipped = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'inventory.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(inventoryFileSchema());
  });

  it('requires no list, map or service a lean file may leave out, and names each type once', () => {
    const schema = inventoryFileSchema();
    const defs = schema.$defs as Record<string, JsonSchema>;
    expect(schema.required).toEqual(['format', 'formatVersion', 'collectedAt']);
    expect(defs.RegionInventory!.required).toEqual(['region']);
    expect(defs.LoadBalancer!.required).toEqual(['arn', 'name', 'type', 'dnsName', 'scheme']);
    expect(defs.RegionInventory!.properties!.elbv2).toEqual({ $ref: '#/$defs/Elbv2Inventory', default: {} });
  });
});

describe('withoutDefaults (the lean form)', () => {
  const schema = Type.Object({
    name: Type.String(),
    tags: Type.Record(Type.String(), Type.String(), { default: {} }),
    zones: Type.Array(Type.String(), { default: [] }),
    suspended: Added(Type.Array(Type.String(), { default: [] })),
  }) as unknown as JsonSchema;

  it('leaves out what is empty and has a default, and keeps an added field even when empty', () => {
    expect(withoutDefaults(schema, { name: 'web', tags: {}, zones: [], suspended: [] })).toEqual({ name: 'web', suspended: [] });
    expect(withoutDefaults(schema, { name: 'web', tags: { team: 'a' }, zones: ['a'] })).toEqual({ name: 'web', tags: { team: 'a' }, zones: ['a'] });
  });

  it('makes an added field optional, with no default for a reader to fill in', () => {
    expect(schema.required).toEqual(['name', 'tags', 'zones']);
    expect(schema.properties!.suspended!.default).toBeUndefined();
  });
});

describe('the fixtures', () => {
  const fixtures = readdirSync(join(packageRoot(), 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));

  // Fix one with `node scripts/format-inventory.mjs FILE`.
  it.each(fixtures)('%s is lean: no empty service, list or map (adding one to the inventory changes no fixture)', async (fixture) => {
    const text = readFileSync(join(packageRoot(), 'fixtures', fixture), 'utf8');
    const inventory = await parseInventory(text, fixture);
    expect(inventory.formatVersion).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(text)).toEqual({ ...leanInventory(inventory), formatVersion: inventory.formatVersion });
  });
});
