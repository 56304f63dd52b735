import { describe, expect, it } from 'vitest';
import { renderWhatIfText } from '../../src/report/what-if-text.js';
import { item, whatIf } from '../support/what-if-fixture.js';

const ESC = String.fromCharCode(27);

describe('renderWhatIfText', () => {
  it('one section per outcome, worst first, each item with its reason, facts, fix and commands; then those not judged; the exit code last', () => {
    const text = renderWhatIfText(
      whatIf(
        [item('gone', 'down', { capacity: { before: 2, after: 0 }, capacityLeft: '0%', fix: 'Spread it.', commands: ['aws elbv2 x'] }), item('thin', 'degraded', { capacity: { before: 3, after: 1 }, capacityLeft: '33%', recoverySeconds: 90 })],
        [item('cdn', 'unknown', { reasonId: 'outsideScan' })],
      ),
      { color: false },
    );
    const lines = text.split('\n');
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect(at(' DOWN ')).toBeGreaterThan(0);
    expect(at(' DOWN ')).toBeLessThan(at(' DEGRADED '));
    expect(at(' DEGRADED ')).toBeLessThan(at(' NOT JUDGED '));
    expect(lines[at('  ✗ gone') + 1]).toContain('reason of gone');
    expect(lines[at('  ✗ gone') + 2]).toContain('0 of 2 (0%)');
    expect(lines).toContain('      $ aws elbv2 x');
    expect(lines[at('  ◐ thin') + 2]).toContain('~90 s');
    expect(lines.some((l) => l.startsWith('  – cdn'))).toBe(true);
    expect(text).toMatch(/exit 1\n$/);
    expect(text).not.toContain(ESC);
  });

  it('names from AWS are shown escaped; colour only when asked', () => {
    const hostile = whatIf([item(`evil${ESC}[2J\u202e`, 'down')]);
    const text = renderWhatIfText(hostile, { color: false });
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u202e');
    expect(text).toContain('evil\\x1b[2J\\u202e');
    expect(renderWhatIfText(whatIf([item('x', 'down')]), { color: true })).toContain(`${ESC}[`);
  });

  it('nothing lost: says so, and the counts of those that keep serving', () => {
    const text = renderWhatIfText(whatIf([], [], 0), { color: false });
    expect(text).not.toMatch(/^ (DOWN|DEGRADED) /m);
    expect(text).toMatch(/3 of 3 entry points/);
    expect(text).toMatch(/exit 0\n$/);
  });
});
