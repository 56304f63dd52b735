// Regenerates what is derived from the code (run: npm run docs): docs/rules.md and the README's
// rule table from the rules, schema/inventory.schema.json from the inventory definition.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../dist/rules/index.js';
import { inventoryFileSchema } from '../dist/src/model/inventory-schema.js';
import { renderRuleReference, replaceRuleTable } from '../dist/src/report/rule-docs.js';
import { formatJson } from './format-json.mjs';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/rules.md', renderRuleReference(rules));
writeFileSync('README.md', replaceRuleTable(readFileSync('README.md', 'utf8'), rules));
writeFileSync('schema/inventory.schema.json', `${formatJson(inventoryFileSchema())}\n`);
console.log(`docs/rules.md and README.md updated for ${rules.length} rules; schema/inventory.schema.json from the inventory definition`);
