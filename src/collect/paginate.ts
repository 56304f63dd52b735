/**
 * Follows a paginated API to its end: `fetch(token)` returns a page and the token of the next
 * one (`undefined` or empty at the end). A token seen twice stops the loop: an API (or an
 * emulator) that repeats its last token must not loop forever.
 */
export async function collectPages<Page, Item>(
  fetch: (token: string | undefined) => Promise<Page>,
  read: (page: Page) => { items: readonly Item[] | undefined; next: string | undefined },
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = read(await fetch(token));
    if (page.items) items.push(...page.items);
    token = page.next || undefined;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}

/** Splits a list into batches of at most `size` (ELBv2 `DescribeTags` takes 20 ARNs a call). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
