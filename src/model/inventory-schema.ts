/**
 * What is derived from the inventory definition for files: the JSON Schema of a saved inventory
 * (shipped as `schema/inventory.schema.json`, compiled into the reader's validator by the build)
 * and the lean form `--save-inventory` writes.
 */
import { InventoryDefinition } from './inventory-definition.js';
import type { Inventory } from './inventory.js';

/** The JSON Schema keywords the definition uses. */
export interface JsonSchema {
  type?: string;
  description?: string;
  default?: unknown;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  [keyword: string]: unknown;
}

/**
 * Ajv options of the reader's validator, at build time and when run from the sources alike:
 * `useDefaults` fills in what a lean file left out, so the reader returns a complete inventory.
 */
export const VALIDATOR_OPTIONS = { strict: true, useDefaults: true } as const;

const KEY_ORDER = ['$schema', '$id', '$ref', 'title', 'description', 'type', 'const', 'enum', 'pattern', 'minimum', 'default', 'required', 'additionalProperties', 'properties', 'items', '$defs'];

/**
 * The schema of a file: the definition, where a property that has a default (an empty list,
 * map or service) is not required, and each named type (`Model`, `Service`) is written once,
 * in `$defs`. Keys in a stable, readable order.
 */
export function inventoryFileSchema(): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const { title: _title, ...root } = JSON.parse(JSON.stringify(InventoryDefinition)) as JsonSchema;
  const schema = fileSchemaOf(root, defs);
  return ordered({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/ha-audit/ha-audit/schema/inventory.schema.json',
    ...schema,
    title: 'ha-audit inventory',
    description: `${schema.description} Generated from src/model/inventory-definition.ts by \`npm run docs\`: do not edit.`,
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))),
  });
}

function fileSchemaOf(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  const { title, default: defaultValue, ...rest } = schema;
  if (typeof title === 'string') {
    defs[title] ??= fileSchemaOf(rest, defs);
    // Ajv takes a default from where the property is, not from the type it refers to.
    return defaultValue === undefined ? { $ref: `#/$defs/${title}` } : { $ref: `#/$defs/${title}`, default: defaultValue };
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) {
    const properties = schema.properties;
    out.properties = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, fileSchemaOf(property, defs)]));
    const required = (schema.required ?? []).filter((name) => properties[name]?.default === undefined);
    if (required.length > 0) out.required = required;
    else delete out.required;
  }
  if (schema.items) out.items = fileSchemaOf(schema.items, defs);
  return ordered(out);
}

function ordered(schema: JsonSchema): JsonSchema {
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  return Object.fromEntries(Object.entries(schema).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * The inventory without what the reader fills in: every list, map and service that is empty
 * and has a default. Fields added later (`Added`) have none, so they stay even when empty.
 */
export function leanInventory(inventory: Inventory): object {
  return withoutDefaults(InventoryDefinition, inventory) as object;
}

/** `value` without the properties that are empty where `schema` gives them an (empty) default. */
export function withoutDefaults(schema: JsonSchema, value: unknown): unknown {
  if (Array.isArray(value)) return schema.items ? value.map((item) => withoutDefaults(schema.items!, item)) : value;
  if (!value || typeof value !== 'object' || !schema.properties) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties[key];
    const leanChild = property ? withoutDefaults(property, child) : child;
    // Every default of the definition is empty: `[]`, `{}` (a map, or a service with nothing).
    if (property?.default !== undefined && isEmpty(leanChild)) continue;
    out[key] = leanChild;
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : !!value && typeof value === 'object' && Object.keys(value).length === 0;
}
