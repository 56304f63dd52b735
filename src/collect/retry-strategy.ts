/** Attempts of one call, the first included. */
export const MAX_ATTEMPTS = 10;
/** The first back-off after a throttled attempt, doubling each retry (full jitter). */
const THROTTLED_BASE_MS = 250;
/** The first back-off after a 5xx, a timeout or a reset connection, doubling each retry (full jitter). */
const TRANSIENT_BASE_MS = 100;
/** The longest back-off, as the SDK caps it. */
const MAX_BACKOFF_MS = 20_000;

/** The SDK's classification of a failed attempt (`@smithy/types` `RetryErrorType`). */
type RetryErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';

/** The token the SDK hands back between attempts (`@smithy/types` `StandardRetryToken`). */
interface ScanRetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}

/**
 * How the SDK retries a failed attempt of a scan's call (the SDK's `RetryStrategyV2`): throttled
 * and transient errors, up to `MAX_ATTEMPTS` attempts, after an exponential back-off with full
 * jitter. The SDK's own modes are not used, because ha-audit already paces every attempt with
 * its token buckets (`RegionCalls`, `watchAttempts`):
 * - `adaptive` mode adds a client-side rate that every throttle cuts, down to 0.5 request/s, and
 *   that recovers slowly: a scan through a proxy throttling 30% of calls at random took 8.7× as
 *   long as without throttling (issue 14);
 * - `standard` mode stops retrying once its retry quota (500 tokens, 5 per throttle) runs dry,
 *   which a long scan under throttling does, and the call then waits for `RegionCalls`' pauses.
 * Without them, a throttle costs one back-off, not the pace of the whole scan.
 */
export class ScanRetryStrategy {
  readonly mode = 'standard';

  /** `timeScale`: the back-off runs that many times faster (tests and the bench, against a simulated AWS). */
  constructor(private readonly timeScale = 1) {}

  acquireInitialRetryToken(): Promise<ScanRetryToken> {
    return Promise.resolve(token(0, 0));
  }

  /** The next attempt's token and back-off, or a rejection when the error is not worth retrying. */
  refreshRetryTokenForRetry(previous: ScanRetryToken, errorInfo: { errorType: RetryErrorType }): Promise<ScanRetryToken> {
    const retries = previous.getRetryCount();
    const { errorType } = errorInfo;
    if ((errorType !== 'THROTTLING' && errorType !== 'TRANSIENT') || retries + 1 >= MAX_ATTEMPTS) return Promise.reject(new Error('No retry token available'));
    const base = errorType === 'THROTTLING' ? THROTTLED_BASE_MS : TRANSIENT_BASE_MS;
    const delay = Math.floor((Math.random() * Math.min(base * 2 ** retries, MAX_BACKOFF_MS)) / this.timeScale);
    return Promise.resolve(token(retries + 1, delay));
  }

  recordSuccess(): void {}
}

function token(retries: number, delay: number): ScanRetryToken {
  return { getRetryCount: () => retries, getRetryDelay: () => delay };
}
