/**
 * One copy of each string value in what the collectors return: every response parses a fresh
 * copy of `healthy`, `HTTP`, a VPC id or a target group's ARN, and an organisation repeats them
 * thousands of times over (a third of the inventory's heap in the bench's organisation). Values
 * only: V8 already shares property names.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** Replaces, in place, every string in the plain objects and arrays of `value` by its pooled copy; returns `value`. */
  share<T>(value: T): T {
    this.walk(value);
    return value;
  }

  /** How many distinct strings it holds. */
  get size(): number {
    return this.strings.size;
  }

  /** The pooled copy of `text`. */
  pooled(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  private walk(value: unknown): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') value[i] = this.pooled(item);
        else if (typeof item === 'object' && item !== null) this.walk(item);
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const proto: unknown = Object.getPrototypeOf(value);
    // Plain data only: a Date, Map or class instance keeps its own state.
    if (proto !== Object.prototype && proto !== null) return;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = this.pooled(item);
      else if (typeof item === 'object' && item !== null) this.walk(item);
    }
  }
}

/**
 * An inventory (or part of one) as the evaluation keeps it: every object and array exactly its
 * size, and one copy of each string (shared through `strings` with the rest of the inventory).
 * Objects built property by property get a separate store for their later properties, arrays
 * grown by push keep room for 16 more items, and the reader's filling in of lean files does both;
 * read back from JSON, each is exact. An organisation keeps thousands of accounts' inventories.
 */
export function compacted<T>(value: T, strings: StringPool = new StringPool()): T {
  return strings.share(JSON.parse(JSON.stringify(value)) as T);
}
