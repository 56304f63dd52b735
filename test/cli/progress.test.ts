import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

/** A stand-in for a terminal stderr: what was written, and a width. */
function terminal(columns = 200) {
  const writes: string[] = [];
  const stream = { columns, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, writes, screen: () => writes.join('') };
}

afterEach(() => vi.useRealTimers());

describe('Progress', () => {
  it('draws account, region and service, calls, a bar of scopes done and the time, redrawn in place', () => {
    vi.useFakeTimers();
    const { stream, writes } = terminal();
    const progress = new Progress(stream);
    progress.start();
    progress.onEvent({ type: 'scopes-planned', accountId: '111111111111', scopes: 4 });
    progress.onEvent({ type: 'scope-started', accountId: '111111111111', region: 'us-east-1' });
    for (let i = 0; i < 1234; i++) {
      progress.onCall({ phase: 'start', accountId: '111111111111', region: 'us-east-1', service: 'elbv2' });
      progress.onCall({ phase: 'end', accountId: '111111111111', region: 'us-east-1', service: 'elbv2' });
    }
    progress.onCall({ phase: 'start', accountId: '111111111111', region: 'us-east-1', service: 'elbv2' });
    progress.onEvent({ type: 'scope-finished', accountId: '111111111111', region: 'global', calls: 3, gaps: 0 });
    vi.advanceTimersByTime(250);
    const last = writes.at(-1)!;
    expect(last.startsWith('\r')).toBe(true);
    expect(last.endsWith('\u001b[K')).toBe(true);
    expect(last).toMatch(/111111111111 us-east-1 elbv2 ×1 \[#####-+\] 1\/4 · 1,234 calls · \d+\.\ds/);
    progress.finish('done');
  });

  it('shows what the scan waits on: the calls in flight per account, region and service, most first, not the last call that ended', () => {
    const { stream } = terminal();
    const progress = new Progress(stream);
    const call = (phase: 'start' | 'end', region: string, service: string) => progress.onCall({ phase, accountId: '111111111111', region, service });
    progress.onEvent({ type: 'scope-started', accountId: '111111111111', region: 'us-east-1' });
    expect(progress.line()).toContain(' 111111111111 us-east-1 [');
    for (let i = 0; i < 4; i++) call('start', 'us-east-1', 'elbv2');
    call('start', 'global', 'route53');
    call('start', 'us-east-1', 'rds');
    call('end', 'us-east-1', 'rds');
    expect(progress.line()).toContain(' 111111111111 us-east-1 elbv2 ×4, 111111111111 global route53 ×1 [');
    for (const region of ['eu-west-1', 'eu-west-2', 'eu-west-3']) call('start', region, 'ec2');
    expect(progress.line()).toContain(' 111111111111 us-east-1 elbv2 ×4, 111111111111 eu-west-1 ec2 ×1, 111111111111 eu-west-2 ec2 ×1 +2 more [');
    expect(progress.state.calls).toBe(1);
  });

  it('ends with one line: the calls, throttled calls, gaps, skipped accounts and the time', () => {
    const { stream, screen } = terminal();
    const progress = new Progress(stream);
    progress.onEvent({ type: 'scopes-planned', accountId: '111111111111', scopes: 2 });
    progress.onEvent({ type: 'scopes-planned', accountId: '222222222222', scopes: 2 });
    progress.onEvent({ type: 'account-skipped', accountId: '333333333333', reason: 'SUSPENDED' });
    progress.onCall({ phase: 'end', accountId: '111111111111', region: 'us-east-1', service: 'elbv2', throttled: true });
    progress.onCall({ phase: 'end', accountId: '222222222222', region: 'us-east-1', service: 'rds' });
    progress.onEvent({ type: 'scope-finished', accountId: '111111111111', region: 'us-east-1', calls: 2, gaps: 1 });
    progress.finish('done');
    expect(screen()).toMatch(/^Collected 2 accounts: 2 AWS calls in \d+\.\d s \(1 throttled, 1 gap, 1 account\(s\) skipped\)\n$/);
  });

  it('clears its line before the final one, never leaves a timer behind, and fits the terminal width', () => {
    vi.useFakeTimers();
    const { stream, writes } = terminal(30);
    const progress = new Progress(stream);
    progress.start();
    progress.onEvent({ type: 'scope-started', accountId: '111111111111', region: 'ap-southeast-2' });
    vi.advanceTimersByTime(150);
    expect(writes.at(-1)!.replace('\r', '').replace('\u001b[K', '').length).toBeLessThan(30);
    progress.finish('stopped');
    expect(writes.at(-2)).toBe('\r\u001b[K');
    expect(writes.at(-1)).toMatch(/^Stopped after 0 accounts: 0 AWS calls/);
    const count = writes.length;
    vi.advanceTimersByTime(1000);
    expect(writes.length).toBe(count);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows control characters of what it names escaped: the line cannot be broken or recoloured', () => {
    const { stream } = terminal();
    const progress = new Progress(stream);
    progress.onCall({ phase: 'start', accountId: '111111111111', region: 'us-east-1\x1b[2J\r', service: 'elbv2' });
    expect(progress.line()).toContain('us-east-1\\x1b[2J\\r elbv2');
    // eslint-disable-next-line no-control-regex
    expect(progress.line()).not.toMatch(/[\x00-\x1f]/);
  });
});
