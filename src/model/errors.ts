/**
 * The one error type a user ever sees. `message` says what is wrong, `hint` what to do; the
 * CLI prints them on one line and exits with `exitCode` (2: usage or fatal, see ARCHITECTURE.md).
 */
export type ErrorCode =
  | 'usage'
  | 'inventory-unreadable'
  | 'inventory-invalid'
  | 'config-unreadable'
  | 'config-invalid'
  | 'baseline-unreadable'
  | 'baseline-invalid'
  | 'report-unreadable'
  | 'report-invalid'
  | 'output-unwritable'
  | 'no-credentials'
  | 'no-region'
  | 'aws-fatal'
  | 'interrupted';

export class HaAuditError extends Error {
  override readonly name = 'HaAuditError';
  readonly exitCode = 2;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
