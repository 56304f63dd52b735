import { describe, expect, it } from 'vitest';
import { scaledBucket } from '../../src/collect/region-calls.js';
import { REAL_CLOCK, scaledClock, TokenBucket, type BucketClock } from '../../src/collect/token-bucket.js';
import { settle } from '../support/async.js';
import { FakeClock } from '../support/fake-clock.js';

/** Takes `count` tokens at once and records when (fake time) each one was granted, by order asked. */
function takeMany(bucket: TokenBucket, clock: FakeClock, count: number) {
  const grantedAt: (number | undefined)[] = Array.from({ length: count }, () => undefined);
  const all = Promise.all(Array.from({ length: count }, (_, i) => bucket.take().then(() => (grantedAt[i] = clock.time))));
  return { grantedAt, all };
}

describe('TokenBucket', { timeout: 5000 }, () => {
  it('refuses a rate that is not positive and finite, and a burst that is not a positive integer', () => {
    expect(() => new TokenBucket({ rate: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ rate: -1, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ rate: Number.NaN, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ rate: Number.POSITIVE_INFINITY, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ rate: 1, burst: 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ rate: 1, burst: 2.5 })).toThrow(RangeError);
    expect(new TokenBucket({ rate: 0.5, burst: 1 })).toMatchObject({ rate: 0.5, burst: 1 });
  });

  it('a token given back goes to the first waiter at once, and never beyond the burst', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 1, burst: 2, clock });
    const { grantedAt, all } = takeMany(bucket, clock, 4);
    await settle();
    expect(grantedAt).toEqual([0, 0, undefined, undefined]);
    bucket.refund();
    await settle();
    expect(grantedAt).toEqual([0, 0, 0, undefined]);
    await clock.runAll();
    await all;
    expect(grantedAt).toEqual([0, 0, 0, 1000]);
    // Full: a refund adds nothing.
    await clock.advance(5000);
    bucket.refund();
    const burst = takeMany(bucket, clock, 3);
    await clock.runAll();
    await burst.all;
    expect(burst.grantedAt).toEqual([6000, 6000, 7000]);
  });

  it('grants a full burst at once, then one token per 1/rate s', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 10, burst: 5, clock });
    const { grantedAt, all } = takeMany(bucket, clock, 8);
    await settle();
    expect(grantedAt).toEqual([0, 0, 0, 0, 0, undefined, undefined, undefined]);
    await clock.advance(99);
    expect(grantedAt[5]).toBeUndefined();
    await clock.advance(1);
    expect(grantedAt[5]).toBe(100);
    await clock.runAll();
    await all;
    expect(grantedAt).toEqual([0, 0, 0, 0, 0, 100, 200, 300]);
  });

  it('takes (N - burst) / rate seconds for N calls, and sleeps once per token it waits for (no busy loop)', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 12, burst: 30, clock });
    const { grantedAt, all } = takeMany(bucket, clock, 150);
    const end = await clock.runAll();
    await all;
    expect(end).toBeCloseTo(((150 - 30) / 12) * 1000, 6);
    // Granted in the order asked, never two in the same instant after the burst.
    for (let i = 31; i < 150; i++) expect(grantedAt[i]! - grantedAt[i - 1]!).toBeCloseTo(1000 / 12, 6);
    expect(clock.sleeps).toHaveLength(120);
  });

  it('refills while idle, up to the burst and no more', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 2, burst: 3, clock });
    await Promise.all([bucket.take(), bucket.take(), bucket.take()]);
    // 1 s idle: two tokens back.
    await clock.advance(1000);
    const first = takeMany(bucket, clock, 3);
    await settle();
    expect(first.grantedAt).toEqual([1000, 1000, undefined]);
    await clock.runAll();
    await first.all;
    expect(first.grantedAt[2]).toBe(1500);
    // A minute idle still holds only the burst.
    await clock.advance(60_000);
    const second = takeMany(bucket, clock, 4);
    await settle();
    expect(second.grantedAt.filter((t) => t !== undefined)).toHaveLength(3);
    await clock.runAll();
    await second.all;
    expect(second.grantedAt[3]).toBe(61_500 + 500);
  });

  it('serves waiters first come, first served: a newcomer does not take a token that came in for an earlier waiter', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 1, burst: 1, clock });
    const order: string[] = [];
    const taken = (name: string) => bucket.take().then(() => order.push(name));
    const early = [taken('a'), taken('b'), taken('c')];
    await settle();
    expect(order).toEqual(['a']);
    // The token for b is in the bucket, but the sleep that hands it out has not run yet.
    clock.time = 1000;
    const late = taken('d');
    await settle();
    expect(order).toEqual(['a']);
    await clock.runAll();
    await Promise.all([...early, late]);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(clock.time).toBe(3000);
  });

  it('gives up on an aborted waiter without spending a token, and keeps serving the others in order', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 10, burst: 1, clock });
    await bucket.take();
    const controller = new AbortController();
    const order: string[] = [];
    const b = bucket.take().then(() => order.push('b'));
    const c = bucket.take(controller.signal).then(
      () => order.push('c'),
      (error: unknown) => order.push(`c aborted: ${(error as Error).message}`),
    );
    const d = bucket.take().then(() => order.push('d'));
    await settle();
    controller.abort(new Error('stopped'));
    await clock.runAll();
    await Promise.all([b, c, d]);
    expect(order).toEqual(['c aborted: stopped', 'b', 'd']);
    // d got the second token: c's place was not charged.
    expect(clock.time).toBe(200);
    await expect(bucket.take(controller.signal)).rejects.toThrow('stopped');
  });

  it('leaves no sleep behind when it is idle, nor when its last waiter gives up', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 5, burst: 2, clock });
    const { all } = takeMany(bucket, clock, 6);
    await settle();
    expect(clock.pending).toBe(1);
    await clock.runAll();
    await all;
    expect(clock.pending).toBe(0);

    const controller = new AbortController();
    const waiting = bucket.take(controller.signal).catch(() => 'aborted');
    await settle();
    expect(clock.pending).toBe(1);
    controller.abort();
    await expect(waiting).resolves.toBe('aborted');
    expect(clock.pending).toBe(0);
  });

  it('with the real clock, holds a timer only while someone waits', async () => {
    // Each sleep of the real clock holds a real timer until it ends or its signal aborts.
    let sleeping = 0;
    const clock: BucketClock = {
      now: REAL_CLOCK.now,
      sleep: (ms, signal) => {
        sleeping += 1;
        return REAL_CLOCK.sleep(ms, signal).finally(() => (sleeping -= 1));
      },
    };
    const bucket = new TokenBucket({ rate: 500, burst: 2, clock });
    const takes = Array.from({ length: 6 }, () => bucket.take());
    expect(sleeping).toBe(1);
    await Promise.all(takes);
    await settle();
    expect(sleeping).toBe(0);

    const controller = new AbortController();
    const slow = new TokenBucket({ rate: 0.001, burst: 1, clock });
    await slow.take();
    const waiting = slow.take(controller.signal).catch(() => 'aborted');
    expect(sleeping).toBe(1);
    controller.abort();
    await expect(waiting).resolves.toBe('aborted');
    await settle();
    // A 1000 s timer would keep the process alive: it is cleared.
    expect(sleeping).toBe(0);
  });
});

describe('scaledBucket (--max-api-rate)', () => {
  it('scales the rate and the burst by the factor', async () => {
    const clock = new FakeClock();
    const bucket = scaledBucket({ rate: 10, burst: 40 }, 0.5, clock);
    expect(bucket).toMatchObject({ rate: 5, burst: 20 });
    const { grantedAt, all } = takeMany(bucket, clock, 25);
    await clock.runAll();
    await all;
    expect(grantedAt.filter((t) => t === 0)).toHaveLength(20);
    expect(grantedAt.at(-1)).toBeCloseTo(1000, 6);
  });

  it('keeps the published figures at factor 1, and never a burst below one call', () => {
    expect(scaledBucket({ rate: 12, burst: 300 }, 1)).toMatchObject({ rate: 12, burst: 300 });
    expect(scaledBucket({ rate: 5, burst: 5 }, 0.1)).toMatchObject({ rate: 0.5, burst: 1 });
    expect(scaledBucket({ rate: 10, burst: 40 }, 0.33)).toMatchObject({ rate: 3.3000000000000003, burst: 13 });
  });
});

describe('scaledClock (tests of a fake AWS)', () => {
  it('is the real clock at scale 1, and refuses a scale that is not a positive number', () => {
    expect(scaledClock(1)).toBe(REAL_CLOCK);
    for (const bad of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => scaledClock(bad)).toThrow(RangeError);
  });

  it('reads real time that many times faster, and sleeps that many times shorter', async () => {
    const clock = scaledClock(1000);
    const before = performance.now();
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before * 1000);
    expect(now).toBeLessThanOrEqual(performance.now() * 1000);
    // A scaled 1000 ms is 1 real ms: it ends before a real 500 ms timer set at the same moment.
    const order: string[] = [];
    const real = new Promise<void>((resolve) => setTimeout(resolve, 500)).then(() => order.push('real 500 ms'));
    await clock.sleep(1000, new AbortController().signal).then(() => order.push('scaled 1000 ms'));
    await real;
    expect(order).toEqual(['scaled 1000 ms', 'real 500 ms']);
  });
});
