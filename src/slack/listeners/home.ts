/**
 * The App Home tab, published whenever a user opens it, so it is never stale: their watches, the digests,
 * the week's biggest deals, questions to try and what Dealdesk can do (src/app/home.ts), each section
 * rendered like an answer, a divider between them, within a Home view's 100 blocks.
 */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Answerer } from '../../app/answerer.ts';
import { renderBlocks } from '../../answer/blocks.ts';
import { listener } from './listener.ts';

/** `ack` is there only as `undefined`: Bolt acked the event before any listener ran. */
type HomeArgs = Pick<SlackEventMiddlewareArgs<'app_home_opened'>, 'event' | 'ack'> & Pick<AllMiddlewareArgs, 'client'>;

/** The most blocks a Home view holds. */
const HOME_BLOCKS = 100;

export function registerHome(app: App, answerer: Answerer): void {
  app.event('app_home_opened', homeListener(answerer));
}

export function homeListener(answerer: Answerer) {
  return listener<HomeArgs>(answerer, {
    what: 'app_home_opened',
    channel: ({ event }) => event.channel,
    ignore: ({ event }) => event.tab !== 'home',
    answer: async ({ event, client }, request) => {
      const sections = await answerer.home({ ...request, user: event.user });
      const blocks = sections.flatMap((section, i) => [...(i ? [{ type: 'divider' as const }] : []), ...renderBlocks(section).blocks]);
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS) } });
    },
    apologise: async () => {}, // nobody to apologise to: the tab keeps its previous content, the log has the error
  });
}
