import { describe, expect, it } from 'vitest';
import { prettyJsonPieces } from '../src/json-pieces.js';

const joined = (value: unknown, longArrays: string[], itemOf?: (path: string, item: unknown) => unknown) => [...prettyJsonPieces(value, longArrays, itemOf)];

describe('prettyJsonPieces', () => {
  it('writes exactly JSON.stringify(value, null, 2), an item of each long array a piece', () => {
    const value = { a: 1, list: [{ x: 1 }, { x: [2, 3] }, 'three'], nested: { items: [1, { y: 'z' }] }, other: [[1], []] };
    const pieces = joined(value, ['list', 'nested.items']);
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
    expect(pieces.filter((piece) => piece.includes('"x"'))).toHaveLength(2);
  });

  it('reaches a long array inside the items of another (`runs[].results`), as SARIF nests its results', () => {
    const value = { version: '2.1.0', runs: [{ tool: { name: 't' }, results: [{ id: 1 }, { id: 2 }, { id: 3 }], after: true }, { results: [] }] };
    const pieces = joined(value, ['runs[].results']);
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
    // Each result alone in its piece: none holds two.
    expect(pieces.filter((piece) => piece.includes('"id"'))).toHaveLength(3);
    expect(pieces.some((piece) => piece.includes('"tool"') && piece.includes('"id"'))).toBe(false);
  });

  it('writes an item of a long array as `itemOf` gives it, one at a time', () => {
    const seen: unknown[] = [];
    const value = { findings: [1, 2, 3], rest: [1, 2] };
    const text = joined(value, ['findings'], (path, item) => {
      seen.push(item);
      return path === 'findings' ? { n: item } : item;
    }).join('');
    expect(JSON.parse(text)).toEqual({ findings: [{ n: 1 }, { n: 2 }, { n: 3 }], rest: [1, 2] });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('leaves out what JSON leaves out, and writes null where JSON does', () => {
    const value = { gone: undefined, runs: [{ results: [1, undefined, () => 1], drop: undefined }] };
    expect(joined(value, ['runs[].results']).join('')).toBe(JSON.stringify(value, null, 2));
  });
});
