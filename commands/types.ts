import type { ZodType } from 'zod';
import type { Answer } from '../src/answer/model.ts';
import type { CommandContext } from '../src/context.ts';

/**
 * One user-facing command. `parse` validates the raw text after the command name (zod inside) and throws
 * `UsageError` for bad input; `run` turns parsed arguments into an Answer.
 */
export interface Command<Args = unknown> {
  name: string;
  /** One line for /help and the Slack manifest. */
  summary: string;
  /** Usage text with examples, shown on bad input. */
  usage: string;
  /** Short hint for Slack's slash-command box, e.g. `<company> [other company]`. */
  hint: string;
  parse(text: string): Args;
  run(args: Args, ctx: CommandContext): Answer | Promise<Answer>;
}

export class UsageError extends Error {}

/** Validates command input with a zod schema; its first complaint becomes the UsageError the user sees. */
export function parseArgs<T>(schema: ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
  return parsed.data;
}
