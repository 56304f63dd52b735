import { CommanderError } from 'commander';
import { HaAuditError } from '../model/errors.js';
import { EXIT } from '../engine/summary.js';
import { buildProgram } from './program.js';
import { filterSdkNodeVersionWarning } from './sdk-warning.js';

/**
 * Entry point of `bin/ha-audit.js`. Every failure ends here: one line on stderr saying what is
 * wrong and what to do, exit code 2; the stack only with --debug.
 */
export async function main(argv: string[]): Promise<void> {
  // Known before parsing, so that even an option error can show its stack.
  const debugOn = argv.includes('--debug');
  const debug = (message: string) => {
    if (debugOn) process.stderr.write(`debug: ${message}\n`);
  };
  filterSdkNodeVersionWarning(debug);
  // `ha-audit scan | head` closes stdout early: that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

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
    if (argv.length <= 2) {
      program.outputHelp();
      return;
    }
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = handleError(error, debugOn);
  }
  // Calls abandoned by a stop may still be retrying inside the SDK: exit without waiting for
  // them, but only once the report is out (writes to a pipe are asynchronous).
  if (exitWhenDone) {
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    process.exit(process.exitCode ?? EXIT.ok);
  }
}

/** Prints one line for the error and returns the exit code. */
export function handleError(error: unknown, debugOn: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version end through the same path, successfully.
    if (error.exitCode === 0) return EXIT.ok;
    const message = error.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").replace(/\.$/, "");
    process.stderr.write(`ha-audit: ${message}; see \`ha-audit --help\`\n`);
    return EXIT.fatal;
  }
  if (error instanceof HaAuditError) {
    if (error.code === 'interrupted') {
      process.stderr.write(`\nha-audit: ${error.message}\n`);
      return EXIT.interrupted;
    }
    process.stderr.write(`ha-audit: ${error.message}${error.hint ? `; ${error.hint}` : ''}\n`);
    if (debugOn) process.stderr.write(`${stackOf(error)}\n`);
    return EXIT.fatal;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ha-audit: internal error: ${message.split('\n')[0]}; rerun with --debug and report it\n`);
  if (debugOn) process.stderr.write(`${stackOf(error)}\n`);
  return EXIT.fatal;
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
  }
  return parts.join('\ncaused by: ');
}
