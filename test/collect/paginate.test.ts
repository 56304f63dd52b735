import { describe, expect, it, vi } from 'vitest';
import { chunk, collectPages } from '../../src/collect/paginate.js';

interface Page {
  Items?: string[];
  Next?: string;
}

/** A paginated API over fixed pages: page `n` is asked for with token `t<n>`. */
function pagedApi(pages: Page[]) {
  const fetch = vi.fn(async (token: string | undefined): Promise<Page> => {
    // Fail rather than hang the test run if a loop is not stopped.
    if (fetch.mock.calls.length > 10) throw new Error('still looping after 10 pages');
    const index = token === undefined ? 0 : Number(token.slice(1));
    const page = pages[index];
    if (!page) throw new Error(`no page for token ${token}`);
    return page;
  });
  return fetch;
}

const read = (page: Page) => ({ items: page.Items, next: page.Next });

describe('collectPages', () => {
  it('follows the tokens to the last page, passing each page its token, and keeps every item in order', async () => {
    const fetch = pagedApi([{ Items: ['a', 'b'], Next: 't1' }, { Items: ['c'], Next: 't2' }, { Items: ['d', 'e'], Next: 't3' }, { Items: ['f'] }]);
    await expect(collectPages(fetch, read)).resolves.toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(fetch.mock.calls.map(([token]) => token)).toEqual([undefined, 't1', 't2', 't3']);
  });

  it('calls once when the first page has no token', async () => {
    const fetch = pagedApi([{ Items: ['a'] }]);
    await expect(collectPages(fetch, read)).resolves.toEqual(['a']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('treats an empty-string token as the end', async () => {
    const fetch = pagedApi([{ Items: ['a'], Next: '' }]);
    await expect(collectPages(fetch, read)).resolves.toEqual(['a']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('tolerates pages without items (the SDK omits empty lists)', async () => {
    const fetch = pagedApi([{ Next: 't1' }, { Items: [], Next: 't2' }, { Items: ['x'] }]);
    await expect(collectPages(fetch, read)).resolves.toEqual(['x']);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('stops when an API repeats the same token forever', async () => {
    const fetch = vi.fn(async (_token: string | undefined): Promise<Page> => {
      // Fail rather than hang the test run if the loop is not stopped.
      if (fetch.mock.calls.length > 10) throw new Error('still looping after 10 pages');
      return { Items: ['same'], Next: 'stuck' };
    });
    const items = await collectPages(fetch, read);
    // First call, then one call with the token; the token coming back a second time ends the walk.
    expect(fetch.mock.calls.map(([token]) => token)).toEqual([undefined, 'stuck']);
    expect(items).toEqual(['same', 'same']);
  });

  it('stops on a token cycle that comes back after other tokens', async () => {
    const fetch = pagedApi([{ Items: ['a'], Next: 't1' }, { Items: ['b'], Next: 't2' }, { Items: ['c'], Next: 't1' }]);
    await expect(collectPages(fetch, read)).resolves.toEqual(['a', 'b', 'c']);
    expect(fetch.mock.calls.map(([token]) => token)).toEqual([undefined, 't1', 't2']);
  });

  it('propagates a failing page', async () => {
    const fetch = vi.fn(async (token: string | undefined): Promise<Page> => {
      if (token) throw new Error('boom');
      return { Items: ['a'], Next: 't1' };
    });
    await expect(collectPages(fetch, read)).rejects.toThrow('boom');
  });
});

describe('chunk', () => {
  it('splits into batches of at most the size, last one shorter', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    const batches = chunk(items, 20);
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(batches.flat()).toEqual(items);
  });

  it('makes equal batches for an exact multiple', () => {
    expect(chunk(['a', 'b', 'c', 'd'], 2)).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('gives one batch when the list is shorter than the size', () => {
    expect(chunk(['a', 'b'], 200)).toEqual([['a', 'b']]);
  });

  it('gives no batch for an empty list (so no call is made)', () => {
    expect(chunk([], 20)).toEqual([]);
  });

  it('does not modify its input', () => {
    const items = Object.freeze([1, 2, 3]);
    expect(chunk(items, 2)).toEqual([[1, 2], [3]]);
  });
});
