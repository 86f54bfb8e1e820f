/**
 * The "Share in channel" button of an ephemeral answer: the stored command line is answered again (fresh
 * data) and posted for everyone, saying who shared it.
 *
 * It posts through the action's `response_url` (`response_type: in_channel`) rather than
 * `chat.postMessage`: that works in every channel where the slash command worked — private channels and
 * DMs included — without the bot being a member and without the `chat:write.public` scope.
 */
import type { App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Answerer } from '../../app/answerer.ts';
import { LIMITS, renderBlocks, SHARE_ACTION_ID } from '../../answer/blocks.ts';
import { listener } from './listener.ts';

type ShareArgs = Pick<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>, 'ack' | 'body' | 'action' | 'respond'>;

const payloadSchema = z.object({ line: z.string().min(1).max(LIMITS.buttonValue) });

export function registerActions(app: App, answerer: Answerer): void {
  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, shareListener(answerer));
}

/** Acks at once, then answers the button's stored line for the channel; an apology is ephemeral. */
export function shareListener(answerer: Answerer) {
  return listener<ShareArgs>(answerer, {
    what: 'share',
    channel: ({ body }) => body.channel?.id ?? body.user.id,
    answer: async ({ body, action, respond }, request) => {
      const { line } = payloadSchema.parse(JSON.parse(action.value ?? ''));
      const result = await answerer.answer(line, request);
      await respond({ response_type: 'in_channel', replace_original: false, ...renderBlocks(result, { sharedBy: body.user.id }) });
    },
    apologise: ({ respond }, text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
  });
}
