import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { packageRoot } from '../../src/package-info.js';

const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'report.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

/** Parses a JSON report and fails the test unless it matches schema/report.schema.json. */
export function expectValidReport(json: string): Record<string, unknown> {
  const report = JSON.parse(json) as Record<string, unknown>;
  const valid = validate(report);
  expect(validate.errors ?? [], 'report matches schema/report.schema.json').toEqual([]);
  expect(valid).toBe(true);
  return report;
}
