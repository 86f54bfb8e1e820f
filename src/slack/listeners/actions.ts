/**
 * The "Share in channel" button of an ephemeral answer: the answer the user saw (kept by `SharedAnswers`,
 * never the command run again) is posted for everyone, saying who shared it, with 👍 and "👎 Wrong?". An answer no longer kept (an
 * hour later, or after a restart) is not re-run: the user is asked, privately, to ask again.
 *
 * It posts through the action's `response_url` (`response_type: in_channel`) rather than
 * `chat.postMessage`: that works in every channel where the slash command worked — private channels and
 * DMs included — without the bot being a member and without the `chat:write.public` scope.
 */
import type { App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Answerer } from '../../app/answerer.ts';
import { renderBlocks, SHARE_ACTION_ID } from '../../answer/blocks.ts';
import { listener } from './listener.ts';
import { readAnswerRef, sharedAnswers } from './shared-answers.ts';

type ShareArgs = Pick<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>, 'ack' | 'body' | 'action' | 'respond'>;

/** What the button answers when the answer is no longer kept. */
export const SHARE_EXPIRED_TEXT = 'That answer can no longer be shared (answers are kept for an hour, and not across restarts). Ask again, then share the new answer.';

export function registerActions(app: App, answerer: Answerer): void {
  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, shareListener(answerer));
}

/** Acks at once, then posts the kept answer for the channel; an expired one or an apology is ephemeral. */
export function shareListener(answerer: Answerer, shared = sharedAnswers) {
  return listener<ShareArgs>(answerer, {
    what: 'share',
    channel: ({ body }) => body.channel?.id ?? body.user.id,
    user: ({ body }) => body.user.id,
    answer: async ({ body, action, respond }) => {
      const ref = readAnswerRef(action.value);
      const kept = shared.get(ref.id);
      if (!kept) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: SHARE_EXPIRED_TEXT }));
      // Everyone in the channel may then say whether it helped, or what is wrong in it.
      await respond({ response_type: 'in_channel', replace_original: false, ...renderBlocks(kept, { sharedBy: body.user.id, feedback: ref }) });
    },
    apologise: ({ respond }, text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
  });
}
