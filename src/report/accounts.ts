import type { ScanReport } from '../model/report.js';
import { countOf } from '../engine/plural.js';

/**
 * Every account of a scan as a report lists it: scanned, not scanned (its role could not be
 * assumed: an `sts:AssumeRole` gap, so the scan is incomplete), or skipped (`--org`: an account
 * the organisation lists that is not `ACTIVE`, which AWS answers no call of; no gap). One place,
 * so that no format counts an account it could not see among those "with no failing result".
 */
export interface AccountRow {
  accountId: string;
  /** The organisation's name of the account, or its alias. A value from AWS: escape it. */
  name?: string;
  status: 'scanned' | 'not-scanned' | 'skipped';
  /** Why it was not scanned: the AssumeRole error, or the organisation's state (`SUSPENDED`). */
  reason?: string;
}

/** The scanned accounts in the report's order, then those not scanned, then those skipped. */
export function accountRows(report: ScanReport): AccountRow[] {
  const { scan } = report;
  const unreachable = notScanned(report);
  const named = (accountId: string) => (scan.accountNames?.[accountId] !== undefined ? { name: scan.accountNames[accountId] } : {});
  const rows: AccountRow[] = scan.accounts.map((accountId) => {
    const reason = unreachable.get(accountId);
    return reason === undefined ? { accountId, ...named(accountId), status: 'scanned' } : { accountId, ...named(accountId), status: 'not-scanned', reason };
  });
  const order = { scanned: 0, 'not-scanned': 1, skipped: 2 } as const;
  rows.sort((a, b) => order[a.status] - order[b.status]);
  for (const skipped of scan.skippedAccounts ?? []) {
    rows.push({ accountId: skipped.accountId, ...(skipped.name !== undefined ? { name: skipped.name } : {}), status: 'skipped', reason: skipped.state });
  }
  return rows;
}

/** The accounts whose role could not be assumed, with the error: nothing of them was seen. */
export function notScanned(report: ScanReport): Map<string, string> {
  const gaps = report.scan.gaps.filter((gap) => gap.service === 'sts' && gap.operation === 'AssumeRole');
  return new Map(gaps.map((gap) => [gap.accountId, `role not assumed (${gap.code}: ${gap.message})`]));
}

/** `123456789012 (prod-payments)`, or the id alone: plain text, for the caller to escape. */
export function accountLabel(report: ScanReport, accountId: string): string {
  const name = report.scan.accountNames?.[accountId];
  return name === undefined ? accountId : `${accountId} (${name})`;
}

/** `1 account not scanned, 2 skipped`: what the counts of results leave out, or '' when nothing is. */
export function accountsLeftOut(report: ScanReport): string {
  const rows = accountRows(report);
  const unreachable = rows.filter((r) => r.status === 'not-scanned').length;
  const skipped = rows.filter((r) => r.status === 'skipped').length;
  if (unreachable + skipped === 0) return '';
  const noun = unreachable > 0 ? countOf(unreachable, 'account') + ' not scanned' : countOf(skipped, 'account') + ' skipped';
  return unreachable > 0 && skipped > 0 ? `${noun}, ${skipped} skipped` : noun;
}

/**
 * `5 accounts: 3 scanned, 1 not scanned, 1 skipped (of the organisation)`, or `account
 * 123456789012 (prod)` for a scan of one account: the header of every report.
 */
export function accountsHeadline(report: ScanReport): string {
  const rows = accountRows(report);
  if (rows.length === 1 && rows[0]!.status === 'scanned') return `account ${accountLabel(report, rows[0]!.accountId)}`;
  const count = (status: AccountRow['status']) => rows.filter((r) => r.status === status).length;
  const leftOut = count('not-scanned') + count('skipped');
  const of = report.scan.skippedAccounts ? ' of the organisation' : '';
  if (leftOut === 0) return `${countOf(rows.length, 'account')}${of}`;
  const parts = [`${count('scanned')} scanned`, ...(count('not-scanned') > 0 ? [`${count('not-scanned')} not scanned`] : []), ...(count('skipped') > 0 ? [`${count('skipped')} skipped`] : [])];
  return `${countOf(rows.length, 'account')}${of}: ${parts.join(', ')}`;
}

/** What a reader is told of a skipped account's state: AWS's value, in words. */
export function skippedReason(state: string): string {
  const words: Record<string, string> = {
    SUSPENDED: 'suspended',
    PENDING_CLOSURE: 'closure in progress',
    CLOSED: 'closed (post-closure period)',
    PENDING_ACTIVATION: 'sign-up not completed',
  };
  return `${words[state] ?? 'not active'} (${state})`;
}
