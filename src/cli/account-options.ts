import type { AccountSelection } from '../collect/accounts.js';
import { HaAuditError } from '../model/errors.js';
import { excerpt } from '../visible-text.js';

/** The options of `scan` that choose accounts and bound a live collection. */
export interface LiveScanOptions {
  allRegions?: boolean;
  roleArn?: string;
  externalId?: string;
  roleSessionName?: string;
  accounts?: string[];
  roleName?: string;
  org?: boolean;
  /** Only where there are several accounts (`--accounts`, `--org`); the collector's default otherwise. */
  maxAccountsInParallel?: string;
  timeout?: string;
}

const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const ACCOUNT_ID = /^\d{12}$/;
/** IAM's own limits on a role name and a session name. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** Checks the account options together; every problem is a usage error (exit 2). */
export function parseAccountSelection(options: LiveScanOptions): AccountSelection & { externalId?: string; roleSessionName?: string; maxAccountsInParallel?: number } {
  if (options.roleArn !== undefined && !ROLE_ARN.test(options.roleArn)) {
    throw new HaAuditError('usage', `invalid --role-arn "${excerpt(options.roleArn)}"`, 'give a role ARN such as arn:aws:iam::111122223333:role/Auditor');
  }
  const accounts = (options.accounts ?? []).flatMap((v) => v.split(',')).map((a) => a.trim()).filter(Boolean);
  const badAccount = accounts.find((a) => !ACCOUNT_ID.test(a));
  if (badAccount !== undefined) throw new HaAuditError('usage', `invalid account id "${excerpt(badAccount)}" in --accounts`, 'account ids are 12 digits, e.g. --accounts 111111111111,222222222222');
  if ((accounts.length > 0 || options.org) && !options.roleName) {
    throw new HaAuditError('usage', `${options.org ? '--org' : '--accounts'} needs --role-name`, 'name the role to assume in each account, e.g. --role-name OrganizationAccountAccessRole');
  }
  if (options.roleName !== undefined && accounts.length === 0 && !options.org) {
    throw new HaAuditError('usage', '--role-name is used only with --accounts or --org', 'for one account, give the whole role with --role-arn');
  }
  if (options.roleName !== undefined && !ROLE_NAME.test(options.roleName)) throw new HaAuditError('usage', `invalid --role-name "${excerpt(options.roleName)}"`, 'give the role name only, without arn: or path');
  if (options.roleSessionName !== undefined && !SESSION_NAME.test(options.roleSessionName)) {
    throw new HaAuditError('usage', `invalid --role-session-name "${excerpt(options.roleSessionName)}"`, '2 to 64 letters, digits or +=,.@_-');
  }
  const assumes = options.roleArn !== undefined || accounts.length > 0 || options.org === true;
  if (!assumes && (options.externalId !== undefined || options.roleSessionName !== undefined)) {
    throw new HaAuditError('usage', `${options.externalId !== undefined ? '--external-id' : '--role-session-name'} is used only when a role is assumed`, 'add --role-arn, or --accounts/--org with --role-name');
  }
  // One account (the credentials' or --role-arn's) is collected alone: the option would bound nothing.
  if (options.maxAccountsInParallel !== undefined && accounts.length === 0 && !options.org) {
    throw new HaAuditError('usage', '--max-accounts-in-parallel is used only with --accounts or --org', 'leave it out: one account is collected alone');
  }
  const parallel = options.maxAccountsInParallel !== undefined ? Number(options.maxAccountsInParallel) : undefined;
  if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 1 || parallel > 64)) {
    throw new HaAuditError('usage', `invalid --max-accounts-in-parallel "${excerpt(options.maxAccountsInParallel!)}"`, 'give a whole number from 1 to 64');
  }
  return {
    ...(options.roleArn !== undefined ? { roleArn: options.roleArn } : {}),
    ...(accounts.length > 0 ? { accounts: [...new Set(accounts)] } : {}),
    ...(options.org ? { org: true } : {}),
    ...(options.roleName !== undefined ? { roleName: options.roleName } : {}),
    ...(options.externalId !== undefined ? { externalId: options.externalId } : {}),
    ...(options.roleSessionName !== undefined ? { roleSessionName: options.roleSessionName } : {}),
    ...(parallel !== undefined ? { maxAccountsInParallel: parallel } : {}),
  };
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A number of seconds, or parts with their units in decreasing order, each once: `90`, `15m`, `1h30m`, `2m30s`, `1.5h`, `500ms`. */
const DURATION = /^(?:(\d+(?:\.\d+)?)|(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?)$/;

/** `--timeout`: `90` (seconds), `90s`, `15m`, `1h30m`, `500ms`, to milliseconds. */
export function parseDuration(value: string, option = '--timeout'): number {
  const match = DURATION.exec(value.trim());
  const parts = match ? [match[1], match[2], match[3], match[4], match[5]] : [];
  const units = [UNITS.s!, UNITS.h!, UNITS.m!, UNITS.s!, UNITS.ms!];
  const ms = parts.some((part) => part !== undefined) ? parts.reduce((sum, part, i) => sum + (part === undefined ? 0 : Number(part) * units[i]!), 0) : NaN;
  if (!(ms > 0) || !Number.isFinite(ms)) throw new HaAuditError('usage', `invalid ${option} "${value}"`, 'give a duration such as 90s, 15m, 1h or 1h30m');
  // Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer one would fire at once.
  if (ms > MAX_TIMER_MS) throw new HaAuditError('usage', `${option} "${value}" is longer than 24 days`, 'give a duration such as 90s, 15m, 1h or 1h30m');
  return ms;
}
