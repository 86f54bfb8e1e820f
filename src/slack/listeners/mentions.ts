/**
 * `@Dealdesk <question>` in a channel or thread: the answer goes into the thread (a top-level mention
 * starts one). Inside a thread, the thread is context (see thread-context.ts).
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
import { RecentIds } from './dedupe.ts';
import { uploadAnswerFile } from './files.ts';
import { listener } from './listener.ts';
import { plainText, stripBotMention } from './text.ts';
import { fetchThread } from './thread-context.ts';

/** `ack` is there only as `undefined`: Bolt acked the event before any listener ran. */
type MentionArgs = Pick<SlackEventMiddlewareArgs<'app_mention'>, 'event' | 'body' | 'ack'> & Pick<AllMiddlewareArgs, 'context' | 'client'>;

/** Retry reasons meaning Slack's earlier delivery never got to us, so this retry must be answered. */
const UNDELIVERED = new Set(['connection_failed', 'ssl_error', 'http_error']);

export interface MentionOptions {
  seen?: RecentIds;
}

export function registerMentions(app: App, answerer: Answerer, options: MentionOptions = {}): void {
  app.event('app_mention', mentionListener(answerer, options));
}

export function mentionListener(answerer: Answerer, { seen = new RecentIds() }: MentionOptions = {}) {
  return listener<MentionArgs>(answerer, {
    what: 'app_mention',
    channel: ({ event }) => event.channel,
    ignore: (args) => ignored(args, seen),
    answer: async ({ event, context, client }, request) => {
      const question = plainText(stripBotMention(event.text, context.botUserId));
      const line = event.thread_ts ? await lineInThread(client, answerer, event, question, context.botUserId) : question;
      const result = await answerer.answer(line || '/help', request);
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadOf(event), ...renderBlocks(result) });
      const failed = result.file ? await uploadAnswerFile(client, result.file, { channel: event.channel, threadTs: threadOf(event) }) : null;
      if (failed) await client.chat.postMessage({ channel: event.channel, thread_ts: threadOf(event), text: failed });
    },
    apologise: ({ event, client }, text) => client.chat.postMessage({ channel: event.channel, thread_ts: threadOf(event), text }),
  });
}

/** The thread the reply goes into: the mention's thread, or the one a top-level mention starts. */
function threadOf(event: MentionArgs['event']): string {
  return event.thread_ts ?? event.ts;
}

/** Retries whose first delivery arrived, deliveries already seen, and messages from bots (see above). */
function ignored({ event, body, context }: MentionArgs, seen: RecentIds): boolean {
  if (context.retryNum && !UNDELIVERED.has(context.retryReason ?? '')) {
    log.debug({ eventId: body.event_id, retryNum: context.retryNum, reason: context.retryReason }, 'ignoring a retried delivery');
    return true;
  }
  if (event.bot_id || !event.user || event.user === context.botUserId) return true;
  const newEvent = seen.firstTime(body.event_id);
  const newMessage = seen.firstTime(`${event.channel}/${event.ts}`);
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
