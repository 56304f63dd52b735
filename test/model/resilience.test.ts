import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import { reportOf } from '../support/report-builders.js';
import { expectValidReport } from '../support/report-schema.js';
import { sampleResilience } from '../support/resilience-sample.js';

function withResilience(edit: (report: ScanReport) => void): string {
  const report = { ...reportOf([], [], new Date('2026-11-20T09:01:00.000Z')), resilience: sampleResilience() };
  edit(report);
  return JSON.stringify(report);
}

describe('the resilience section of the report schema', () => {
  it('accepts the section as the types describe it', () => {
    expectValidReport(withResilience(() => {}));
  });

  it('rejects an outcome value the model does not have', () => {
    const json = withResilience((report) => {
      (report.resilience!.outcomes[0] as { outcome: string }).outcome = 'partial';
    });
    expect(() => expectValidReport(json)).toThrow();
  });

  it('rejects a hop that mixes kinds', () => {
    const json = withResilience((report) => {
      (report.resilience!.entryPoints[0]!.paths[0]!.hops[1] as { kind: string }).kind = 'listener';
      (report.resilience!.entryPoints[0]!.paths[0]!.hops[1] as { arn?: string }).arn = undefined;
    });
    expect(() => expectValidReport(json)).toThrow();
  });
});
