/** The App Home tab: what Dealdesk can do (the `/help` answer), published whenever a user opens it. */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Answerer } from '../../app/answerer.ts';
import { renderBlocks } from '../../answer/blocks.ts';
import { listener } from './listener.ts';

/** `ack` is there only as `undefined`: Bolt acked the event before any listener ran. */
type HomeArgs = Pick<SlackEventMiddlewareArgs<'app_home_opened'>, 'event' | 'ack'> & Pick<AllMiddlewareArgs, 'client'>;

export function registerHome(app: App, answerer: Answerer): void {
  app.event('app_home_opened', homeListener(answerer));
}

export function homeListener(answerer: Answerer) {
  return listener<HomeArgs>(answerer, {
    what: 'app_home_opened',
    channel: ({ event }) => event.channel,
    ignore: ({ event }) => event.tab !== 'home',
    answer: async ({ event, client }, request) => {
      const help = await answerer.answer('/help', request);
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: renderBlocks(help).blocks } });
    },
    apologise: async () => {}, // nobody to apologise to: the tab keeps its previous content, the log has the error
  });
}
