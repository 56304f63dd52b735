import { constants, fstatSync, writeSync, type Stats } from 'node:fs';
import { access, lstat, open, readlink, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isatty } from 'node:tty';
import { HaAuditError } from '../model/errors.js';
import { visible } from '../visible-text.js';

/*
 * Where a command writes what it produces (`--output`, `--save-inventory`): checked before the
 * work starts, so that a long scan does not end with its output lost, and written so that the
 * destination is never wrong: a file is replaced whole or not at all; a device or a pipe is
 * written in place, never replaced by a file (as root, that would replace the machine's
 * /dev/null); a symbolic link is followed; `-` is standard output. Every write is checked: a
 * full disk is exit 2 and one line, not a report cut short.
 */

/** An output option's destination, resolved. */
export type OutputTarget =
  /** `-`: standard output. */
  | { option: string; path: string; kind: 'stdout' }
  /** A regular file or a new path (`file`: where a symbolic link leads): replaced through a temporary file and a rename. */
  | { option: string; path: string; kind: 'file'; file: string; existing?: Stats }
  /** A character device, a pipe, or a descriptor of this process (`/dev/stdout`): written in place. */
  | { option: string; path: string; kind: 'stream'; file: string };

/** A file a command reads (`--inventory`, `--config`, `--baseline`), which no output may overwrite. */
export interface InputFile {
  option: string;
  path: string;
}

const MAX_SYMLINKS = 40;
/** Descriptors of the process: `/dev/stdout` leads there, and `/proc/self/fd/1` to `pipe:[1234]`, no path. */
const DESCRIPTOR_PATH = /^\/(?:proc\/(self|\d+)\/fd|dev\/fd)\/(\d+)$/;

/**
 * Checks that `path` can be written and says how: `-`, a new path or a regular file (through
 * its symbolic links), a character device or a pipe. Anything else is one `HaAuditError`.
 */
export async function resolveOutput(path: string, option: string): Promise<OutputTarget> {
  if (path === '') throw new HaAuditError('usage', `${option} needs a file name`, 'give a path, or - for standard output');
  if (path === '-') return { option, path, kind: 'stdout' };
  const fail = (reason: string, hint?: string) => new HaAuditError('output-unwritable', `cannot write ${option} ${visible(path)}: ${reason}`, hint);
  let file = resolve(path);
  for (let hops = 0; ; hops++) {
    const descriptor = DESCRIPTOR_PATH.exec(file);
    if (descriptor) {
      // Standard output may be a socket, which cannot be opened by path: it is written as `-` is.
      const own = descriptor[1] === undefined || descriptor[1] === 'self' || descriptor[1] === String(process.pid);
      return own && descriptor[2] === '1' ? { option, path, kind: 'stdout' } : { option, path, kind: 'stream', file };
    }
    let info: Stats;
    try {
      info = await lstat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(reasonOf(error));
      // The folder as the user wrote it, unless a link led elsewhere.
      await assertWritableFolder(dirname(file), fail, hops === 0 ? dirname(path) : dirname(file));
      return { option, path, kind: 'file', file };
    }
    if (info.isSymbolicLink()) {
      if (hops >= MAX_SYMLINKS) throw fail('too many levels of symbolic links');
      file = resolve(dirname(file), await readlink(file));
      continue;
    }
    if (info.isDirectory()) throw fail('it is a directory', 'name a file in it');
    if (!info.isFile() && !info.isCharacterDevice() && !info.isFIFO()) throw fail(`it is a ${info.isBlockDevice() ? 'block device' : 'socket'}`, 'name a file, a pipe or a character device');
    try {
      await access(file, constants.W_OK);
    } catch (error) {
      throw fail(reasonOf(error));
    }
    if (!info.isFile()) return { option, path, kind: 'stream', file };
    await assertWritableFolder(dirname(file), fail);
    return { option, path, kind: 'file', file, existing: info };
  }
}

/** A file is replaced through a temporary file in its folder: the folder must take one. */
async function assertWritableFolder(folder: string, fail: (reason: string, hint?: string) => HaAuditError, shown = folder): Promise<void> {
  try {
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(`folder ${visible(shown)} ${code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : 'is not writable'}`, 'create the folder or choose another path');
  }
}

/**
 * Refuses outputs that would overwrite an input or each other (`--output` equal to
 * `--inventory`, or to `--save-inventory`), compared as the files they are: through symbolic
 * links, hard links and `..`. Two outputs on standard output would interleave: refused too.
 */
export async function assertSeparateFiles(outputs: readonly OutputTarget[], inputs: readonly InputFile[]): Promise<void> {
  const seen: { option: string; identity: string }[] = [];
  for (const input of inputs) {
    const identity = await identityOf(input.path);
    if (identity) seen.push({ option: input.option, identity });
  }
  for (const output of outputs) {
    // A device or a pipe is written, not replaced: two outputs to /dev/null are fine.
    if (output.kind === 'stream') continue;
    const identity = output.kind === 'stdout' ? 'stdout' : ((await identityOf(output.file)) ?? output.file);
    const same = seen.find((entry) => entry.identity === identity);
    if (same) {
      const reading = inputs.some((input) => input.option === same.option);
      throw new HaAuditError(
        'usage',
        output.kind === 'stdout' ? `${same.option} and ${output.option} both write to standard output` : `${output.option} ${visible(output.path)} is the file of ${same.option}: ${reading ? 'it would be overwritten' : 'one would overwrite the other'}`,
        'choose another path',
      );
    }
    seen.push({ option: output.option, identity });
  }
}

/** The same string for the same file, whatever the path to it: device and inode; for a new path, its real folder and name. */
async function identityOf(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    try {
      return join(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return undefined;
    }
  }
}

/**
 * Writes `content` (one string, or pieces of a report too long for one) to its destination.
 * Any failed write is one `HaAuditError` (exit 2); a file is then left as it was. Pieces are made
 * as they are written: an error in making one is the report's, not the output's, and goes on as it is.
 */
export async function writeOutput(target: OutputTarget, content: string | Iterable<string>, stdout: NodeJS.WritableStream): Promise<void> {
  const pieces = typeof content === 'string' ? content : madeBy(content);
  try {
    if (target.kind === 'stdout') return await writeStdout(stdout, pieces);
    if (target.kind === 'stream') return await writeInPlace(target.file, pieces);
    await replaceFile(target.file, pieces, target.existing);
  } catch (error) {
    if (error instanceof PieceFailed) throw error.cause;
    if (error instanceof HaAuditError) throw error;
    throw new HaAuditError('output-unwritable', `cannot write ${target.option} ${visible(target.path)}: ${reasonOf(error)}`, undefined, { cause: error });
  }
}

/** An error thrown while a piece of the content was made: carried past the write's own errors. */
class PieceFailed extends Error {}

/** The pieces, with an error in making one marked as such. */
function* madeBy(content: Iterable<string>): Generator<string> {
  const iterator = content[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = iterator.next();
    } catch (error) {
      throw new PieceFailed('a piece of the content failed', { cause: error });
    }
    if (next.done) return;
    yield next.value;
  }
}

/** A device or a pipe: opened for writing as the shell's `>` would, never removed or replaced. */
async function writeInPlace(file: string, content: string | Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await writeAll(handle, content);
  } finally {
    await handle.close();
  }
}

/**
 * A temporary file next to the target, written, flushed to disk and renamed over it: the
 * target is whole or untouched. A file replaced keeps its permissions (and its owner, as root).
 */
async function replaceFile(file: string, content: string | Iterable<string>, existing: Stats | undefined): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    if (existing) {
      await handle.chmod(existing.mode & 0o7777);
      if (process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid);
    }
    await writeAll(handle, content);
    // Some file systems (NFS, quotas) report a full disk only when the data is flushed.
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Every byte written, or an error: `write` may write less than asked (a disk filling up). */
async function writeAll(handle: FileHandle, content: string | Iterable<string>): Promise<void> {
  for (const piece of typeof content === 'string' ? [content] : batched(content)) {
    const bytes = Buffer.from(piece, 'utf8');
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      if (bytesWritten <= 0) throw Object.assign(new Error('nothing was written'), { code: 'EIO' });
      offset += bytesWritten;
    }
  }
}

/**
 * Writes to standard output, waiting for each piece to be taken (a slow pipe) and checking it
 * was (`> /dev/full`). A reader that closes early (`| head`) is no error: the rest is not wanted.
 */
export async function writeStdout(stdout: NodeJS.WritableStream & { fd?: number }, content: string | Iterable<string>): Promise<void> {
  const pieces = typeof content === 'string' ? [content] : batched(content);
  try {
    // Node writes to a file or a device once, ignoring a short write: a full disk would cut the
    // report short without an error. Those are written here, byte by byte counted.
    if (typeof stdout.fd === 'number' && isFileOrDevice(stdout.fd)) {
      for (const piece of pieces) writeAllSync(stdout.fd, piece);
      return;
    }
    for (const piece of pieces) {
      // The callback comes once the piece is handed over, with the error if it was not.
      const error = await new Promise<Error | null | undefined>((done) => stdout.write(piece, done));
      if (error) throw error;
    }
  } catch (error) {
    if (error instanceof PieceFailed) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw new HaAuditError('output-unwritable', `cannot write to standard output: ${reasonOf(error)}`, undefined, { cause: error });
  }
}

function isFileOrDevice(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFile() || (info.isCharacterDevice() && !isatty(fd));
  } catch {
    return false;
  }
}

function writeAllSync(fd: number, piece: string): void {
  const bytes = Buffer.from(piece, 'utf8');
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('nothing was written'), { code: 'EIO' });
    offset += written;
  }
}

/** Why a file could not be written, in words. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    EIO: 'input/output error',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a directory',
    ELOOP: 'too many levels of symbolic links',
    ENXIO: 'no reader on the other end',
    EPIPE: 'the reader closed the pipe',
  };
  if (code && reasons[code]) return reasons[code];
  return code ?? (error instanceof Error ? error.message : String(error));
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
