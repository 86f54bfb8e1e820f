/**
 * The default state store: JSON files under DATA_DIR, `digests.json` (subscriptions and digest logs per
 * channel), `ingested.json` (the arrival log of articles) and `watches.json` (watches and the alerts they
 * sent). Each is written atomically.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { log } from '../log.ts';
import { writeFileAtomic } from '../util/atomic-file.ts';
import { JsonDocument } from './json-document.ts';
import { FeedbackFiles, type CorrectionEntry, type FeedbackRecord, type NewCorrection } from './feedback.ts';
import {
  EMPTY_DIGEST_LOG,
  sameClaim,
  type DigestLog,
  type IngestRecord,
  type StateStore,
  subscriptionSchema,
  type Subscription,
} from './types.ts';
import { ALERT_MEMORY_DAYS, watchesFileSchema, type Alert, type Watch, type WatchesFile } from './watches.ts';

const digestLogSchema = z.object({
  lastSlot: z.string().nullable(),
  lastOutcome: z.enum(['sent', 'nothing_new', 'quiet', 'skipped', 'sending']).nullable(),
  lastSentAt: z.string().nullable(),
  coveredUntil: z.string().nullable(),
  skippedSlots: z.array(z.string()),
  claimedAt: z.string().nullable().optional(),
  claimedBy: z.string().nullable().optional(),
});

const channelSchema = z.object({ subscription: subscriptionSchema.nullable(), log: digestLogSchema });
type ChannelState = z.infer<typeof channelSchema>;

/** A channel's entry that does not hold (a time of 99:99, a zone that does not exist), as read. */
interface InvalidChannel {
  channel: string;
  entry: unknown;
  problem: string;
}

/**
 * Per channel, its subscription and digest log: an object in the file, a Map in memory. A channel id comes
 * from a request, so it never becomes a key of a plain object, where `__proto__` would reach the prototype
 * of every object (and be dropped on the next read). Each channel's entry is checked on its own: one that
 * does not hold is set apart (`quarantined`), and the others keep working.
 */
const digestsSchema = z
  .object({
    version: z.literal(1),
    channels: z.preprocess(
      (value) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : value),
      z.array(z.tuple([z.string(), z.unknown()])),
    ),
  })
  .transform(({ version, channels: entries }) => {
    const channels = new Map<string, ChannelState>();
    const quarantined: InvalidChannel[] = [];
    for (const [channel, entry] of entries) {
      const parsed = channelSchema.safeParse(entry);
      if (parsed.success) channels.set(channel, parsed.data);
      else quarantined.push({ channel, entry, problem: `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` });
    }
    return { version, channels, quarantined };
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
/** Where channel entries that do not hold are kept (by channel, with the problem and when it was found). */
export const QUARANTINE_FILE = 'digests.quarantined.json';
export const INGESTED_FILE = 'ingested.json';
export const WATCHES_FILE = 'watches.json';

export class FileStateStore implements StateStore {
  readonly shared = false;

  async holdIngestLease(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
  private readonly digests: JsonDocument<DigestsFile>;
  private readonly ingested: JsonDocument<IngestedFile>;
  private readonly watches: JsonDocument<WatchesFile>;
  private readonly feedbackLogs: FeedbackFiles;

  constructor(readonly dataDir: string) {
    this.digests = new JsonDocument(
      path.join(dataDir, DIGESTS_FILE),
      digestsSchema,
      () => ({ version: 1, channels: new Map(), quarantined: [] }),
      ({ version, channels }) => ({ version, channels: Object.fromEntries(channels) }),
    );
    this.ingested = new JsonDocument(path.join(dataDir, INGESTED_FILE), ingestedSchema, () => ({ version: 1, articles: [] }));
    this.watches = new JsonDocument(path.join(dataDir, WATCHES_FILE), watchesFileSchema, () => ({ version: 1, watches: [], alerts: [] }));
    this.feedbackLogs = new FeedbackFiles(dataDir);
  }

  async listSubscriptions(): Promise<Subscription[]> {
    return [...this.readDigests().channels.values()].flatMap((c) => (c.subscription ? [c.subscription] : []));
  }

  async getSubscription(channel: string): Promise<Subscription | null> {
    return this.readDigests().channels.get(channel)?.subscription ?? null;
  }

  async putSubscription(subscription: Subscription): Promise<void> {
    this.updateDigests((data) => {
      channelIn(data, subscription.channel).subscription = subscription;
    });
  }

  async getDigestLog(channel: string): Promise<DigestLog> {
    return this.readDigests().channels.get(channel)?.log ?? { ...EMPTY_DIGEST_LOG, skippedSlots: [] };
  }

  async putDigestLog(channel: string, digestLog: DigestLog): Promise<void> {
    this.updateDigests((data) => {
      channelIn(data, channel).log = digestLog;
    });
  }

  /** One read and write with nothing in between (synchronous): one process per folder makes it atomic. */
  async swapDigestLog(channel: string, expected: DigestLog, next: DigestLog): Promise<boolean> {
    let swapped = false;
    this.updateDigests((data) => {
      const entry = channelIn(data, channel);
      if (!sameClaim(entry.log, expected)) return;
      entry.log = next;
      swapped = true;
    });
    return swapped;
  }

  /** The digests file; channel entries that do not hold are moved to `QUARANTINE_FILE` first, once, with a log line each. */
  private readDigests(): DigestsFile {
    const data = this.digests.read();
    if (data.quarantined.length === 0) return data;
    const quarantine = path.join(this.dataDir, QUARANTINE_FILE);
    const kept = readJsonObject(quarantine);
    const at = new Date().toISOString();
    for (const { channel, entry, problem } of data.quarantined) {
      kept.set(channel, { entry, problem, at });
      log.error({ channel, problem, file: quarantine }, 'a channel’s digest settings in the state file do not hold: set apart, the other channels keep working');
    }
    writeFileAtomic(quarantine, `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`);
    this.digests.write(data);
    return { ...data, quarantined: [] };
  }

  private updateDigests(change: (data: DigestsFile) => void): void {
    const data = this.readDigests();
    change(data);
    this.digests.write(data);
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

  // Watches and the alerts they sent (`watches.json`)

  async listWatches(): Promise<Watch[]> {
    return this.watches.read().watches;
  }

  async addWatch(watch: Omit<Watch, 'id'>): Promise<Watch> {
    let added!: Watch;
    this.watches.update((data) => data.watches.push((added = { ...watch, id: nextId(data.watches) })));
    return added;
  }

  async putWatch(watch: Watch): Promise<void> {
    this.watches.update((data) => replaceById(data.watches, watch));
  }

  async claimWatch(id: number, checkedUntil: string, by: string, at: string, staleBefore: string): Promise<boolean> {
    let claimed = false;
    this.watches.update((data) => {
      const watch = data.watches.find((w) => w.id === id);
      if (!watch || watch.checkedUntil !== checkedUntil || (watch.claimedAt && watch.claimedAt >= staleBefore)) return;
      Object.assign(watch, { claimedAt: at, claimedBy: by });
      claimed = true;
    });
    return claimed;
  }

  async finishWatchCheck(id: number, by: string, checkedUntil: string): Promise<void> {
    this.watches.update((data) => {
      const watch = data.watches.find((w) => w.id === id && w.claimedBy === by);
      if (watch) Object.assign(watch, { checkedUntil, claimedAt: null, claimedBy: null });
    });
  }

  async listAlerts(): Promise<Alert[]> {
    return this.watches.read().alerts;
  }

  /** Adds the alert, forgetting those older than `ALERT_MEMORY_DAYS` before it. */
  async addAlert(alert: Omit<Alert, 'id'>): Promise<Alert> {
    let added!: Alert;
    this.watches.update((data) => {
      const forgetBefore = new Date(Date.parse(alert.at) - ALERT_MEMORY_DAYS * 86_400_000).toISOString();
      data.alerts = data.alerts.filter((a) => a.at >= forgetBefore);
      data.alerts.push((added = { ...alert, id: nextId(data.alerts) }));
    });
    return added;
  }

  async putAlert(alert: Alert): Promise<void> {
    this.watches.update((data) => replaceById(data.alerts, alert));
  }

  // Feedback and corrections (`feedback.json`, `corrections.json`, see ./feedback.ts)

  async recordFeedback(record: FeedbackRecord): Promise<void> {
    this.feedbackLogs.feedback.append(() => record);
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    return this.feedbackLogs.feedback.read();
  }

  async appendCorrection(entry: NewCorrection): Promise<CorrectionEntry> {
    return this.feedbackLogs.appendCorrection(entry);
  }

  async listCorrections(): Promise<CorrectionEntry[]> {
    return this.feedbackLogs.corrections.read();
  }
}

/** One more than the highest id in use (ids are never reused while their entry is kept). */
function nextId(entries: readonly { id: number }[]): number {
  return entries.reduce((max, e) => Math.max(max, e.id), 0) + 1;
}

function replaceById<T extends { id: number }>(entries: T[], entry: T): void {
  const at = entries.findIndex((e) => e.id === entry.id);
  if (at < 0) throw new Error(`no entry ${entry.id} to replace`);
  entries[at] = entry;
}

/** The state of `channel` in `data`, added empty if it has none. */
function channelIn(data: DigestsFile, channel: string): ChannelState {
  let entry = data.channels.get(channel);
  if (!entry) data.channels.set(channel, (entry = { subscription: null, log: { ...EMPTY_DIGEST_LOG, skippedSlots: [] } }));
  return entry;
}

/** A JSON file's object as a Map (empty when the file is missing or not an object). */
function readJsonObject(file: string): Map<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return new Map(value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : []);
  } catch {
    return new Map();
  }
}
