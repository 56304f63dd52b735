import { describe, expect, it } from 'vitest';
import { compacted, StringPool } from '../../src/model/string-pool.js';

// Strings built at run time, so that equal values are distinct copies, as parsed responses are.
const copy = (text: string) => [...text].join('');

describe('StringPool', () => {
  it('keeps every value and shape, and is idempotent', () => {
    const value = { a: copy('healthy'), list: [copy('x'), 1, null, { b: copy('healthy'), c: true }], nested: { d: [[copy('y')]] }, none: undefined };
    const before = structuredClone(value);
    const pool = new StringPool();
    expect(pool.share(value)).toBe(value);
    expect(value).toEqual(before);
    expect(pool.share(value)).toEqual(before);
  });

  // JavaScript cannot tell two equal strings apart: the pool's count says one copy is kept, the bench measures the heap.
  it('keeps one copy of equal strings, across calls', () => {
    const pool = new StringPool();
    pool.share({ state: copy('InService'), zone: copy('us-east-1a') });
    pool.share([{ state: copy('InService') }, copy('us-east-1a')]);
    expect(pool.size).toBe(2);
  });

  it('leaves class instances, Dates and Maps alone', () => {
    const date = new Date(0);
    const map = new Map([['k', copy('v')]]);
    const value = { date, map };
    new StringPool().share(value);
    expect(value.date).toBe(date);
    expect(value.map.get('k')).toBe('v');
  });
});

describe('compacted', () => {
  it('gives an equal copy, as read back from JSON, its strings shared through the pool', () => {
    const value = { name: copy('web'), zones: [copy('us-east-1a')], nested: { state: copy('healthy'), none: undefined } };
    const pool = new StringPool();
    const result = compacted(value, pool);
    expect(result).not.toBe(value);
    expect(result).toEqual({ name: 'web', zones: ['us-east-1a'], nested: { state: 'healthy' } });
    expect(Object.keys(result.nested)).toEqual(['state']);
    compacted({ again: copy('healthy') }, pool);
    expect(pool.size).toBe(3);
  });
});
