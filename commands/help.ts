import type { Answer, AnswerItem } from '../src/answer/model.ts';
import type { Command } from './types.ts';

/** The catch-all command: `/dealdesk help`, `/dealdesk deal openai`, `/dealdesk <question>` (see `dealdeskLine`). */
export const DEALDESK_COMMAND = { name: 'dealdesk', summary: 'Ask Dealdesk in plain words, or get help.', hint: 'help | <question>' } as const;

/**
 * `/help` (and `/dealdesk help`): what Dealdesk can do, one line per command. The list comes from the
 * registry (`index.ts`), which passes it in, so that this module needs nothing of the registry. In Slack,
 * which keeps `/help` for itself, the list names `/dealdesk help` and `/dealdesk <question>` instead.
 */
export function helpCommand(registry: () => readonly Command<any>[]): Command<{ unknown: string | null }> {
  return {
    name: 'help',
    summary: 'What Dealdesk can do.',
    usage: 'Usage: /help (in Slack: /dealdesk help)',
    hint: '',
    parse: () => ({ unknown: null }),
    run({ unknown }, { surface }): Answer {
      const commands = registry();
      const line = (name: string, hint: string, summary: string): AnswerItem => ({ text: `/${name} ${hint}`.trim(), detail: summary, citations: [] });
      const items = commands.filter((command) => surface !== 'slack' || command.name !== 'help').map((command) => line(command.name, command.hint, command.summary));
      if (surface === 'slack') items.push(line(DEALDESK_COMMAND.name, 'help', 'This list.'), line(DEALDESK_COMMAND.name, '<question>', 'Ask in plain words.'));
      const notes = [
        surface === 'slack'
          ? 'Or mention @Dealdesk in a channel or thread with a question, e.g. “how much is Amazon putting into OpenAI?”.'
          : 'Or just ask in plain words, e.g. “how much is Amazon putting into OpenAI?”.',
        'Every answer quotes its sources: outlet, date, title and the sentence.',
      ];
      return {
        command: 'help',
        title: unknown ? `I don't know the command /${unknown}. Here is what I can do:` : 'Dealdesk: who invests how much in whom in AI',
        items,
        notes,
        json: { command: 'help', commands: commands.map((c) => ({ name: c.name, usage: c.usage, summary: c.summary })) },
      };
    },
  };
}
