/**
 * What a command may use while answering: the corpus, the state store, the clock, where the request came
 * from, and the defaults the configuration sets. Front ends (console, `ask`, Slack, the digest runner)
 * build it; commands only read it. No Slack objects: commands are pure input → Answer.
 */
import type { Corpus } from './search/corpus.ts';
import type { StateStore } from './state/types.ts';

export interface CommandContext {
  corpus: Corpus;
  /** "Now" for relative dates, "this year" and digests; injected so tests can fix it. */
  now: Date;
  /** Where the request came from: a Slack channel id, or `console`. Used by /digest. */
  channel: string;
  /** Who asks: a Slack user id; absent in the console and `ask`. Used by /watch (who set it up) and /corrections (who undid a mark). */
  user?: string;
  /** Subscriptions, digest history, ingested articles, watches and alerts, feedback and corrections. */
  store: StateStore;
  /** Time of day (HH:MM) and IANA zone for `/digest on` without them: DIGEST_TIME and DIGEST_TZ. */
  digestDefaults: { time: string; timeZone: string };
  /** Where the answer is shown; in Slack, help names `/dealdesk help` (Slack keeps `/help` for itself). Default: the console or `ask`. */
  surface?: 'slack';
}
