// Regenerates docs/rules.md and the README's rule table from the rules (run: npm run docs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../dist/rules/index.js';
import { renderRuleReference, replaceRuleTable } from '../dist/src/report/rule-docs.js';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/rules.md', renderRuleReference(rules));
writeFileSync('README.md', replaceRuleTable(readFileSync('README.md', 'utf8'), rules));
console.log(`docs/rules.md and README.md updated for ${rules.length} rules`);
