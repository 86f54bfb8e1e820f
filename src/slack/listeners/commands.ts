/**
 * Slash commands: one listener per command of the registry (no per-command code), plus `/dealdesk`, which
 * takes `help`, a command name with its arguments, or a question in plain words. Answers are ephemeral,
 * with a "Share in channel" button; bad input gets the command's usage, ephemeral too.
 */
import type { App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { DEALDESK_COMMAND } from '../../../commands/help.ts';
import { answer, commands, findCommand } from '../../../commands/index.ts';
import type { CommandContext } from '../../context.ts';
import { renderBlocks } from '../../answer/blocks.ts';
import { listener } from './listener.ts';
import { plainText } from './text.ts';


type CommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'>;

export function registerCommands(app: App, ctx: CommandContext): void {
  for (const command of commands) app.command(`/${command.name}`, commandListener(ctx, (text) => `/${command.name} ${text}`));
  // The catch-all is not in the registry (the manifest adds it separately); the router reads its text.
  if (!findCommand(DEALDESK_COMMAND.name)) app.command(`/${DEALDESK_COMMAND.name}`, commandListener(ctx, (text) => `/${DEALDESK_COMMAND.name} ${text}`));
}

/**
 * Acks at once (Slack allows 3 s), then answers the line built from the command's text through the
 * router and responds ephemerally on `response_url`; an apology is ephemeral too.
 */
export function commandListener(ctx: CommandContext, lineOf: (text: string) => string) {
  return listener<CommandArgs>(ctx, {
    what: ({ command }) => `/${command.command.replace(/^\//, '')}`,
    channel: ({ command }) => command.channel_id,
    answer: async ({ command, respond }, request) => {
      const line = lineOf(plainText(command.text)).trim();
      // Answering is CPU work: take turns, so the acks of commands arriving meanwhile are not held up.
      await nextTurn();
      const result = await answer(line, request);
      await respond({ response_type: 'ephemeral', ...renderBlocks(result, result.error ? {} : { shareLine: line }) });
    },
    apologise: ({ respond }, text) => respond({ response_type: 'ephemeral', text }),
  });
}

const turns: (() => void)[] = [];
let turnScheduled = false;

/**
 * Resolves when it is this caller's turn: one waiting answer per event-loop iteration, in arrival order, so
 * that between two answers Node reads new requests and sends their acks (Slack wants them within 3 s).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    turns.push(resolve);
    if (!turnScheduled) scheduleTurn();
  });
}

function scheduleTurn(): void {
  turnScheduled = true;
  setImmediate(() => {
    turns.shift()?.();
    if (turns.length) scheduleTurn();
    else turnScheduled = false;
  });
}
