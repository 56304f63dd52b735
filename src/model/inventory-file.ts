import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HaAuditError } from './errors.js';
import { INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION, type Inventory } from './inventory.js';
import { packageRoot } from '../package-info.js';

/**
 * Parses a saved inventory and checks it against `schema/inventory.schema.json`. Every failure
 * is a `HaAuditError` naming the file and what is wrong with it.
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
  if (record?.format === INVENTORY_FORMAT && record.formatVersion !== INVENTORY_FORMAT_VERSION) {
    throw new HaAuditError(
      'inventory-invalid',
      `inventory ${file} has format version ${JSON.stringify(record.formatVersion)}; this ha-audit reads version ${INVENTORY_FORMAT_VERSION}`,
      'collect it again with this version of ha-audit',
    );
  }
  const validate = await inventoryValidator();
  if (!validate(data)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath || '(top level)';
    const detail = error?.keyword === 'additionalProperties' ? `unexpected property "${String(error.params.additionalProperty)}"` : (error?.message ?? 'invalid');
    throw new HaAuditError('inventory-invalid', `inventory ${file} is invalid at ${where}: ${detail}`, 'inventories are written by `ha-audit scan --save-inventory`; see schema/inventory.schema.json');
  }
  return data as Inventory;
}

type Validator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[] | null;
};

let validator: Validator | undefined;

/**
 * The build compiles the schema into a standalone validator next to this file; run from the
 * sources (tests), there is none, and Ajv compiles the same schema on the spot.
 */
async function inventoryValidator(): Promise<Validator> {
  if (validator) return validator;
  try {
    const generated = './inventory-validator.js';
    validator = ((await import(generated)) as { default: Validator }).default;
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const schema = JSON.parse(await readFile(join(packageRoot(), 'schema', 'inventory.schema.json'), 'utf8')) as object;
    validator = new Ajv2020({ strict: true }).compile(schema) as Validator;
  }
  return validator;
}

function isModuleNotFound(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  // Node says ERR_MODULE_NOT_FOUND; Vite (running the sources in tests) says "Failed to load url".
  return code === 'ERR_MODULE_NOT_FOUND' || /Failed to load url|Cannot find module/.test(message ?? '');
}
