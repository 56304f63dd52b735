import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHistoryFiles } from '../../src/cli/files.js';
import type { ScanReport } from '../../src/model/report.js';
import { buildHistory, trendReport } from '../../src/report/history.js';
import { renderJson } from '../../src/report/json.js';
import { demoReport } from '../support/demo-report.js';

describe('the history of a report', () => {
  let current: ScanReport;
  beforeAll(async () => {
    current = await demoReport();
  });

  it('keeps of a report only what the trend reads: its scope, times, point and failing results', () => {
    const trend = trendReport(current);
    expect(trend.scan).toEqual({ startedAt: current.scan.startedAt, finishedAt: current.scan.finishedAt, accounts: current.scan.accounts, regions: current.scan.regions });
    const failing = current.findings.filter((r) => r.status === 'fail' || r.status === 'suppressed');
    expect(failing.length).toBeGreaterThan(5);
    expect(current.findings.length).toBeGreaterThan(failing.length);
    expect(trend.failing.size).toBe(failing.length);
    expect([...trend.failing.values()].every((f) => Object.keys(f).sort().join() === 'message,resource,ruleId,severity,suppressed,title')).toBe(true);
    expect(trend.point.passed).toBe(current.summary.pass);
    expect(trend.point.entryPoints?.total).toBe(current.resilience!.entryPoints.length);
  });

  it('reads a folder of reports cut at once, and finds what changed since the latest one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-history-'));
    const earlier = structuredClone(current);
    earlier.scan.startedAt = '2026-11-13T09:00:00.000Z';
    earlier.scan.finishedAt = '2026-11-13T09:00:03.000Z';
    const fixed = earlier.findings.find((r) => r.status === 'fail')!;
    earlier.findings.push({ ...fixed, resource: { ...fixed.resource, id: 'since-deleted' } });
    writeFileSync(join(dir, '2026-11-13.json'), renderJson(earlier));
    writeFileSync(join(dir, 'notes.json'), '{}');
    const files = await loadHistoryFiles(dir);
    const read = files.find((f) => f.file === '2026-11-13.json')!;
    expect('report' in read && !('findings' in read.report)).toBe(true);
    const history = buildHistory(dir, current, files);
    expect(history.points.map((p) => p.finishedAt)).toEqual(['2026-11-13T09:00:03.000Z', current.scan.finishedAt]);
    expect(history.ignored).toEqual([{ file: 'notes.json', reason: 'not an ha-audit JSON report (schemaVersion 1)' }]);
    expect(history.sincePrevious?.new).toEqual([]);
    expect(history.sincePrevious?.resolved.map((f) => f.resource.id)).toEqual(['since-deleted']);
  });
});
