/**
 * One-shot question from the command line, the same answer the console gives:
 *   npm run --silent ask -- "/news Rechenzentrum" [--json]
 * Exit code 2 for bad input (the answer then explains usage) or an unknown option, 0 otherwise; `--help` explains.
 */
import { answer } from '../../commands/index.ts';
import { renderText, ANSI, PLAIN } from '../answer/text.ts';
import { createContext } from '../app/create-context.ts';
import { logLevelChosen } from '../config.ts';
import { log } from '../log.ts';
import { configOrExit, runMain } from './run.ts';

// A one-shot answer is for reading: routine logs only when asked for with LOG_LEVEL.
if (!logLevelChosen()) log.level = 'warn';

const USAGE = [
  'Usage: npm run --silent ask -- "<question or /command>" [--json]',
  'Answers one question as the console does, e.g. ask -- "/deal openai" or ask -- "how much is Amazon putting into OpenAI?".',
  '  --json   print the answer as JSON (the contracts in the README)',
  '  --help   this text',
  'Exit code 2 for bad input (the answer says why), 0 otherwise.',
].join('\n');

/** Options are the arguments that start with "--" (or are -h); everything else is the question. */
const OPTIONS = new Set(['--json', '--help', '-h']);

runMain(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const fail = (error: string) => {
    process.stderr.write(`${error}\n${USAGE}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ command: 'ask', error })}\n`);
    process.exitCode = 2;
  };
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const unknown = args.find((a) => /^--?\p{L}/u.test(a) && !OPTIONS.has(a));
  if (unknown) return fail(`Unknown option ${unknown}.`);
  const line = args.filter((a) => !OPTIONS.has(a)).join(' ').trim();
  if (!line) return fail('No question given.');
  const config = configOrExit();
  const result = await answer(line, createContext(config));
  process.stdout.write(
    json ? `${JSON.stringify(result.json, null, 2)}\n` : `${renderText(result, process.stdout.isTTY ? ANSI : PLAIN)}\n`,
  );
  process.exitCode = result.error ? 2 : 0;
});
