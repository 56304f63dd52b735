// Rewrites inventory files (fixtures, saved inventories) as fixtures are kept: lean (no empty
// service, list or map), format 2, in the repository's JSON format. Needs `npm run build`.
// Usage: node scripts/format-inventory.mjs FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { parseInventory } from '../dist/src/model/inventory-file.js';
import { leanInventory } from '../dist/src/model/inventory-schema.js';
import { INVENTORY_FORMAT_VERSION } from '../dist/src/model/inventory.js';
import { formatJson } from './format-json.mjs';

for (const file of process.argv.slice(2)) {
  const inventory = await parseInventory(readFileSync(file, 'utf8'), file);
  writeFileSync(file, `${formatJson({ ...leanInventory(inventory), formatVersion: INVENTORY_FORMAT_VERSION })}\n`);
}
