import type { BucketClock } from '../../src/collect/token-bucket.js';
import { settle } from './async.js';

interface Sleeper {
  at: number;
  wake(): void;
}

/**
 * A clock for token buckets that moves only when the test says so. `advance` wakes each sleeper
 * at its due time, in time order, and lets the promises it releases run before going on.
 */
export class FakeClock implements BucketClock {
  time = 0;
  /** Every sleep asked for, in ms: a busy loop would show here. */
  readonly sleeps: number[] = [];
  private sleepers: Sleeper[] = [];

  now = (): number => this.time;

  sleep = (ms: number, signal: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = {
        at: this.time + ms,
        wake: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
    });
  };

  /** Sleeps not yet over: the timers a real clock would hold. */
  get pending(): number {
    return this.sleepers.length;
  }

  /** Moves time forward by `ms`, waking the sleepers due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.sleepers = this.sleepers.filter((s) => s !== due);
      this.time = Math.max(this.time, due.at);
      due.wake();
    }
    this.time = end;
    await settle();
  }

  /** Moves time forward until no one sleeps; returns the time then. */
  async runAll(): Promise<number> {
    for (;;) {
      await settle();
      const next = Math.min(...this.sleepers.map((s) => s.at));
      if (!Number.isFinite(next)) return this.time;
      await this.advance(next - this.time);
    }
  }
}
