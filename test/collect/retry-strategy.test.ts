import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientConfig } from '../../src/collect/aws-clients.js';
import { MAX_ATTEMPTS, ScanRetryStrategy } from '../../src/collect/retry-strategy.js';

// Recovery from throttling at full speed (issue 14): the SDK's adaptive mode slowed the whole scan
// down on every throttle, and standard mode's retry quota runs dry in a long throttled scan.

afterEach(() => vi.restoreAllMocks());

type ErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';
const retry = (strategy: ScanRetryStrategy, token: Awaited<ReturnType<ScanRetryStrategy['acquireInitialRetryToken']>>, errorType: ErrorType) => strategy.refreshRetryTokenForRetry(token, { errorType });

describe('ScanRetryStrategy', () => {
  it('is what every client of a scan uses, with MAX_ATTEMPTS', () => {
    const config = clientConfig('us-east-1', () => Promise.resolve({ accessKeyId: 'a', secretAccessKey: 'b' }), {});
    expect(config.retryStrategy).toBeInstanceOf(ScanRetryStrategy);
    expect(config.maxAttempts).toBe(MAX_ATTEMPTS);
  });

  it('no client-side rate: after a thousand throttles, a new call starts at once', async () => {
    const strategy = new ScanRetryStrategy();
    for (let i = 0; i < 1000; i++) await retry(strategy, await strategy.acquireInitialRetryToken(), 'THROTTLING');
    const first = await strategy.acquireInitialRetryToken();
    expect({ retries: first.getRetryCount(), delay: first.getRetryDelay() }).toEqual({ retries: 0, delay: 0 });
  });

  it('no retry quota: the thousandth throttled call is retried as the first was', async () => {
    const strategy = new ScanRetryStrategy();
    // Standard mode's quota (500 tokens, 5 a throttle) would refuse from the 101st retry on.
    const retried = [];
    for (let i = 0; i < 1000; i++) retried.push(await retry(strategy, await strategy.acquireInitialRetryToken(), 'THROTTLING').then(() => true, () => false));
    expect(retried.every(Boolean)).toBe(true);
  });

  it('backs off with full jitter, doubling from 250 ms after a throttle and 100 ms after a 5xx or a timeout, up to MAX_ATTEMPTS attempts', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    const strategy = new ScanRetryStrategy();
    const delays = async (errorType: ErrorType) => {
      const seen: number[] = [];
      let token = await strategy.acquireInitialRetryToken();
      for (;;) {
        try {
          token = await retry(strategy, token, errorType);
        } catch {
          return seen;
        }
        seen.push(token.getRetryDelay());
      }
    };
    expect(await delays('THROTTLING')).toEqual([249, 499, 999, 1999, 3999, 7999, 15_999, 19_999, 19_999]);
    expect(await delays('TRANSIENT')).toEqual([99, 199, 399, 799, 1599, 3199, 6399, 12_799, 19_999]);
    expect((await delays('THROTTLING')).length).toBe(MAX_ATTEMPTS - 1);
  });

  it('does not retry a client error or a server error the SDK does not call transient', async () => {
    const strategy = new ScanRetryStrategy();
    for (const errorType of ['CLIENT_ERROR', 'SERVER_ERROR'] as const) await expect(retry(strategy, await strategy.acquireInitialRetryToken(), errorType)).rejects.toThrow();
  });

  it('a time scale shortens the back-off (tests and the bench against a simulated AWS)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const strategy = new ScanRetryStrategy(100);
    expect((await retry(strategy, await strategy.acquireInitialRetryToken(), 'THROTTLING')).getRetryDelay()).toBe(1);
  });
});
