/**
 * Sends the digests that are due. Called on a ticker (and once at start-up), it works from the state store
 * alone, so a restart neither repeats nor silently drops a digest:
 *
 * - the latest send time of each active subscription is due unless its log already handled it;
 * - a send time more than the grace period late (the bot was down) is recorded as skipped and logged; the
 *   next digest covers its articles and says so;
 * - before posting, the send time is claimed: the log is swapped to `sending` (with when) only if it is still
 *   what this process read (`swapDigestLog`), so of several processes on one database exactly one posts it;
 *   only a confirmed post advances what the channel has seen — a crash mid-post never causes a second post.
 *   A claim older than `ABANDONED_AFTER_MS` is a post that died with its process: it is logged and recorded
 *   as skipped, and the next digest covers its articles and says so; a fresher one is another process at work;
 * - `not_in_channel` / `channel_not_found` disable that subscription; other errors are retried at the
 *   next tick (while within the grace period); rate limits are retried by the Slack Web API client.
 */
import { randomUUID } from 'node:crypto';
import type { PostAnswer } from '../answer/model.ts';
import { log } from '../log.ts';
import type { Corpus } from '../search/corpus.ts';
import type { DigestLog, StateStore, Subscription } from '../state/types.ts';
import { collectDigest, coverableUntil, isEmpty } from './collect.ts';
import { digestAnswer } from './compose.ts';
import { correctionsIn } from '../answer/corrections.ts';
import { parseLocalTime, previousRunAt } from './schedule.ts';
import { isWeeklyChartDay, withWeeklyFlow } from './weekly-flow.ts';

/** What a tick did for one channel. */
export interface DigestRun {
  channel: string;
  slot: string;
  outcome: 'sent' | 'nothing_new' | 'quiet' | 'skipped' | 'disabled' | 'failed';
}

/** Slack errors that mean the bot can no longer post to the channel. */
const CHANNEL_GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** The first digest of a new subscription covers the day before it. */
const FIRST_DIGEST_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/**
 * A `sending` claim older than this is a post whose process died: no post takes so long, even with Slack's
 * rate-limit retries.
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;

export interface DigestRunnerOptions {
  store: StateStore;
  corpus: Corpus;
  post: PostAnswer;
  graceMs: number;
}

export class DigestRunner {
  /** This process's name in its claims. */
  private readonly instance = randomUUID();

  constructor(private readonly options: DigestRunnerOptions) {}

  /** Handles every subscription whose send time has come; one failing channel never stops the others. */
  async tick(now: Date): Promise<DigestRun[]> {
    const runs: DigestRun[] = [];
    for (const subscription of await this.options.store.listSubscriptions()) {
      if (!subscription.active) continue;
      try {
        const run = await this.runChannel(subscription, now);
        if (run) runs.push(run);
      } catch (error) {
        log.error({ channel: subscription.channel, err: error }, 'digest run failed');
      }
    }
    return runs;
  }

  private async runChannel(subscription: Subscription, now: Date): Promise<DigestRun | null> {
    const { store, corpus, post, graceMs } = this.options;
    const { channel, timeZone } = subscription;
    const time = parseLocalTime(subscription.time);
    if (!time) {
      log.error({ channel, time: subscription.time }, 'subscription has an invalid time; not sending');
      return null;
    }
    const slot = previousRunAt(time, timeZone, now);
    if (slot.getTime() <= Date.parse(subscription.activeSince)) return null;
    let previous = await store.getDigestLog(channel);
    if (previous.lastOutcome === 'sending' && previous.lastSlot) {
      // Being posted by another process on a shared store while its claim is fresh; else abandoned: by a
      // process that stopped mid-post, or by this one when the database failed it between post and record
      // (ticks run one at a time, so no post of this process is in progress now).
      const fresh = previous.claimedAt !== undefined && previous.claimedAt !== null && now.getTime() - Date.parse(previous.claimedAt) < ABANDONED_AFTER_MS;
      if (store.shared && fresh && previous.claimedBy !== this.instance) return null;
      const abandoned: DigestLog = { ...previous, lastOutcome: 'skipped', skippedSlots: [...previous.skippedSlots, previous.lastSlot], claimedAt: null, claimedBy: null };
      if (!(await store.swapDigestLog(channel, previous, abandoned))) return null;
      log.warn({ channel, slot: previous.lastSlot }, 'a digest was being posted when its process stopped and may not have arrived: the next digest covers its articles and says so');
      previous = abandoned;
    }
    if (previous.lastSlot && Date.parse(previous.lastSlot) >= slot.getTime()) return null;
    const slotIso = slot.toISOString();

    if (now.getTime() - slot.getTime() > graceMs) {
      const skipped: DigestLog = { ...previous, lastSlot: slotIso, lastOutcome: 'skipped', skippedSlots: [...previous.skippedSlots, slotIso], claimedAt: null, claimedBy: null };
      if (!(await store.swapDigestLog(channel, previous, skipped))) return null;
      log.warn({ channel, slot: slotIso, lateMinutes: Math.round((now.getTime() - slot.getTime()) / 60_000) }, 'digest missed by more than the grace period: skipped, the next one covers it');
      return { channel, slot: slotIso, outcome: 'skipped' };
    }

    const since = digestSince(subscription, previous);
    const arrivals = await store.listIngested();
    // What another process recorded but this one has not read yet waits for the next digest.
    const until = coverableUntil(corpus, arrivals, since, now);
    const content = collectDigest(corpus, arrivals, since, until);
    const delivered: DigestLog = {
      lastSlot: slotIso,
      lastOutcome: isEmpty(content) ? (subscription.quiet ? 'quiet' : 'nothing_new') : 'sent',
      lastSentAt: now.toISOString(),
      coveredUntil: until.toISOString(),
      skippedSlots: [],
    };
    if (delivered.lastOutcome === 'quiet') {
      if (!(await store.swapDigestLog(channel, previous, { ...delivered, lastSentAt: previous.lastSentAt }))) return null;
      return { channel, slot: slotIso, outcome: 'quiet' };
    }

    const alertsSent = (await store.listAlerts()).filter((a) => a.channel === channel && Date.parse(a.at) > since.getTime()).length;
    const corrections = await correctionsIn(store);
    const digest = digestAnswer(corpus, content, { channel, timeZone, skippedSlots: previous.skippedSlots, alertsSent, corrections });
    const answer = isWeeklyChartDay(slot, timeZone)
      ? await withWeeklyFlow(digest, corpus, arrivals, until, corrections).catch((error: unknown) => {
          log.warn({ channel, err: error }, "could not draw Monday's chart; the digest goes without it");
          return digest;
        })
      : digest;
    // The claim: of several processes, the one whose swap succeeds posts.
    const claimed: DigestLog = { ...previous, lastSlot: slotIso, lastOutcome: 'sending', claimedAt: now.toISOString(), claimedBy: this.instance };
    if (!(await store.swapDigestLog(channel, previous, claimed))) return null;
    try {
      await post(channel, answer);
    } catch (error) {
      await store.swapDigestLog(channel, claimed, previous);
      const code = slackErrorCode(error);
      if (code && CHANNEL_GONE.has(code)) {
        await store.putSubscription({ ...subscription, active: false, disabledReason: code, disabledAt: now.toISOString() });
        log.warn({ channel, error: code }, 'cannot post to the channel any more: digest subscription disabled');
        return { channel, slot: slotIso, outcome: 'disabled' };
      }
      log.error({ channel, slot: slotIso, err: error }, 'posting the digest failed; retrying at the next tick');
      return { channel, slot: slotIso, outcome: 'failed' };
    }
    await store.swapDigestLog(channel, claimed, delivered);
    log.info({ channel, slot: slotIso, outcome: delivered.lastOutcome, articles: content.articles.length }, 'digest posted');
    return { channel, slot: slotIso, outcome: delivered.lastOutcome as 'sent' | 'nothing_new' };
  }
}

/** Where the channel's next digest starts: after the last one posted, or a day before it subscribed. */
export function digestSince(subscription: Subscription, digestLog: DigestLog): Date {
  if (digestLog.coveredUntil) return new Date(digestLog.coveredUntil);
  return new Date(Date.parse(subscription.activeSince) - FIRST_DIGEST_LOOKBACK_MS);
}

/** The Web API error code (`not_in_channel` …) of a failed Slack call, if it is one. */
export function slackErrorCode(error: unknown): string | null {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}
