import { deferred, settle } from '../support/async.js';
import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../src/collect/semaphore.js';

/** A promise settled from outside, to control when a task finishes. */

// A semaphore that loses a slot hangs its waiters: fail fast instead of at the global timeout.
describe('Semaphore', { timeout: 2000 }, () => {
  it('refuses a limit that is not a positive integer', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(-1)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
    expect(() => new Semaphore(Number.NaN)).toThrow(RangeError);
    expect(new Semaphore(1).limit).toBe(1);
  });

  it('never runs more tasks at once than its limit, and does run that many', async () => {
    const semaphore = new Semaphore(3);
    let active = 0;
    let maxActive = 0;
    const gates = Array.from({ length: 10 }, () => deferred());
    const runs = gates.map((gate, i) =>
      semaphore.run(async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await gate.promise;
        active -= 1;
        return i;
      }),
    );
    await settle();
    expect(active).toBe(3);
    // Finish them one by one: each finished task lets exactly one waiting task in.
    for (const gate of gates) {
      gate.resolve();
      await settle();
      expect(active).toBeLessThanOrEqual(3);
    }
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxActive).toBe(3);
    expect(active).toBe(0);
  });

  it('starts waiting tasks in the order they asked (first come, first served)', async () => {
    const semaphore = new Semaphore(1);
    const started: number[] = [];
    const gate = deferred();
    const first = semaphore.run(async () => {
      started.push(0);
      await gate.promise;
    });
    const rest = [1, 2, 3, 4, 5].map((n) =>
      semaphore.run(async () => {
        started.push(n);
        await settle();
      }),
    );
    await settle();
    expect(started).toEqual([0]);
    gate.resolve();
    await Promise.all([first, ...rest]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('releases the slot of a task that rejects, and passes the rejection on', async () => {
    const semaphore = new Semaphore(1);
    const failing = semaphore.run(async () => {
      await settle();
      throw new Error('task failed');
    });
    const next = semaphore.run(async () => 'ran');
    await expect(failing).rejects.toThrow('task failed');
    await expect(next).resolves.toBe('ran');
    // The slot is free again: a new task runs at once.
    let ranNow = false;
    const later = semaphore.run(async () => {
      ranNow = true;
    });
    await settle();
    expect(ranNow).toBe(true);
    await later;
  });

  it('releases the slot of a task that throws synchronously', async () => {
    const semaphore = new Semaphore(1);
    const failing = semaphore.run((() => {
      throw new Error('sync failure');
    }) as () => Promise<never>);
    await expect(failing).rejects.toThrow('sync failure');
    await expect(semaphore.run(async () => 'after')).resolves.toBe('after');
  });

  it('keeps the limit when a slot is handed from a failing task to a waiter', async () => {
    const semaphore = new Semaphore(2);
    let active = 0;
    let maxActive = 0;
    const task = (fail: boolean) => async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await settle();
      active -= 1;
      if (fail) throw new Error('x');
    };
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => semaphore.run(task(i % 3 === 0))));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
    expect(maxActive).toBe(2);
  });
});
