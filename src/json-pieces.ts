/**
 * `JSON.stringify(value, null, 2)` in pieces, never joined: a large organisation's report or
 * inventory is longer than the longest string V8 can hold (about 512 MiB). `longArrays` are the
 * paths (`findings`, `resilience.outcomes`, `runs[].results` for an array inside the items of
 * another) of the arrays that grow with the organisation: each of their items is a piece, and so
 * is each member of the objects (and item of the arrays) on the way to them; anything else is
 * written whole. `itemOf` may give an item of a long array as it is to be written (the
 * report adds what it does not hold in memory), one at a time.
 */
export function* prettyJsonPieces(value: unknown, longArrays: readonly string[], itemOf: ItemOf = (_path, item) => item): Generator<string> {
  yield* pretty(value, '', '', longArrays, itemOf);
}

/** An item of the long array at `path`, as written. */
export type ItemOf = (path: string, item: unknown) => unknown;

function* pretty(value: unknown, path: string, indent: string, longArrays: readonly string[], itemOf: ItemOf): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0 && longArrays.includes(path)) {
    yield '[';
    for (let i = 0; i < value.length; i++) yield `${i === 0 ? '' : ','}\n${inner}${whole(itemOf(path, value[i]), inner) ?? 'null'}`;
    yield `\n${indent}]`;
    return;
  }
  if (Array.isArray(value) && value.length > 0 && longArrays.some((long) => long.startsWith(`${path}[].`))) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      yield* pretty(value[i] as unknown, `${path}[]`, inner, longArrays, itemOf);
    }
    yield `\n${indent}]`;
    return;
  }
  const leadsToLongArray = path === '' || longArrays.some((long) => long.startsWith(`${path}.`));
  if (leadsToLongArray && isPlainObject(value)) {
    // As JSON.stringify: members whose value JSON cannot hold are left out.
    const members = Object.entries(value).filter(([, member]) => member !== undefined && typeof member !== 'function' && typeof member !== 'symbol');
    if (members.length === 0) {
      yield '{}';
      return;
    }
    yield '{';
    for (let i = 0; i < members.length; i++) {
      const [key, member] = members[i]!;
      yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* pretty(member, path === '' ? key : `${path}.${key}`, inner, longArrays, itemOf);
    }
    yield `\n${indent}}`;
    return;
  }
  yield whole(value, indent) ?? 'null';
}

/** `JSON.stringify(value, null, 2)` at indentation `indent`; undefined for what JSON cannot hold (undefined, a function). */
function whole(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // JSON escapes a line break inside a string: every line break here is the layout's.
  return indent === '' || text === undefined ? text : text.replace(/\n/g, `\n${indent}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
