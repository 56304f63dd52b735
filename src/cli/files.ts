import { constants } from 'node:fs';
import { access, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HaAuditError } from '../model/errors.js';

/**
 * Checks before a scan that a file can be written where asked, so that a long scan does not
 * end with its output lost.
 */
export async function assertWritable(file: string, option: string): Promise<void> {
  const dir = dirname(file);
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new Error('not a directory');
    await access(dir, constants.W_OK);
  } catch {
    throw new HaAuditError('output-unwritable', `cannot write ${option} ${file}: folder ${dir} does not exist or is not writable`, 'create the folder or choose another path');
  }
  try {
    if ((await stat(file)).isDirectory()) throw new HaAuditError('output-unwritable', `cannot write ${option} ${file}: it is a directory`);
  } catch (error) {
    if (error instanceof HaAuditError) throw error;
  }
}

/** Writes through a temporary file and a rename: the target is never left half-written. */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new HaAuditError('output-unwritable', `cannot write ${file}: ${(error as Error).message}`, undefined, { cause: error });
  }
}
