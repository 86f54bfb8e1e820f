/** The local console: the bundled corpus answered in a terminal, when no Slack credentials are set. */
import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import pino from 'pino';
import { answer } from '../commands/index.ts';
import type { CommandContext } from './context.ts';
import { ANSI, PLAIN, renderText } from './answer/text.ts';
import { createLogger, log, setLogger } from './log.ts';
import { saveAnswerFile, savedLine } from './cli/answer-file.ts';

/**
 * Reads lines until "exit" or the end of input and prints each answer; a file an answer comes with (a CSV
 * export, a chart) is saved in `filesDir` and its path printed.
 */
export async function runConsole(
  ctx: CommandContext,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
  filesDir = 'exports',
): Promise<void> {
  const style = output.isTTY ? ANSI : PLAIN;
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  output.write(
    `Dealdesk console — ${ctx.corpus.articles.length} articles. Type /help for commands, or ask in plain words.\n` +
      'Ctrl-D or "exit" leaves.\n',
  );
  rl.setPrompt('dealdesk> ');
  // Log lines (ingestion, digests) while the prompt waits would break the line being typed: in a terminal
  // each one is written above the prompt, which is then drawn again with what was typed so far.
  const previousLogger = log;
  if (output.isTTY) setLogger(createLogger({ level: log.level, destination: aboveThePrompt(rl, output) }));
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === 'exit' || trimmed === 'quit') break;
    if (trimmed) {
      try {
        const result = await answer(trimmed, ctx);
        output.write(`${renderText(result, style)}\n`);
        if (result.file) output.write(`${savedLine(saveAnswerFile(result.file, filesDir))}\n`);
      } catch (error) {
        log.error({ err: error }, 'console answer failed');
        output.write('Sorry, something went wrong answering that. The details are in the log.\n');
      }
    }
    rl.prompt();
  }
  rl.close();
  setLogger(previousLogger);
  output.write('Bye.\n');
}

/** A log destination that prints each line as "level: message {details}" above the prompt, then redraws it. */
function aboveThePrompt(rl: Interface, output: NodeJS.WritableStream): { write(line: string): void } {
  return {
    write(line: string) {
      let shown = line.trimEnd();
      try {
        const { level, msg, time: _time, pid: _pid, hostname: _host, ...details } = JSON.parse(line) as Record<string, unknown>;
        const name = pino.levels.labels[Number(level)] ?? 'log';
        shown = `${name}: ${String(msg ?? '')}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`;
      } catch {
        // not JSON: shown as it is
      }
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(`${shown}\n`);
      rl.prompt(true);
    },
  };
}
