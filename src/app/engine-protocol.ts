/**
 * The messages between the Slack thread and the engine thread (engine-thread.ts, engine-worker.ts). Every
 * request carries an id; its reply carries the same id. Only plain data crosses: answers, lines, errors as
 * `{ message, stack, slackError }`.
 */
import type { Answer } from '../answer/model.ts';
import type { Config } from '../config.ts';
import type { ThreadMessage } from '../slack/listeners/thread-context.ts';
import type { FeedbackInput } from '../state/feedback.ts';
import type { FeedbackReceipt } from './feedback.ts';

/** What the engine needs of the configuration: the folders, the digest defaults, ingestion, the database (no Slack secret). */
export type EngineConfig = Pick<
  Config,
  | 'corpusDir'
  | 'indexDir'
  | 'dataDir'
  | 'entitiesFile'
  | 'DIGEST_TIME'
  | 'DIGEST_TZ'
  | 'FEEDS'
  | 'INGEST_INTERVAL_S'
  | 'DIGEST_GRACE_HOURS'
> &
  Partial<Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>>;

/** The engine's part of `config`, picked (so no Slack secret is copied to the worker). */
export function engineConfigOf(config: EngineConfig): EngineConfig {
  const { corpusDir, indexDir, dataDir, entitiesFile, DIGEST_TIME, DIGEST_TZ, FEEDS, INGEST_INTERVAL_S, DIGEST_GRACE_HOURS, DATABASE_URL, DATABASE_POOL_SIZE } = config;
  return { corpusDir, indexDir, dataDir, entitiesFile, DIGEST_TIME, DIGEST_TZ, FEEDS, INGEST_INTERVAL_S, DIGEST_GRACE_HOURS, DATABASE_URL, DATABASE_POOL_SIZE };
}

/** The engine's `workerData`. */
export interface EngineSetup {
  config: EngineConfig;
  /** Serve this snapshot instead of the corpus folder's (the benchmark), without background jobs. */
  snapshot?: { file: string; fingerprint: string };
}

/** A failure, as plain data; `slackError` keeps a Web API error code (`not_in_channel`) for the digest runner. */
export interface WireError {
  message: string;
  stack?: string;
  slackError?: string;
}

/** Slack thread → engine. */
export type ToEngine =
  | { type: 'answer'; id: number; line: string; channel: string; now: string; surface?: 'slack'; user?: string }
  | { type: 'threadLine'; id: number; question: string; earlier: ThreadMessage[]; botUserId?: string }
  | { type: 'home'; id: number; user: string; channel: string; now: string }
  | { type: 'feedback'; id: number; feedback: FeedbackInput; now: string }
  | { type: 'startJobs' }
  | { type: 'posted'; id: number; ts?: string; error?: WireError }
  | { type: 'stop' };

/** Engine → Slack thread. */
export type FromEngine =
  | { type: 'ready'; articles: number }
  | { type: 'answered'; id: number; answer: Answer }
  | { type: 'line'; id: number; line: string }
  | { type: 'home'; id: number; sections: Answer[] }
  | { type: 'recorded'; id: number; receipt: FeedbackReceipt }
  | { type: 'failed'; id: number; error: WireError }
  | { type: 'post'; id: number; channel: string; answer: Answer; threadTs?: string }
  | { type: 'stopped' };

export function toWire(error: unknown): WireError {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return {
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
    slackError: typeof data?.error === 'string' ? data.error : undefined,
  };
}

/** The error again, with its Web API code where `slackErrorCode` (digest runner) looks for it. */
export function fromWire(wire: WireError): Error {
  const error = Object.assign(new Error(wire.message), wire.slackError ? { data: { error: wire.slackError } } : {});
  if (wire.stack) error.stack = wire.stack;
  return error;
}
