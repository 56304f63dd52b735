import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { ScanReport } from '../../src/model/report.js';
import { packageRoot } from '../../src/package-info.js';
import { renderText } from '../../src/report/text.js';

const HOSTILE = '\x1b[2J\r\n✓ forged\u202e';

/**
 * Every string of the value with `HOSTILE` appended, but for what is not free text: statuses,
 * severities and baseline marks (enums the renderer branches on), and the rule id and title of
 * passing results (the rule's own, and all a text report shows of a pass).
 */
function poisoned<T>(value: T, path: string[] = []): T {
  const key = path.at(-1);
  if (typeof value === 'string') {
    if (key === 'status' || key === 'severity' || key === 'baseline' || key === 'source') return value;
    return (value + HOSTILE) as T;
  }
  if (Array.isArray(value)) return value.map((item, i) => poisoned(item, [...path, String(i)])) as T;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const passing = path.at(-2) === 'findings' && record.status === 'pass';
    return Object.fromEntries(
      Object.entries(record).map(([k, member]) => {
        if (passing && (k === 'ruleId' || k === 'title')) return [k, member];
        // Map keys from AWS (tags, evidence) are poisoned too; the model's own keys are not.
        return [k, poisoned(member, [...path, k])];
      }),
    ) as T;
  }
  return value;
}

/** The demo account with a gap, a suppression used, one unused and one expired, and a baseline. */
function richReport(): ScanReport {
  const inventory = JSON.parse(readFileSync(join(packageRoot(), 'fixtures/demo/inventory.json'), 'utf8')) as Inventory;
  inventory.gaps = [{ accountId: inventory.accounts[0]!.accountId, region: 'us-east-1', service: 'rds', operation: 'DescribeDBInstances', code: 'AccessDenied', message: 'denied' }];
  const first = evaluate({ inventory, rules, source: 'inventory', startedAt: new Date('2026-11-20T09:00:00Z') });
  // Rules of the load balancers: the gap (RDS) leaves them judged.
  const failing = first.findings.filter((f) => f.status === 'fail' && /^(elb|tg)-/.test(f.ruleId));
  const baseline = { file: 'previous.json', findings: [...failing.slice(1), { ...failing[0]!, resource: { ...failing[0]!.resource, id: 'gone', name: 'gone' } }] };
  const suppressions = [
    { rule: failing[1]!.ruleId, resource: failing[1]!.resource.id, reason: 'accepted', source: '.ha-audit.yml:3' },
    { rule: failing[2]!.ruleId, resource: failing[2]!.resource.id, reason: 'old', expires: '2020-01-01', source: '.ha-audit.yml:7' },
    { rule: failing[1]!.ruleId, resource: 'nothing-*', reason: 'stale', source: '.ha-audit.yml:11' },
  ];
  return evaluate({ inventory, rules, config: { file: '.ha-audit.yml', rules: {}, suppressions }, baseline, source: 'inventory', startedAt: new Date('2026-11-20T09:00:00Z') });
}

describe('visibleReport: no value of a report reaches the text report raw', () => {
  const report = poisoned(richReport());

  it('the report exercises every section', () => {
    const statuses = new Set(report.findings.map((f) => f.status));
    expect([...statuses].sort()).toEqual(['error', 'fail', 'pass', 'suppressed']);
    expect(report.scan.suppressions?.expired.length).toBeGreaterThan(0);
    expect(report.scan.suppressions?.unused.length).toBeGreaterThan(0);
    expect(report.scan.baseline?.resolved.length).toBeGreaterThan(0);
  });

  it.each([false, true])('color %s: only the report’s own styling escapes, no \\r, no line from a value', (color) => {
    const text = renderText(report, { color, failOn: 'low', exitCode: 3 });
    // Colours are SGR sequences (ESC [ digits m); nothing else may reach the terminal.
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\x1b\[[\d;]*m/g, '')).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(text).not.toContain('\x1b[2J');
    expect(text.split('\n').filter((line) => /^\s*✓ forged/.test(line))).toEqual([]);
    expect(text).toContain('\\x1b[2J\\r\\n✓ forged\\u202e');
  });
});
