/**
 * The command registry and the router. Slack, the console and `ask` all go through `answer()`:
 * `/name text` runs that command; free text is routed to the command its intent calls for.
 */
import { errorAnswer, type Answer } from '../src/answer/model.ts';
import { check } from './check.ts';
import { corrections } from './corrections.ts';
import { deal } from './deal.ts';
import { digest } from './digest.ts';
import { facts } from './facts.ts';
import { DEALDESK_COMMAND, helpCommand } from './help.ts';
import { news } from './news.ts';
import { number } from './number.ts';
import { routeFreeText } from './router.ts';
import { watch } from './watch.ts';
import { UsageError, type Command } from './types.ts';
import type { CommandContext } from '../src/context.ts';
import { STATE_UNAVAILABLE_TEXT, StateUnavailableError } from '../src/state/types.ts';

const help = helpCommand(() => commands);

export const commands: readonly Command<any>[] = [deal, number, facts, news, check, digest, watch, corrections, help];

export function findCommand(name: string): Command<any> | undefined {
  const wanted = name.toLowerCase();
  return commands.find((command) => command.name === wanted);
}

/**
 * Runs one command on its argument text; bad input becomes a usage answer, never an exception, and so does a
 * state database that cannot be reached (the command says so; the next request tries it again).
 */
export async function runCommand(command: Command<any>, text: string, ctx: CommandContext): Promise<Answer> {
  let args: unknown;
  try {
    args = command.parse(text);
  } catch (error) {
    if (error instanceof UsageError) return errorAnswer(command.name, error.message, command.usage);
    throw error;
  }
  try {
    return await command.run(args, ctx);
  } catch (error) {
    if (error instanceof StateUnavailableError) return errorAnswer(command.name, STATE_UNAVAILABLE_TEXT, 'Nothing was changed.');
    throw error;
  }
}

/** Answers one line of input: a slash command (`/dealdesk …` too), or a question in plain words. */
export async function answer(line: string, ctx: CommandContext): Promise<Answer> {
  const trimmed = line.trim();
  const slash = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!slash) {
    const routed = routeFreeText(trimmed, ctx);
    return runCommand(findCommand(routed.command)!, routed.text, ctx);
  }
  const [, name, rest] = slash;
  if (name!.toLowerCase() === DEALDESK_COMMAND.name) return answer(dealdeskLine(rest!), ctx);
  const command = findCommand(name!);
  if (!command) {
    // The list of commands, as an error (`ask` exits 2, as for any bad input; the JSON is the error contract).
    const list = await help.run({ unknown: name! }, ctx);
    const error = `I don't know the command /${name}.`;
    return { ...list, error, json: { command: 'help', error } };
  }
  return runCommand(command, rest!, ctx);
}

/** `/dealdesk` text → the line to answer: empty or `help` → `/help`, `deal openai` → `/deal openai`, else a question as typed. */
export function dealdeskLine(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '/help';
  const first = trimmed.split(/\s/, 1)[0]!;
  return findCommand(first) ? `/${trimmed}` : trimmed;
}
