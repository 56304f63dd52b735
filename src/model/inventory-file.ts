import { HaAuditError } from './errors.js';
import { classifyGap } from './gap-class.js';
import { checkInventoryContents } from './inventory-checks.js';
import { compacted } from './string-pool.js';
import { prettyJsonPieces } from '../json-pieces.js';
import { excerpt } from '../visible-text.js';
import { INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION, INVENTORY_FORMAT_VERSIONS, type Inventory } from './inventory.js';

/**
 * The inventory a saved file holds, checked against the inventory definition and complete: what
 * a lean file left out (empty services, lists and maps) is filled in. Every failure is a
 * `HaAuditError` naming the file and what is wrong with it. Pure: `file` only names the file.
 */
export async function parseInventory(text: string, file: string): Promise<Inventory> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HaAuditError('inventory-invalid', `inventory ${file} is not valid JSON: ${(error as Error).message}`, undefined, { cause: error });
  }
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (record && 'findings' in record && 'schemaVersion' in record) {
    throw new HaAuditError('inventory-invalid', `${file} is an ha-audit report, not an inventory`, 'save an inventory with `ha-audit scan --save-inventory FILE`');
  }
  if (record?.format === INVENTORY_FORMAT && !(INVENTORY_FORMAT_VERSIONS as readonly unknown[]).includes(record.formatVersion)) {
    throw new HaAuditError(
      'inventory-invalid',
      `inventory ${file} has format version ${JSON.stringify(record.formatVersion)}; this ha-audit reads versions ${INVENTORY_FORMAT_VERSIONS.join(' and ')}`,
      'collect it again with this version of ha-audit, or read it with the version that wrote it',
    );
  }
  const validate = await inventoryValidator();
  if (!validate(data)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath || '(top level)';
    throw new HaAuditError('inventory-invalid', `inventory ${file} is invalid at ${where}: ${errorDetail(error)}`, 'inventories are written by `ha-audit scan --save-inventory`; see schema/inventory.schema.json');
  }
  const inventory = data as Inventory;
  checkInventoryContents(inventory, file);
  // Saved before gaps had a class: classified now, as the collector would have.
  for (const gap of inventory.gaps) gap.class ??= classifyGap(gap.code);
  return compacted(inventory);
}

/**
 * The text `--save-inventory` writes: lean (no empty service, list or map: smaller, and diffs
 * show only what exists), in the current format version whatever version it was read from.
 * Pure; it loads the inventory definition (TypeBox), which only a scan that saves pays for.
 */
export async function serializeInventory(inventory: Inventory): Promise<string> {
  return [...(await serializeInventoryPieces(inventory))].join('');
}

/**
 * The same text in pieces, an account each: an organisation's inventory can be longer than the
 * longest string V8 can hold (about 512 MiB; 1,800 small accounts).
 */
export async function serializeInventoryPieces(inventory: Inventory): Promise<Iterable<string>> {
  const { leanInventory } = await import('./inventory-schema.js');
  const lean = { ...leanInventory(inventory), formatVersion: INVENTORY_FORMAT_VERSION };
  return (function* () {
    yield* prettyJsonPieces(lean, ['accounts', 'gaps']);
    yield '\n';
  })();
}

interface ValidationError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

type Validator = ((data: unknown) => boolean) & { errors?: ValidationError[] | null };

function errorDetail(error: ValidationError | undefined): string {
  if (error?.keyword === 'additionalProperties') return `unexpected property "${excerpt(String(error.params.additionalProperty))}"`;
  if (error?.keyword === 'enum') return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return error?.message ?? 'invalid';
}

let validator: Validator | undefined;

/**
 * The build compiles the definition into a standalone validator next to this file (importing
 * TypeBox and Ajv would double the start-up time); run from the sources (tests), there is none,
 * and Ajv compiles the same schema on the spot.
 */
async function inventoryValidator(): Promise<Validator> {
  if (validator) return validator;
  try {
    const generated = './inventory-validator.js';
    validator = ((await import(generated)) as { default: Validator }).default;
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
    const [{ Ajv2020 }, { inventoryFileSchema, VALIDATOR_OPTIONS }] = await Promise.all([import('ajv/dist/2020.js'), import('./inventory-schema.js')]);
    validator = new Ajv2020(VALIDATOR_OPTIONS).compile(inventoryFileSchema()) as Validator;
  }
  return validator;
}

function isModuleNotFound(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  // Node says ERR_MODULE_NOT_FOUND; Vite (running the sources in tests) says "Failed to load url".
  return code === 'ERR_MODULE_NOT_FOUND' || /Failed to load url|Cannot find module/.test(message ?? '');
}
