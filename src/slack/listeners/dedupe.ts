import type { SeenKeys } from '../../state/seen-keys.ts';
import { ExpiringMap } from '../../util/expiring-map.ts';

/**
 * Remembers the most recent ids in this process so a delivery Slack repeats is answered once (processes
 * sharing a database use `pgSeenKeys` instead). Bounded: the oldest id is forgotten first, and any after
 * `ttlMs`, so memory stays flat however long the bot runs.
 */
export class RecentIds implements SeenKeys {
  private readonly ids: ExpiringMap<string, true>;

  constructor(capacity = 1000, ttlMs = Infinity, now: () => number = Date.now) {
    this.ids = new ExpiringMap(ttlMs, capacity, now);
  }

  async firstTime(id: string): Promise<boolean> {
    if (this.ids.has(id)) return false;
    this.ids.set(id, true);
    return true;
  }
}
