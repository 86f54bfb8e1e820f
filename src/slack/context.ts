import type { CommandContext } from '../context.ts';

/**
 * The command context for one Slack request: its channel, and `now` fixed when the request arrived
 * (spreading reads the `now` getter once). Other fields are kept as they are.
 */
export function forChannel(ctx: CommandContext, channel: string): CommandContext {
  return { ...ctx, now: ctx.now, channel };
}
