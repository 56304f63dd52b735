import type { Remediation, RemediationStep, Result } from '../model/result.js';

/** Words a POSIX shell passes through unchanged, unquoted. */
const SAFE_WORD = /^[A-Za-z0-9@%+=:,./_-]+$/;

/**
 * Quotes a word for a POSIX shell unless it is made only of characters no shell gives a meaning
 * to. Every value from AWS goes through here: a name may legally hold `;`, `$(...)` or `<...>`.
 */
export function shellQuote(value: string): string {
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line of a step. Only words that are wholly a placeholder of the step stay bare
 * (`<subnet-id>`: the user replaces them); which words those are is known from the step, never
 * guessed from how a word looks.
 */
export function commandLine(step: RemediationStep): string {
  const bare = new Set(step.placeholders.filter((p) => step.argv[p.arg] === p.text).map((p) => p.arg));
  return step.argv.map((word, i) => (bare.has(i) ? word : shellQuote(word))).join(' ');
}

/** The command lines of a remediation: rendered from its steps, or as written by a report that predates them. */
export function remediationCommands(remediation: Remediation): string[] {
  return remediation.steps ? remediation.steps.map(commandLine) : (remediation.commands ?? []);
}

/** The command lines of a result's fix; none without one. */
export function resultCommands(result: Pick<Result, 'remediation'>): string[] {
  return result.remediation ? remediationCommands(result.remediation) : [];
}
