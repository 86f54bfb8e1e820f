/**
 * Slash commands: one listener per command of the registry (no per-command code), plus `/dealdesk`, which
 * takes `help`, a command name with its arguments, or a question in plain words. Answers are ephemeral,
 * with a "Share in channel" button; bad input gets the command's usage, ephemeral too.
 */
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { DEALDESK_COMMAND } from '../../../commands/help.ts';
import { commands, findCommand } from '../../../commands/index.ts';
import type { Answerer } from '../../app/answerer.ts';
import { renderBlocks } from '../../answer/blocks.ts';
import { uploadAnswerFile } from './files.ts';
import { listener } from './listener.ts';
import type { AnswerLimit } from './answer-limit.ts';
import { sharedAnswers } from './shared-answers.ts';
import { plainText } from './text.ts';


type CommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'> & Pick<AllMiddlewareArgs, 'client'>;

export function registerCommands(app: App, answerer: Answerer): void {
  for (const command of commands) app.command(`/${command.name}`, commandListener(answerer, (text) => `/${command.name} ${text}`));
  // The catch-all is not in the registry (the manifest adds it separately); the router reads its text.
  if (!findCommand(DEALDESK_COMMAND.name)) app.command(`/${DEALDESK_COMMAND.name}`, commandListener(answerer, (text) => `/${DEALDESK_COMMAND.name} ${text}`));
}

/**
 * Acks at once (Slack allows 3 s), then answers the line built from the command's text through the
 * router and responds ephemerally on `response_url`; an apology or a "busy" is ephemeral too. An answer
 * that only reads gets a "Share in channel" button (and 👍 / "👎 Wrong?" when it shows facts) and is kept in
 * `shared` for them. A file the answer comes
 * with (`/deal openai csv`) is uploaded to the channel; if it cannot be, the user is told why, privately.
 * `limit`, `shared`: the process's, unless a test gives its own.
 */
export function commandListener(answerer: Answerer, lineOf: (text: string) => string, limit?: AnswerLimit, shared = sharedAnswers) {
  return listener<CommandArgs>(answerer, {
    what: ({ command }) => `/${command.command.replace(/^\//, '')}`,
    channel: ({ command }) => command.channel_id,
    user: ({ command }) => command.user_id,
    answer: async ({ command, respond, client }, request) => {
      const line = lineOf(plainText(command.text)).trim();
      const result = await answerer.answer(line, request);
      const { file, ...kept } = result;
      const ref = result.error || result.changedState ? undefined : { line, id: shared.keep(kept) };
      await respond({ response_type: 'ephemeral', ...renderBlocks(result, ref ? { share: ref, feedback: ref } : {}) });
      const failed = file ? await uploadAnswerFile(client, file, { channel: command.channel_id }) : null;
      if (failed) await respond({ response_type: 'ephemeral', text: failed });
    },
    apologise: ({ respond }, text) => respond({ response_type: 'ephemeral', text }),
    busyAck: ({ ack }, text) => ack({ response_type: 'ephemeral', text }),
  }, limit);
}
