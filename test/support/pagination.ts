import { expect } from 'vitest';
import type { FakeOperation, MockedRegion } from './mocked-region.js';

/**
 * Checks how a collector walked a paginated list: the first request carries no token, every
 * later one carries the token of the page before it (per `groupBy` key: one walk per load
 * balancer, listener, filter batch...), every request asks for the API's maximum page size, and
 * the last page had no token. Returns the number of pages of each walk.
 */
export function expectChainedPages(
  fake: MockedRegion,
  operation: FakeOperation,
  options: { tokenIn: string; tokenOut: string; sizeKey: string; size: number; groupBy?: (input: Record<string, unknown>) => string },
): Map<string, number> {
  const key = options.groupBy ?? (() => '');
  const walks = new Map<string, { starts: Record<string, unknown>[]; outputs: Record<string, unknown>[] }>();
  for (const event of fake.events) {
    if (event.operation !== operation || event.event === 'reject') continue;
    const walk = walks.get(key(event.input)) ?? { starts: [], outputs: [] };
    walks.set(key(event.input), walk);
    if (event.event === 'start') walk.starts.push(event.input);
    else walk.outputs.push(event.output);
  }
  expect(walks.size, `${operation} was never called`).toBeGreaterThan(0);
  const pages = new Map<string, number>();
  for (const [key, walk] of walks) {
    const group = key.length > 60 ? `${key.slice(0, 57)}...` : key;
    expect(walk.outputs.length, `${operation} ${group}: every page answered`).toBe(walk.starts.length);
    walk.starts.forEach((input, i) => {
      expect(input[options.sizeKey], `${operation} ${group} page ${i + 1}: ${options.sizeKey}`).toBe(options.size);
      const expected = i === 0 ? undefined : walk.outputs[i - 1]![options.tokenOut];
      if (i > 0) expect(expected, `${operation} ${group}: page ${i} had a ${options.tokenOut}`).toEqual(expect.any(String));
      expect(input[options.tokenIn], `${operation} ${group} page ${i + 1}: ${options.tokenIn} of the page before`).toBe(expected);
    });
    expect(walk.outputs.at(-1)![options.tokenOut], `${operation} ${group}: walked to the last page`).toBeUndefined();
    pages.set(key, walk.starts.length);
  }
  return pages;
}
