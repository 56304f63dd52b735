import { describe, expect, it } from 'vitest';
import { excerpt, visible, visibleStrings } from '../src/visible-text.js';

describe('visible', () => {
  it.each([
    ['\x1b[2J', '\\x1b[2J'],
    ['a\r\nb\tc', 'a\\r\\nb\\tc'],
    ['\x00\x07\x7f', '\\x00\\x07\\x7f'],
    ['\u009b31m', '\\x9b31m'], // C1 CSI
    ['abc\u202edcba', 'abc\\u202edcba'], // right-to-left override
    ['x\u2028y', 'x\\u2028y'],
    ['web\u200b-asg', 'web\\u200b-asg'], // looks like web-asg
    ['\ufeffname', '\\ufeffname'],
  ])('shows %j as %j', (input, shown) => {
    expect(visible(input)).toBe(shown);
  });

  it('leaves printable text alone, Unicode included', () => {
    const text = 'web-asg ✓ [us-east-1] café 東京 🙂 \\x1b';
    expect(visible(text)).toBe(text);
  });

  it('is idempotent: what it shows has no control character left', () => {
    const once = visible('\x1b]0;title\x07\n');
    expect(visible(once)).toBe(once);
  });
});

describe('excerpt', () => {
  it('echoes short input whole, made visible', () => {
    expect(excerpt('a\x1bb')).toBe('a\\x1bb');
  });

  it('cuts long input to the length asked, with an ellipsis', () => {
    const cut = excerpt('x'.repeat(7000));
    expect(cut).toHaveLength(200);
    expect(cut.endsWith('x…')).toBe(true);
  });

  it('never cuts an escape or a surrogate pair in half', () => {
    expect(excerpt('ab\x1b', 5)).toBe('ab…');
    expect(excerpt('ab🙂cd', 4)).toBe('ab…');
    expect(excerpt('abcde', 5)).toBe('abcde');
  });
});

describe('visibleStrings', () => {
  it('makes every string and key of a value visible', () => {
    const value = { name: 'a\nb', list: ['ok', '\x1b[31m'], nested: { ['k\r']: 1, flag: true, none: null } };
    expect(visibleStrings(value)).toEqual({ name: 'a\\nb', list: ['ok', '\\x1b[31m'], nested: { ['k\\r']: 1, flag: true, none: null } });
  });

  it('returns clean parts as they are, not copies', () => {
    const clean = { findings: [{ id: 'a' }], scan: { regions: ['us-east-1'] } };
    const mixed = { clean: clean.scan, dirty: 'x\n' };
    expect(visibleStrings(clean)).toBe(clean);
    expect(visibleStrings(mixed).clean).toBe(clean.scan);
  });
});
