/**
 * The default state store: two JSON files under DATA_DIR, `digests.json` (subscriptions and digest logs
 * per channel) and `ingested.json` (the arrival log of articles). Each is written atomically.
 */
import path from 'node:path';
import { z } from 'zod';
import { JsonDocument } from './json-document.ts';
import {
  EMPTY_DIGEST_LOG,
  type DigestLog,
  type IngestRecord,
  type StateStore,
  subscriptionSchema,
  type Subscription,
} from './types.ts';

const digestLogSchema = z.object({
  lastSlot: z.string().nullable(),
  lastOutcome: z.enum(['sent', 'nothing_new', 'quiet', 'skipped', 'sending']).nullable(),
  lastSentAt: z.string().nullable(),
  coveredUntil: z.string().nullable(),
  skippedSlots: z.array(z.string()),
});

const digestsSchema = z.object({
  version: z.literal(1),
  channels: z.record(
    z.string(),
    z.object({ subscription: subscriptionSchema.nullable(), log: digestLogSchema }),
  ),
});
type DigestsFile = z.infer<typeof digestsSchema>;

const ingestedSchema = z.object({
  version: z.literal(1),
  articles: z.array(
    z.object({
      article: z.string(),
      url: z.string().nullable(),
      textHash: z.string().nullable(),
      source: z.string(),
      arrivedAt: z.string(),
    }),
  ),
});
type IngestedFile = z.infer<typeof ingestedSchema>;

export const DIGESTS_FILE = 'digests.json';
export const INGESTED_FILE = 'ingested.json';

export class FileStateStore implements StateStore {
  private readonly digests: JsonDocument<DigestsFile>;
  private readonly ingested: JsonDocument<IngestedFile>;

  constructor(readonly dataDir: string) {
    this.digests = new JsonDocument(path.join(dataDir, DIGESTS_FILE), digestsSchema, () => ({ version: 1, channels: {} }));
    this.ingested = new JsonDocument(path.join(dataDir, INGESTED_FILE), ingestedSchema, () => ({ version: 1, articles: [] }));
  }

  async listSubscriptions(): Promise<Subscription[]> {
    return Object.values(this.digests.read().channels).flatMap((c) => (c.subscription ? [c.subscription] : []));
  }

  async getSubscription(channel: string): Promise<Subscription | null> {
    return this.digests.read().channels[channel]?.subscription ?? null;
  }

  async putSubscription(subscription: Subscription): Promise<void> {
    this.digests.update((data) => {
      const entry = (data.channels[subscription.channel] ??= { subscription: null, log: { ...EMPTY_DIGEST_LOG } });
      entry.subscription = subscription;
    });
  }

  async getDigestLog(channel: string): Promise<DigestLog> {
    return this.digests.read().channels[channel]?.log ?? { ...EMPTY_DIGEST_LOG, skippedSlots: [] };
  }

  async putDigestLog(channel: string, digestLog: DigestLog): Promise<void> {
    this.digests.update((data) => {
      const entry = (data.channels[channel] ??= { subscription: null, log: { ...EMPTY_DIGEST_LOG } });
      entry.log = digestLog;
    });
  }

  async listIngested(): Promise<IngestRecord[]> {
    return this.ingested.read().articles;
  }

  async recordIngested(records: IngestRecord[]): Promise<void> {
    if (records.length === 0) return;
    this.ingested.update((data) => {
      const known = new Set(data.articles.map((r) => r.article));
      for (const record of records) {
        if (known.has(record.article)) continue;
        known.add(record.article);
        data.articles.push(record);
      }
    });
  }
}
