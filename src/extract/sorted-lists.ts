/**
 * Lists by key, each kept in one order: an added item makes its list unsorted, and a list is sorted when it
 * is next read (or all at once by `sortAll`, after a load). So a company with thousands of deals is sorted
 * once per change of its facts, not on every question about it.
 */
export class SortedLists<T> {
  private readonly lists = new Map<string, T[]>();
  private readonly unsorted = new Set<string>();

  constructor(private readonly compare: (a: T, b: T) => number) {}

  add(key: string, item: T): void {
    const list = this.lists.get(key);
    if (list) list.push(item);
    else this.lists.set(key, [item]);
    this.unsorted.add(key);
  }

  /** An item of these lists changed what it is sorted by. */
  changed(keys: Iterable<string>): void {
    for (const key of keys) if (this.lists.has(key)) this.unsorted.add(key);
  }

  /** The list of `key`, in order (empty when there is none). */
  get(key: string): readonly T[] {
    const list = this.lists.get(key);
    if (!list) return [];
    if (this.unsorted.delete(key)) list.sort(this.compare);
    return list;
  }

  /**
   * Makes the lists anew from `items`, already in order, each put in the lists `keysOf` names: every list
   * comes out sorted with one sort of all items (after a load or a build, so that no question pays for it).
   */
  rebuild(items: Iterable<T>, keysOf: (item: T) => Iterable<string>): void {
    this.clear();
    for (const item of items) {
      for (const key of keysOf(item)) {
        const list = this.lists.get(key);
        if (list) list.push(item);
        else this.lists.set(key, [item]);
      }
    }
  }

  clear(): void {
    this.lists.clear();
    this.unsorted.clear();
  }
}

/** Merges lists each sorted by `compare` into one sorted sequence, lazily: a caller may stop early. */
export function* mergeSorted<T>(lists: readonly (readonly T[])[], compare: (a: T, b: T) => number): Generator<T> {
  if (lists.length === 1) {
    yield* lists[0]!;
    return;
  }
  const heads = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let i = 0; i < lists.length; i++) {
      const head = lists[i]![heads[i]!];
      if (head !== undefined && (pick < 0 || compare(head, lists[pick]![heads[pick]!]!) < 0)) pick = i;
    }
    if (pick < 0) return;
    yield lists[pick]![heads[pick]!++]!;
  }
}
