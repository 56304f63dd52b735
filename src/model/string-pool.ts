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

  private pooled(text: string): string {
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
