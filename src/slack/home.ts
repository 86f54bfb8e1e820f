/** The App Home tab: what Dealdesk can do (the `/help` answer), published whenever a user opens it. */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answer } from '../../commands/index.ts';
import type { CommandContext } from '../context.ts';
import { renderBlocks } from '../answer/blocks.ts';
import { forChannel } from './context.ts';
import { guarded } from './guard.ts';

type HomeArgs = Pick<SlackEventMiddlewareArgs<'app_home_opened'>, 'event'> & Pick<AllMiddlewareArgs, 'client'>;

export function registerHome(app: App, ctx: CommandContext): void {
  app.event('app_home_opened', homeListener(ctx));
}

export function homeListener(ctx: CommandContext) {
  return async ({ event, client }: HomeArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await guarded(
      'app_home_opened',
      async () => {
        const help = await answer('/help', forChannel(ctx, event.channel));
        await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: renderBlocks(help).blocks } });
      },
      async () => {}, // nobody to apologise to: the tab keeps its previous content, the log has the error
    );
  };
}
