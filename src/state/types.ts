/**
 * What the bot must remember across restarts: digest subscriptions, what each channel's last digest
 * covered, and when each article arrived. The shapes are plain JSON so any store can hold them.
 */
import { z } from 'zod';
import { isValidTimeZone, LOCAL_TIME } from '../config.ts';
import type { WatchStore } from './watches.ts';
import type { CorrectionEntry, FeedbackRecord, NewCorrection } from './feedback.ts';

/** A channel's daily digest subscription, as stored (and as `/digest` answers show it). */
export const subscriptionSchema = z.object({
  channel: z.string(),
  /** Local send time, `HH:MM` (24 h). */
  time: z.string().regex(LOCAL_TIME, 'not a time of day (HH:MM)'),
  /** IANA time zone of `time`, e.g. `Europe/Berlin`. */
  timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone'),
  /** Stay silent instead of posting "Nothing new" when nothing is new. */
  quiet: z.boolean(),
  active: z.boolean(),
  /** Why the subscription was switched off by the bot (e.g. `not_in_channel`); null when the user did it. */
  disabledReason: z.string().nullable(),
  /** ISO instant it was switched off (by `/digest off` or by the bot); absent in subscriptions stored before this key existed. */
  disabledAt: z.string().nullable().optional(),
  /** ISO instant of the last `/digest on`: send times at or before it are not due. */
  activeSince: z.string(),
});

export type Subscription = z.infer<typeof subscriptionSchema>;

/** What happened to one scheduled digest. `sending` = the post was started but not confirmed (a crash). */
export type DigestOutcome = 'sent' | 'nothing_new' | 'quiet' | 'skipped' | 'sending';

/** The digest history of one channel. */
export interface DigestLog {
  /** ISO instant of the last scheduled send time that was handled (sent, skipped …). */
  lastSlot: string | null;
  lastOutcome: DigestOutcome | null;
  /** ISO instant when the last digest was actually posted. */
  lastSentAt: string | null;
  /** Articles that arrived up to this instant were in a digest; the next one starts here. */
  coveredUntil: string | null;
  /** Send times missed (past the grace period) since the last digest that was posted. */
  skippedSlots: string[];
  /**
   * With `sending`: when the process posting it claimed it. Another process leaves a fresh claim alone (it is
   * being posted) and takes over one too old to be a post in progress. Absent in logs written before claims.
   */
  claimedAt?: string | null;
  /** With `sending`: the process that claimed it (a random id per process). */
  claimedBy?: string | null;
}

/**
 * The state cannot be read or written right now (the database is unreachable): what a command that needs it
 * says instead of answering, and what an answer that only reads corrections does without. Passing: the store
 * tries again at the next request.
 */
export class StateUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the state database is not reachable: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

/** What a command says when the state is unavailable. */
export const STATE_UNAVAILABLE_TEXT = "I can't reach Dealdesk's database right now, so I can't answer that. Please try again in a minute.";

/** Whether two logs are the same state for a claim: same send time, outcome and claim. */
export function sameClaim(a: DigestLog, b: DigestLog): boolean {
  return a.lastSlot === b.lastSlot && a.lastOutcome === b.lastOutcome && (a.claimedAt ?? null) === (b.claimedAt ?? null) && (a.claimedBy ?? null) === (b.claimedBy ?? null);
}

/** One article that entered the corpus, for dedupe and "new since" questions. */
export interface IngestRecord {
  /** The article's id (file name in the corpus folder). */
  article: string;
  url: string | null;
  /** Hash of the normalised text; null when the article has no body text. */
  textHash: string | null;
  /** Where it came from: a feed URL, `folder` (dropped into the corpus folder), or `cli`. */
  source: string;
  /** ISO instant when it arrived in the corpus. */
  arrivedAt: string;
}

/** The persistence the digests, ingestion and watches need. Async so that a database can stand in for the files. */
export interface StateStore extends WatchStore {
  /**
   * Whether other processes may use the same state at the same time (a database): then a claim another
   * process made may be work in progress. The files are one process's (the data-folder lock).
   */
  readonly shared: boolean;
  /**
   * Whether this process holds the ingestion lease (taking it when free): of the processes sharing the state,
   * one fetches the feeds. The files' store is one process's, so it always does.
   */
  holdIngestLease(): Promise<boolean>;
  /** Releases what the store holds (connections); the files' store holds nothing. */
  close(): Promise<void>;
  listSubscriptions(): Promise<Subscription[]>;
  getSubscription(channel: string): Promise<Subscription | null>;
  putSubscription(subscription: Subscription): Promise<void>;
  getDigestLog(channel: string): Promise<DigestLog>;
  putDigestLog(channel: string, log: DigestLog): Promise<void>;
  /**
   * Replaces the channel's log with `next` only if it is still `expected` (`sameClaim`), in one step: of
   * several processes trying the same change, exactly one succeeds (true). How a digest is claimed.
   */
  swapDigestLog(channel: string, expected: DigestLog, next: DigestLog): Promise<boolean>;
  listIngested(): Promise<IngestRecord[]>;
  /** Adds records; an article already recorded keeps its first arrival time. */
  recordIngested(records: IngestRecord[]): Promise<void>;

  // Feedback and corrections (issue 15, part 3; the shapes are in ./feedback.ts).
  /** Adds one 👍 or 👎. */
  recordFeedback(record: FeedbackRecord): Promise<void>;
  /** Every feedback record, oldest first. */
  listFeedback(): Promise<FeedbackRecord[]>;
  /** Appends a mark or an undo to the correction log, numbered next; returns it with its number. */
  appendCorrection(entry: NewCorrection): Promise<CorrectionEntry>;
  /** The whole correction log, oldest first (`activeCorrections` says which marks are in force). */
  listCorrections(): Promise<CorrectionEntry[]>;
}

export const EMPTY_DIGEST_LOG: DigestLog = {
  lastSlot: null,
  lastOutcome: null,
  lastSentAt: null,
  coveredUntil: null,
  skippedSlots: [],
};
