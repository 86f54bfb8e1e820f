/**
 * Sends a question in plain words to the command that answers it. Commands register no intent here yet
 * beyond search: everything that is not recognised is searched with /news.
 */
import { news } from './news.ts';
import type { Command, CommandContext } from './types.ts';

export interface Route {
  command: Command<any>;
  text: string;
}

export function routeFreeText(text: string, _ctx: CommandContext): Route {
  return { command: news, text };
}
