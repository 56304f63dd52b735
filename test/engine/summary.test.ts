import { describe, expect, it } from 'vitest';
import { exitCodeFor, summarize } from '../../src/engine/summary.js';
import type { Result, Status } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';

const result = (status: Status, severity: Severity): Result => ({
  ruleId: 'r',
  status,
  severity,
  title: 't',
  messageId: 'm',
  message: 'm',
  resource: { type: 't', id: 'i', region: 'us-east-1', accountId: '111122223333' },
});

describe('summarize', () => {
  it('counts statuses and failing results per severity', () => {
    expect(summarize([result('fail', 'high'), result('fail', 'high'), result('pass', 'high'), result('error', 'low'), result('fail', 'info'), result('suppressed', 'high')])).toEqual({
      pass: 1,
      fail: 3,
      error: 1,
      suppressed: 1,
      bySeverity: { critical: 0, high: 2, medium: 0, low: 0, info: 1 },
    });
  });
});

describe('exitCodeFor', () => {
  it.each([
    ['no failure', [result('pass', 'high')], 'low', true, 0],
    ['a low failure at the default threshold', [result('fail', 'low')], 'low', true, 1],
    ['an info failure does not fail the default gate', [result('fail', 'info')], 'low', true, 0],
    ['an info failure fails --fail-on info', [result('fail', 'info')], 'info', true, 1],
    ['a medium failure under --fail-on high', [result('fail', 'medium')], 'high', true, 0],
    ['a critical failure under --fail-on high', [result('fail', 'critical')], 'high', true, 1],
    ['--fail-on none never fails', [result('fail', 'critical')], 'none', true, 0],
    ['an error result makes the audit incomplete', [result('pass', 'low'), result('error', 'low')], 'low', true, 3],
    ['a gap makes the audit incomplete', [result('pass', 'low')], 'low', false, 3],
    ['incomplete wins over failing', [result('fail', 'critical')], 'low', false, 3],
    ['incomplete even with --fail-on none', [result('pass', 'low')], 'none', false, 3],
    ['a suppressed result does not fail the gate', [result('suppressed', 'critical')], 'info', true, 0],
  ] as const)('%s', (_, results, failOn, complete, code) => {
    expect(exitCodeFor(results, failOn, complete)).toBe(code);
  });
});
