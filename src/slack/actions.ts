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
import { answer } from '../../commands/index.ts';
import type { CommandContext } from '../context.ts';
import { LIMITS, renderBlocks, SHARE_ACTION_ID } from '../answer/blocks.ts';
import { forChannel } from './context.ts';
import { guarded } from './guard.ts';

type ShareArgs = Pick<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>, 'ack' | 'body' | 'action' | 'respond'>;

const payloadSchema = z.object({ line: z.string().min(1).max(LIMITS.buttonValue) });

export function registerShare(app: App, ctx: CommandContext): void {
  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, shareListener(ctx));
}

export function shareListener(ctx: CommandContext) {
  return async ({ ack, body, action, respond }: ShareArgs): Promise<void> => {
    await ack();
    await guarded(
      'share',
      async () => {
        const { line } = payloadSchema.parse(JSON.parse(action.value ?? ''));
        const result = await answer(line, forChannel(ctx, body.channel?.id ?? body.user.id));
        await respond({ response_type: 'in_channel', replace_original: false, ...renderBlocks(result, { sharedBy: body.user.id }) });
      },
      (text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
    );
  };
}
