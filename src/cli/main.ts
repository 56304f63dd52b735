import { CommanderError } from 'commander';
import { HaAuditError } from '../model/errors.js';
import { EXIT } from '../engine/summary.js';
import { buildProgram } from './program.js';
import { reasonOf } from './outputs.js';
import { filterSdkNodeVersionWarning } from './sdk-warning.js';
import { excerpt, visible } from '../visible-text.js';

/**
 * Entry point of `bin/ha-audit.js`. Every failure ends here: one line on stderr saying what is
 * wrong and what to do, exit code 2; the stack only with --debug.
 */
export async function main(argv: string[]): Promise<void> {
  // Known before parsing, so that even an option error can show its stack.
  const debugOn = argv.includes('--debug');
  const debug = (message: string) => {
    if (debugOn) process.stderr.write(`debug: ${visibleLines(message)}\n`);
  };
  filterSdkNodeVersionWarning(debug);
  // Reports are written through `writeStdout`, which reports its own failures; this catches the
  // others (help text) so that none becomes an uncaught exception with a stack trace.
  let stdoutFailure: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutFailure ??= error;
  });
  // A stderr that cannot be written (`2> /dev/full`) leaves nowhere to say so: the exit code
  // must still be the command's (2 for bad input), not 1 from an uncaught 'error' event.
  process.stderr.on('error', () => {});

  let exitWhenDone = false;
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    debug,
    exitWhenDone: () => {
      exitWhenDone = true;
    },
  };
  const program = buildProgram(io, (code) => {
    process.exitCode = code;
  });
  try {
    // No command: the help, on standard output, checked below like any other output.
    if (argv.length <= 2) program.outputHelp();
    else await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = handleError(error, debugOn);
  }
  // Once everything written is out (writes to a pipe are asynchronous), a failure nobody
  // reported yet (`--help > /dev/full`) is one line and exit 2. `| head` closing early is none.
  await new Promise<void>((resolve) => process.stdout.write('', () => setImmediate(resolve)));
  if (stdoutFailure && stdoutFailure.code !== 'EPIPE' && process.exitCode !== EXIT.fatal) {
    process.stderr.write(`ha-audit: cannot write to standard output: ${reasonOf(stdoutFailure)}\n`);
    process.exitCode = EXIT.fatal;
  }
  // Calls abandoned by a stop may still be retrying inside the SDK: exit without waiting for them.
  if (exitWhenDone) process.exit(process.exitCode ?? EXIT.ok);
}

/**
 * The longest message printed: messages echo input, cut to 200 characters where they do; this
 * bounds any that would not (a path, a message from AWS).
 */
const MESSAGE_LENGTH = 1000;

/** Multi-line diagnostics (stacks, --debug): each line made visible, the line breaks kept. */
function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

/** Prints one line for the error and returns the exit code. Control characters are shown escaped. */
export function handleError(error: unknown, debugOn: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version end through the same path, successfully.
    if (error.exitCode === 0) return EXIT.ok;
    const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
    process.stderr.write(`ha-audit: ${excerpt(message, MESSAGE_LENGTH)}; see \`ha-audit --help\`\n`);
    return EXIT.fatal;
  }
  if (error instanceof HaAuditError) {
    if (error.code === 'interrupted') {
      process.stderr.write(`\nha-audit: ${visible(error.message)}\n`);
      return EXIT.interrupted;
    }
    process.stderr.write(`ha-audit: ${excerpt(error.message, MESSAGE_LENGTH)}${error.hint ? `; ${excerpt(error.hint, MESSAGE_LENGTH)}` : ''}\n`);
    if (debugOn) process.stderr.write(`${visibleLines(stackOf(error))}\n`);
    return EXIT.fatal;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ha-audit: internal error: ${excerpt(message.split('\n')[0]!, MESSAGE_LENGTH)}; rerun with --debug and report it\n`);
  if (debugOn) process.stderr.write(`${visibleLines(stackOf(error))}\n`);
  return EXIT.fatal;
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
  }
  return parts.join('\ncaused by: ');
}
