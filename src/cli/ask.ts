/**
 * One-shot question from the command line, the same answer the console gives:
 *   npm run --silent ask -- "/news Rechenzentrum" [--json]
 * Exit code 2 for bad input (the answer then explains usage), 0 otherwise.
 */
import { answer } from '../../commands/index.ts';
import { renderText, ANSI, PLAIN } from '../answer/text.ts';
import { createContext } from '../app/create-context.ts';
import { logLevelChosen } from '../config.ts';
import { log } from '../log.ts';
import { configOrExit, runMain } from './run.ts';

// A one-shot answer is for reading: routine logs only when asked for with LOG_LEVEL.
if (!logLevelChosen()) log.level = 'warn';

const USAGE = 'Usage: npm run --silent ask -- "<question or /command>" [--json]';

runMain(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const line = args.filter((a) => a !== '--json').join(' ').trim();
  if (!line) {
    process.stderr.write(`${USAGE}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ command: 'ask', error: 'No question given.' })}\n`);
    process.exitCode = 2;
    return;
  }
  const config = configOrExit();
  const result = await answer(line, createContext(config));
  process.stdout.write(
    json ? `${JSON.stringify(result.json, null, 2)}\n` : `${renderText(result, process.stdout.isTTY ? ANSI : PLAIN)}\n`,
  );
  process.exitCode = result.error ? 2 : 0;
});
