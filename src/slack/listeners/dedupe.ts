import { ExpiringMap } from '../../util/expiring-map.ts';

/**
 * Remembers the most recent event ids so a delivery Slack repeats is answered once. Bounded: the oldest id
 * is forgotten first, so memory stays flat however long the bot runs.
 */
export class RecentIds {
  private readonly ids: ExpiringMap<string, true>;

  constructor(capacity = 1000) {
    this.ids = new ExpiringMap(Infinity, capacity);
  }

  /** True the first time `id` is seen (and records it); false for a repeat still remembered. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, true);
    return true;
  }
}
