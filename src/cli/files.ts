import { constants } from 'node:fs';
import { access, open, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/**
 * Writes through a temporary file and a rename: the target is never left half-written. The
 * content may come in pieces (a report too long for one string).
 */
export async function writeFileAtomically(file: string, content: string | Iterable<string>): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    if (typeof content === 'string') {
      await writeFile(temporary, content, 'utf8');
    } else {
      const handle = await open(temporary, 'w');
      try {
        for (const piece of batched(content)) await handle.write(piece);
      } finally {
        await handle.close();
      }
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new HaAuditError('output-unwritable', `cannot write ${file}: ${(error as Error).message}`, undefined, { cause: error });
  }
}

const BATCH_CHARACTERS = 1 << 20;

/** Small pieces joined into writes of about a megabyte: one system call per piece is slow. */
export function* batched(pieces: Iterable<string>, size = BATCH_CHARACTERS): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    pending.push(piece);
    length += piece.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}
