/**
 * The message shortcut **Check with Dealdesk** (the ⋯ menu of any message): the message's text is checked
 * as `/check` does, and the answer goes into the message's thread for everyone there. Where the bot may not
 * post (a channel it is not in, a DM between people), the user gets the answer privately instead, with how
 * to invite the bot; a message with nothing to check gets its usage privately, never a thread reply.
 */
import type { App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { Answerer } from '../../app/answerer.ts';
import { renderBlocks } from '../../answer/blocks.ts';
import { log } from '../../log.ts';
import { listener } from './listener.ts';
import { sharedAnswers } from './shared-answers.ts';
import { plainText } from './text.ts';

/** The shortcut's callback id, as the manifest declares it. */
export const CHECK_SHORTCUT_ID = 'check_with_dealdesk';

type ShortcutArgs = Pick<SlackShortcutMiddlewareArgs<MessageShortcut>, 'ack' | 'shortcut' | 'respond'> & Pick<AllMiddlewareArgs, 'client'>;

/** Slack's errors for a conversation the bot cannot post to. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export function registerShortcuts(app: App, answerer: Answerer): void {
  app.shortcut<MessageShortcut>({ callback_id: CHECK_SHORTCUT_ID, type: 'message_action' }, checkShortcutListener(answerer));
}

export function checkShortcutListener(answerer: Answerer, shared = sharedAnswers) {
  return listener<ShortcutArgs>(answerer, {
    what: 'check shortcut',
    channel: ({ shortcut }) => shortcut.channel.id,
    user: ({ shortcut }) => shortcut.user.id,
    answer: async ({ shortcut, respond, client }, request) => {
      const line = `/check ${plainText(shortcut.message.text ?? '')}`;
      const result = await answerer.answer(line, request);
      if (result.error) return void (await respond({ response_type: 'ephemeral', ...renderBlocks(result) }));
      const thread = shortcut.message.thread_ts ?? shortcut.message.ts;
      const feedback = shared.feedbackRef(line, result);
      try {
        await client.chat.postMessage({ channel: shortcut.channel.id, thread_ts: thread, ...renderBlocks(result, feedback ? { feedback } : {}) });
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (!code || !CANNOT_POST.has(code)) throw error;
        log.info({ channel: shortcut.channel.id, error: code }, 'cannot post the check in the thread: answered privately');
        await respond({ response_type: 'ephemeral', ...renderBlocks({ ...result, notes: [...result.notes, NOT_HERE] }, feedback ? { feedback } : {}) });
      }
    },
    apologise: ({ respond }, text) => respond({ response_type: 'ephemeral', text }),
  });
}

/** Said under a check answered privately because the bot cannot post in the conversation. */
export const NOT_HERE = 'Only you can see this: I am not in this conversation. Invite me with /invite @Dealdesk to answer in the thread.';
