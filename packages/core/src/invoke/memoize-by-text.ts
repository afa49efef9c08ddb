/** How many distinct texts a memo keeps, and the longest text it keeps. */
export interface TextMemoLimits {
  readonly maxEntries: number;
  readonly maxTextLength: number;
}

/**
 * Memoizes a pure function of one string. The text itself is the key, so an entry can never go
 * stale (an edited API template is a different text). Used for the template parsers: invoke
 * renders the same few API templates on every call. Module-level memos of pure functions are
 * the one shared state this allows: nothing can observe them but the time they save. Bounded: texts longer than
 * `maxTextLength` are not kept, and at `maxEntries` the oldest entry makes room. Results are
 * frozen, because every caller receives the same object.
 */
export function memoizeByText<T extends object>(fn: (text: string) => T, limits: TextMemoLimits): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const result = deepFreeze(fn(text));
    if (text.length <= limits.maxTextLength) {
      if (memo.size >= limits.maxEntries) memo.delete(memo.keys().next().value!);
      memo.set(text, result);
    }
    return result;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
