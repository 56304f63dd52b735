// Formats JSON files (fixtures, schemas) the way they are kept in the repository: two-space
// indentation, with any object or array that fits in 100 columns on one line, so that a fixture
// reads like the resource it describes.  Usage: node scripts/format-json.mjs FILE...
import { readFileSync, writeFileSync } from 'node:fs';

const WIDTH = 100;

function oneLine(value) {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(oneLine).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

export function formatJson(value, indent = '', prefixLength = 0) {
  const flat = oneLine(value);
  if (indent.length + prefixLength + flat.length <= WIDTH || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  const lines = Object.entries(value).map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + formatJson(v, inner, key.length);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    writeFileSync(file, `${formatJson(JSON.parse(readFileSync(file, 'utf8')))}\n`);
  }
}
