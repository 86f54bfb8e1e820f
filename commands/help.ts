import type { Answer } from '../src/answer/model.ts';
import type { Command } from './types.ts';

/**
 * `/help`: what Dealdesk can do, one line per command. The list comes from the registry (`index.ts`), which
 * passes it in, so that this module needs nothing of the registry.
 */
export function helpCommand(registry: () => readonly Command<any>[]): Command<{ unknown: string | null }> {
  return {
    name: 'help',
    summary: 'What Dealdesk can do.',
    usage: 'Usage: /help',
    hint: '',
    parse: () => ({ unknown: null }),
    run({ unknown }): Answer {
      const commands = registry();
      const notes = [
        'Or just ask in plain words, e.g. “how much is Amazon putting into OpenAI?”.',
        'Every answer quotes its sources: outlet, date, title and the sentence.',
      ];
      return {
        command: 'help',
        title: unknown ? `I don't know the command /${unknown}. Here is what I can do:` : 'Dealdesk: who invests how much in whom in AI',
        items: commands.map((command) => ({ text: `/${command.name} ${command.hint}`.trim(), detail: command.summary, citations: [] })),
        notes,
        json: { command: 'help', commands: commands.map((c) => ({ name: c.name, usage: c.usage, summary: c.summary })) },
      };
    },
  };
}
