/**
 * Every listener of the app, one module per surface, each with its own `register…(app, answerer)`:
 *
 * | module        | surface                                            |
 * | ------------- | -------------------------------------------------- |
 * | `commands.ts` | slash commands: one per registry command, `/dealdesk` |
 * | `mentions.ts` | `@Dealdesk` in channels and threads; direct messages |
 * | `shortcuts.ts`| the message shortcut **Check with Dealdesk**         |
 * | `actions.ts`  | the **Share in channel** button                     |
 * | `feedback.ts` | 👍, "👎 Wrong?" and its form (corrections)          |
 * | `home.ts`     | the App Home tab                                    |
 *
 * Each listener is built with `listener()` (listener.ts), which acks, gives the request its context and
 * guards it with an apology, so no surface does that itself.
 */
import type { App } from '@slack/bolt';
import type { Answerer } from '../../app/answerer.ts';
import { registerActions } from './actions.ts';
import { registerCommands } from './commands.ts';
import { registerFeedback } from './feedback.ts';
import { registerHome } from './home.ts';
import { registerMentions, type MentionOptions } from './mentions.ts';
import { registerShortcuts } from './shortcuts.ts';

/** What the listeners take besides the context (tests: a fresh dedupe memory, the company-name finder). */
export type ListenerOptions = MentionOptions;

export function registerListeners(app: App, answerer: Answerer, options: ListenerOptions = {}): void {
  registerCommands(app, answerer);
  registerMentions(app, answerer, options);
  registerActions(app, answerer);
  registerFeedback(app, answerer);
  registerShortcuts(app, answerer);
  registerHome(app, answerer);
}
