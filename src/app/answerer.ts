/**
 * What the Slack listeners ask of the product: an answer to a command line, the line a question in a thread
 * stands for, and to store feedback on an answer. Two implementations: `inProcess` answers on the calling thread (tests, and anything
 * that has the corpus at hand); `EngineThread` (engine-thread.ts) answers on a worker thread that holds the
 * corpus, so the thread that receives Slack's requests and acks them never computes an answer.
 */
import { answer } from '../../commands/index.ts';
import type { Answer } from '../answer/model.ts';
import type { CommandContext } from '../context.ts';
import type { FeedbackInput } from '../state/feedback.ts';
import { threadLine, type ThreadMessage } from '../slack/listeners/thread-context.ts';
import { homeSections } from './home.ts';
import { recordFeedback, type FeedbackReceipt } from './feedback.ts';

/** Who asks, and when: what a request adds to the answering context. */
export interface AnswerRequest {
  /** The Slack channel (or user, for a DM) the request came from. */
  channel: string;
  /** When the request arrived: "now" for its relative dates. */
  now: Date;
  surface?: 'slack';
  /** Who asks (a Slack user id), where known: `/watch` remembers who set a watch up. */
  user?: string;
}

export interface Answerer {
  /** The time now, as the answers see it (a test's context may fix it). */
  now(): Date;
  /** The answer to `line` ("/deal openai", a question in plain words) for `request`. */
  answer(line: string, request: AnswerRequest): Promise<Answer>;
  /** The line `question` stands for after the thread messages `earlier` (see `threadLine`). */
  threadLine(question: string, earlier: ThreadMessage[], botUserId: string | undefined): Promise<string>;
  /** The sections of the App Home tab of the user `request.user` (see home.ts). */
  home(request: AnswerRequest & { user: string }): Promise<Answer[]>;
  /** Stores a 👍 or 👎 given at `now` (and a correction, when marked for everyone). */
  recordFeedback(feedback: FeedbackInput, now: Date): Promise<FeedbackReceipt>;
}

/** Answers with `ctx` on the calling thread. */
export function inProcess(ctx: CommandContext): Answerer {
  return {
    now: () => ctx.now,
    answer: (line, request) => answer(line, { ...ctx, ...request }),
    threadLine: async (question, earlier, botUserId) => threadLine(question, earlier, botUserId, (text) => ctx.corpus.facts.names.find(text)),
    home: (request) => homeSections({ ...ctx, ...request }, request.user),
    recordFeedback: (feedback, now) => recordFeedback(ctx.store, feedback, now),
  };
}
