import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Rule } from '../engine/define-rule.js';
import { HaAuditError } from '../model/errors.js';
import { unreadableReason } from '../model/read-input.js';
import type { Config } from './config-schema.js';

/** Looked for in the working directory when `--config` is not given. */
export const CONFIG_FILE = '.ha-audit.yml';

/**
 * The configuration of a scan: `--config FILE` (which must exist), else `.ha-audit.yml` in the
 * working directory if there is one; `--no-config` (false) ignores both.
 */
export async function loadConfig(option: string | false | undefined, rules: readonly Rule[], cwd = process.cwd()): Promise<Config | undefined> {
  if (option === false) return undefined;
  const file = option ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    // No configuration file in the working directory is the common case, not an error.
    if (option === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HaAuditError('config-unreadable', `cannot read configuration ${file}: ${unreadableReason(error)}`, 'see docs/configuration.md', { cause: error });
  }
  // The YAML parser is loaded only when there is a file to parse.
  const { parseConfig } = await import('./config-schema.js');
  return parseConfig(text, file, rules);
}
