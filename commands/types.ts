import type { ZodType } from 'zod';
import type { Answer } from '../src/answer/model.ts';
import type { Corpus } from '../src/search/corpus-index.ts';
import type { StateStore } from '../src/state/types.ts';

/** What a command may use while answering. No Slack objects: commands are pure input → Answer. */
export interface CommandContext {
  corpus: Corpus;
  /** "Now" for relative dates and digests; injected so tests can fix it. */
  now: Date;
  /** Where the request came from: a Slack channel id, or `console`. Used by /digest. */
  channel: string;
  /** Subscriptions and digest history; opened under DATA_DIR when not given. */
  store?: StateStore;
}

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
