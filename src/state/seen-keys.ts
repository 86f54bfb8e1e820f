/**
 * "Have we seen this before?" for Slack's deliveries: a signed request replayed, an event delivered again.
 * One process keeps the keys in memory; processes sharing a database ask it (`PgStateStore.firstSeen`), so a
 * retry that reaches another replica is still recognised.
 */
export interface SeenKeys {
  /** True the first time `key` is seen (and records it); false for a repeat still remembered. */
  firstTime(key: string): Promise<boolean>;
}
