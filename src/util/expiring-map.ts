/**
 * A Map whose entries last `ttlMs` and of which at most `capacity` are kept. Every entry lives as long, so
 * insertion order is expiry order: the expired ones (or, past the capacity, the oldest) are at the front
 * and are dropped from there when a new one is set. Memory stays bounded however long the process runs.
 */
export class ExpiringMap<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value under `key`, unless it has expired. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    return entry && entry.until > this.now() ? entry.value : undefined;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets `key` for the next `ttlMs`, dropping the expired entries first (and the oldest, past the capacity). */
  set(key: K, value: V): void {
    const now = this.now();
    for (const [old, { until }] of this.entries) {
      if (until > now && this.entries.size < this.capacity) break;
      this.entries.delete(old);
    }
    this.entries.set(key, { value, until: now + this.ttlMs });
  }
}
