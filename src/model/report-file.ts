import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../package-info.js';
import { HaAuditError } from './errors.js';
import type { ScanReport } from './report.js';

const HOW_TO_MAKE_A_REPORT = 'give a report written by `ha-audit scan --format json` (schemaVersion 1)';

/** A JSON report read back (`ha-audit report`), checked against schema/report.schema.json: one line naming the first problem. */
export async function parseReport(text: string, file: string): Promise<ScanReport> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HaAuditError('report-invalid', `report ${file} is not valid JSON: ${(error as Error).message}`, HOW_TO_MAKE_A_REPORT);
  }
  const validate = await reportValidator();
  if (!validate(value)) {
    const error = validate.errors?.[0];
    throw new HaAuditError('report-invalid', `report ${file} is not an ha-audit JSON report: ${error?.instancePath || '(top level)'} ${error?.message ?? 'does not match the schema'}`, HOW_TO_MAKE_A_REPORT);
  }
  return value as ScanReport;
}

/**
 * A report of the history folder, checked for what the trend reads (the scope, the times, the
 * summary, the findings), or why it is left out.
 */
export function historyReport(text: string): ScanReport | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  const r = value as Partial<ScanReport> | null;
  const looksLikeReport =
    typeof r === 'object' && r !== null && r.schemaVersion === 1 && r.tool?.name === 'ha-audit' &&
    typeof r.scan?.finishedAt === 'string' && typeof r.scan.startedAt === 'string' && Array.isArray(r.scan.accounts) && Array.isArray(r.scan.regions) &&
    typeof r.summary?.bySeverity === 'object' && typeof r.summary.pass === 'number' && Array.isArray(r.findings);
  return looksLikeReport ? (r as ScanReport) : 'not an ha-audit JSON report (schemaVersion 1)';
}

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };

/**
 * The build compiles the report schema into a standalone validator next to this file (compiling
 * it with Ajv takes a second); run from the sources (tests), Ajv compiles it on the spot.
 */
async function reportValidator(): Promise<Validator> {
  try {
    const generated = './report-validator.js';
    return ((await import(generated)) as { default: Validator }).default;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code !== 'ERR_MODULE_NOT_FOUND' && !/Failed to load url|Cannot find module/.test(message ?? '')) throw error;
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const schema = JSON.parse(await readFile(join(packageRoot(), 'schema', 'report.schema.json'), 'utf8')) as object;
    return new Ajv2020({ strict: true }).compile(schema) as Validator;
  }
}
