/**
 * `@Dealdesk <question>` in a channel or thread: the answer goes into the thread (a top-level mention
 * starts one). Inside a thread, the thread is context (see thread-context.ts). A direct message to the bot
 * (its Messages tab) is a question too: answered in the conversation, or in the thread it was asked in. An
 * answer that shows facts comes with 👍 and "👎 Wrong?" (feedback.ts) and is kept for them.
 *
 * Exactly one reply per mention: Bolt acks an event before listeners run and does not de-duplicate, so
 * - a delivery whose `event_id` was already seen is dropped, and so is one for a message already answered
 *   (same channel and `ts`, under another event id) — a bounded memory of recent ids, which only mentions
 *   by people enter (the bot's own events cannot push them out);
 * - a retry (`X-Slack-Retry-Num`, Socket Mode `retry_attempt`) is dropped unless its reason says the first
 *   delivery never reached us (`connection_failed`, `ssl_error`, `http_error`): a timed-out delivery was
 *   received and is being answered, even if this process has restarted and forgotten its id since.
 * Messages from bots, including our own, are ignored.
 */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Answerer } from '../../app/answerer.ts';
import { renderBlocks } from '../../answer/blocks.ts';
import { log } from '../../log.ts';
import type { SeenKeys } from '../../state/seen-keys.ts';
import { RecentIds } from './dedupe.ts';
import { uploadAnswerFile } from './files.ts';
import { listener } from './listener.ts';
import { sharedAnswers, type SharedAnswers } from './shared-answers.ts';
import { plainText, stripBotMention } from './text.ts';
import { fetchThread } from './thread-context.ts';

/** What a mention and a direct message share, as the listener reads them. */
interface QuestionEvent {
  text?: string;
  user?: string;
  bot_id?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  /** Messages only: edits, joins, deletions … carry one; a question typed by a person has none. */
  subtype?: string;
  channel_type?: string;
}

/** `ack` is there only as `undefined`: Bolt acked the event before any listener ran. */
type MentionArgs = Pick<SlackEventMiddlewareArgs<'app_mention'>, 'ack'> & Pick<AllMiddlewareArgs, 'context' | 'client'> & { event: QuestionEvent; body: { event_id: string } };

/** Retry reasons meaning Slack's earlier delivery never got to us, so this retry must be answered. */
const UNDELIVERED = new Set(['connection_failed', 'ssl_error', 'http_error']);

export interface MentionOptions {
  /** The deliveries seen (this process's memory, or the database's when processes share one). */
  seen?: SeenKeys;
  /** Where answers are kept for 👍 / "👎 Wrong?" (the process's, unless a test gives its own). */
  shared?: SharedAnswers;
}

export function registerMentions(app: App, answerer: Answerer, options: MentionOptions = {}): void {
  const seen = options.seen ?? new RecentIds();
  app.event('app_mention', mentionListener(answerer, { ...options, seen }));
  app.event('message', directMessageListener(answerer, { ...options, seen }));
}

/** `@Dealdesk …`: answered in the mention's thread, or in the one a top-level mention starts. */
export function mentionListener(answerer: Answerer, { seen = new RecentIds(), shared = sharedAnswers }: MentionOptions = {}) {
  return questionListener(answerer, 'app_mention', seen, shared, (event) => event.thread_ts ?? event.ts);
}

/**
 * A direct message to the bot: answered in the conversation (a top-level message gets a top-level answer,
 * as in a chat), or in its thread. Other messages the app may hear (channels, edits, joins) are left alone.
 */
export function directMessageListener(answerer: Answerer, { seen = new RecentIds(), shared = sharedAnswers }: MentionOptions = {}) {
  return questionListener(answerer, 'message.im', seen, shared, (event) => event.thread_ts, (event) => event.channel_type !== 'im' || event.subtype !== undefined);
}

/** The listener of a question in a conversation; `replyThread` says where the answer goes, `notAQuestion` drops events before any work. */
function questionListener(
  answerer: Answerer,
  what: string,
  seen: SeenKeys,
  shared: SharedAnswers,
  replyThread: (event: QuestionEvent) => string | undefined,
  notAQuestion: (event: QuestionEvent) => boolean = () => false,
) {
  const reply = (client: App['client'], event: QuestionEvent, message: { text: string; blocks?: unknown[] }) =>
    client.chat.postMessage({ channel: event.channel, ...(replyThread(event) ? { thread_ts: replyThread(event) } : {}), ...message });
  return listener<MentionArgs>(answerer, {
    what,
    channel: ({ event }) => event.channel,
    user: ({ event }) => event.user,
    ignore: async (args) => notAQuestion(args.event) || (await ignored(args, seen)),
    answer: async ({ event, context, client }, request) => {
      const question = plainText(stripBotMention(event.text ?? '', context.botUserId));
      const line = (event.thread_ts ? await lineInThread(client, answerer, event, question, context.botUserId) : question) || '/help';
      const result = await answerer.answer(line, request);
      const feedback = shared.feedbackRef(line, result);
      await reply(client, event, renderBlocks(result, feedback ? { feedback } : {}));
      const threadTs = replyThread(event);
      const failed = result.file ? await uploadAnswerFile(client, result.file, { channel: event.channel, ...(threadTs ? { threadTs } : {}) }) : null;
      if (failed) await reply(client, event, { text: failed });
    },
    apologise: ({ event, client }, text) => reply(client, event, { text }),
  });
}

/** Retries whose first delivery arrived, deliveries already seen, and messages from bots (see above). */
async function ignored({ event, body, context }: MentionArgs, seen: SeenKeys): Promise<boolean> {
  if (context.retryNum && !UNDELIVERED.has(context.retryReason ?? '')) {
    log.debug({ eventId: body.event_id, retryNum: context.retryNum, reason: context.retryReason }, 'ignoring a retried delivery');
    return true;
  }
  if (event.bot_id || !event.user || event.user === context.botUserId) return true;
  const newEvent = await seen.firstTime(body.event_id);
  const newMessage = await seen.firstTime(`${event.channel}/${event.ts}`);
  if (!newEvent || !newMessage) {
    log.debug({ eventId: body.event_id, channel: event.channel, ts: event.ts }, 'ignoring a duplicate delivery');
    return true;
  }
  return false;
}

/** The question read in its thread; if the thread cannot be read, the question as asked. */
async function lineInThread(
  client: App['client'],
  answerer: Answerer,
  event: MentionArgs['event'],
  question: string,
  botUserId: string | undefined,
): Promise<string> {
  try {
    const thread = await fetchThread(client, event.channel, event.thread_ts!);
    const earlier = thread.filter((m) => m.ts !== undefined && Number(m.ts) < Number(event.ts));
    return await answerer.threadLine(question, earlier, botUserId);
  } catch (error) {
    log.warn({ err: error, channel: event.channel }, 'could not read the thread; answering the question alone');
    return question;
  }
}
