import { setTimeout as sleep } from 'node:timers/promises';

/** Time as the bucket sees it; tests inject a fake one. */
export interface BucketClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects, its timer cleared, when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const REAL_CLOCK: BucketClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

/** Real time run `timeScale` times faster: tests pace a scan of a fake AWS at AWS's rates without waiting for them. */
export function scaledClock(timeScale: number): BucketClock {
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new RangeError(`time scale must be a positive number, got ${timeScale}`);
  if (timeScale === 1) return REAL_CLOCK;
  return {
    now: () => performance.now() * timeScale,
    sleep: (ms, signal) => sleep(ms / timeScale, undefined, { signal }),
  };
}

export interface TokenBucketOptions {
  /** Tokens added per second, up to the burst. */
  rate: number;
  /** Capacity, and the tokens it starts with: how many calls may go at once after a quiet spell. */
  burst: number;
  clock?: BucketClock;
}

interface Waiter {
  grant(): void;
}

/**
 * A token bucket, the algorithm AWS throttles with: `take()` resolves once a token is ours.
 * Waiters are served first come, first served. While anyone waits, one sleep runs until the next
 * token is due; when no one waits, nothing runs, so an idle bucket never keeps the process alive.
 */
export class TokenBucket {
  readonly rate: number;
  readonly burst: number;
  private readonly clock: BucketClock;
  private tokens: number;
  private refilledAt: number;
  private readonly waiting: Waiter[] = [];
  /** Cancels the running sleep; set while one runs. */
  private wakeup: AbortController | undefined;

  constructor(options: TokenBucketOptions) {
    if (!(options.rate > 0) || !Number.isFinite(options.rate)) throw new RangeError(`token bucket rate must be a positive number, got ${options.rate}`);
    if (!Number.isInteger(options.burst) || options.burst < 1) throw new RangeError(`token bucket burst must be a positive integer, got ${options.burst}`);
    this.rate = options.rate;
    this.burst = options.burst;
    this.clock = options.clock ?? REAL_CLOCK;
    this.tokens = options.burst;
    this.refilledAt = this.clock.now();
  }

  /** Resolves when a token is ours; rejects with the signal's reason if it aborts first (no token spent). */
  take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    this.refill();
    // Behind anyone already waiting, even if a token has come in meanwhile: first come, first served.
    if (this.waiting.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        if (this.waiting.length === 0) this.wakeup?.abort();
        reject(signal!.reason as Error);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
      void this.serve();
    });
  }

  /**
   * Gives a token back: AWS did not count the request it was taken for (throttled requests take
   * no token from AWS's bucket). The next waiter, if any, gets it at once.
   */
  refund(): void {
    this.refill();
    this.tokens = Math.min(this.burst, this.tokens + 1);
    // The running sleep was computed for a token due later: wake it to hand this one out now.
    this.wakeup?.abort();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.rate) / 1000);
    this.refilledAt = now;
  }

  /** Hands out tokens to the waiters in order, sleeping until the next one is due. One runs at a time. */
  private async serve(): Promise<void> {
    if (this.wakeup) return;
    for (;;) {
      this.refill();
      // A billionth of a token of tolerance: a sleep of exactly the computed time must not fall a
      // rounding error short of a whole token and sleep again for nothing.
      while (this.waiting.length > 0 && this.tokens >= 1 - 1e-9) {
        this.tokens = Math.max(0, this.tokens - 1);
        this.waiting.shift()!.grant();
      }
      if (this.waiting.length === 0) return;
      const wakeup = new AbortController();
      this.wakeup = wakeup;
      try {
        await this.clock.sleep(((1 - this.tokens) * 1000) / this.rate, wakeup.signal);
      } catch {
        // Cancelled: the last waiter gave up. The loop finds no one and returns.
      } finally {
        this.wakeup = undefined;
      }
    }
  }
}
