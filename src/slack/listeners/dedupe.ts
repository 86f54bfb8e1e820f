/**
 * Remembers the most recent event ids so a delivery Slack repeats is answered once. Bounded: the oldest id
 * is forgotten first (a Map keeps insertion order), so memory stays flat however long the bot runs.
 */
export class RecentIds {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity = 1000) {}

  /** True the first time `id` is seen (and records it); false for a repeat still remembered. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value!);
    return true;
  }
}
