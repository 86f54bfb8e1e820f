import { log } from '../../log.ts';
import type { SeenKeys } from '../../state/seen-keys.ts';
import { ExpiringMap } from '../../util/expiring-map.ts';

/**
 * Remembers the most recent ids in this process so a delivery Slack repeats is answered once (processes
 * sharing a database use `PgStateStore.seenKeys` instead, through `failOpen`). Bounded: the oldest id is forgotten first, and any after
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

/**
 * `seen`, except that a key it cannot check (the database is unreachable) counts as new: a rare repeat
 * answered twice is better than every request refused while the database is away.
 */
export function failOpen(seen: SeenKeys): SeenKeys {
  return {
    firstTime: (key) =>
      seen.firstTime(key).catch((error: unknown) => {
        log.warn({ err: (error as Error).message }, 'could not check whether Slack sent this before; answering it');
        return true;
      }),
  };
}
