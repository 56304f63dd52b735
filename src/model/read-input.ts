import { readFile } from 'node:fs/promises';
import { HaAuditError, type ErrorCode } from './errors.js';

/** Why a file could not be read, in words: `no such file`, `it is a directory`... */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return String(code ?? error);
}

/**
 * Reads a file the user named (inventory, configuration, baseline); failing, one `HaAuditError`
 * naming what the file was for: `cannot read baseline prev.json: no such file`.
 */
export async function readInputFile(file: string, what: string, code: ErrorCode, hint?: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new HaAuditError(code, `cannot read ${what} ${file}: ${unreadableReason(error)}`, hint, { cause: error });
  }
}
