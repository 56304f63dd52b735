// Regenerates what the documentation derives from the code (run: npm run docs): docs/rules.md
// from the rules, the IAM policy of docs/configuration.md from the operations the collectors
// call, schema/inventory.schema.json from the inventory definition.
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../dist/rules/index.js';
import { renderIamPolicy } from '../dist/src/cli/iam-policy-command.js';
import { inventoryFileSchema } from '../dist/src/model/inventory-schema.js';
import { renderRuleReference, replaceGenerated } from '../dist/src/report/rule-docs.js';
import { formatJson } from './format-json.mjs';

writeFileSync('docs/rules.md', renderRuleReference(rules));
const configuration = readFileSync('docs/configuration.md', 'utf8');
writeFileSync('docs/configuration.md', replaceGenerated(configuration, 'iam-policy', `\`\`\`json\n${await renderIamPolicy({ org: true, allRegions: true })}\`\`\``));
writeFileSync('schema/inventory.schema.json', `${formatJson(inventoryFileSchema())}\n`);
console.log(`docs/rules.md (${rules.length} rules), the IAM policy of docs/configuration.md and schema/inventory.schema.json regenerated`);
