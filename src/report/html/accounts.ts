import type { ScanReport } from '../../model/report.js';
import { accountRows, skippedReason } from '../accounts.js';
import { h } from './escape.js';

/**
 * Every account of a scan of several, with its name and whether it was seen: an account whose
 * role could not be assumed, or that the organisation lists but is not active, is named here so
 * that an organisation of five with one skipped does not read as one of four.
 */
export function accountsSection(report: ScanReport): string {
  const rows = accountRows(report);
  const failing = new Map<string, number>();
  for (const r of report.findings) if (r.status === 'fail') failing.set(r.resource.accountId, (failing.get(r.resource.accountId) ?? 0) + 1);
  const parts = [
    '<section id="accounts" aria-labelledby="accounts-h">',
    `<h2 id="accounts-h">Accounts (${rows.length})</h2>`,
    '<div class="scroll"><table><thead><tr><th scope="col">Account</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col" class="num">Failing</th></tr></thead><tbody>',
  ];
  for (const row of rows) {
    const status =
      row.status === 'scanned'
        ? 'scanned'
        : row.status === 'skipped'
          ? `<span class="badge b-warn">skipped</span> ${h(skippedReason(row.reason ?? ''))}`
          : `<span class="badge b-unk">not scanned</span> ${h(row.reason ?? '')}`;
    const count = row.status === 'scanned' ? String(failing.get(row.accountId) ?? 0) : '–';
    parts.push(`<tr><td class="mono">${h(row.accountId)}</td><td>${h(row.name ?? '')}</td><td>${status}</td><td class="num">${count}</td></tr>`);
  }
  parts.push('</tbody></table></div>', '</section>');
  return parts.join('\n');
}
