/** The local console: the bundled corpus answered in a terminal, when no Slack credentials are set. */
import { createInterface } from 'node:readline';
import { answer } from '../commands/index.ts';
import type { CommandContext } from './context.ts';
import { ANSI, PLAIN, renderText } from './answer/text.ts';
import { log } from './log.ts';

export async function runConsole(
  ctx: CommandContext,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
): Promise<void> {
  const style = output.isTTY ? ANSI : PLAIN;
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  output.write(
    `Dealdesk console — ${ctx.corpus.articles.length} articles. Type /help for commands, or ask in plain words.\n` +
      'Ctrl-D or "exit" leaves.\n',
  );
  rl.setPrompt('dealdesk> ');
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === 'exit' || trimmed === 'quit') break;
    if (trimmed) {
      try {
        output.write(`${renderText(await answer(trimmed, ctx), style)}\n`);
      } catch (error) {
        log.error({ err: error }, 'console answer failed');
        output.write('Sorry, something went wrong answering that. The details are in the log.\n');
      }
    }
    rl.prompt();
  }
  rl.close();
  output.write('Bye.\n');
}
