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
import { configOrExit, databaseOrExit, runMain } from './run.ts';
import { exportsDir, saveAnswerFile, savedLine } from './answer-file.ts';

// A one-shot answer is for reading: routine logs only when asked for with LOG_LEVEL.
if (!logLevelChosen()) log.level = 'warn';

const USAGE = [
  'Usage: npm run --silent ask -- "<question or /command>" [--json | --csv]',
  'Answers one question as the console does, e.g. ask -- "/deal openai" or ask -- "how much is Amazon putting into OpenAI?".',
  'A file the answer comes with (/deal openai csv) is saved in DATA_DIR/exports and its path printed.',
  '  --json   print the answer as JSON (the contracts in the README)',
  '  --csv    print the spreadsheet itself, e.g. ask -- "/deal openai" --csv > openai.csv',
  '  --help   this text',
  'Exit code 2 for bad input (the answer says why), 0 otherwise.',
].join('\n');

/** Options are the arguments that start with "--" (or are -h); everything else is the question. */
const OPTIONS = new Set(['--json', '--csv', '--help', '-h']);

runMain(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const csv = args.includes('--csv');
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
  if (json && csv) return fail('Choose one of --json and --csv.');
  const question = args.filter((a) => !OPTIONS.has(a)).join(' ').trim();
  if (!question) return fail('No question given.');
  // --csv asks the command for its spreadsheet, as the word `csv` at the end of the question does.
  const line = csv && !/\scsv$/i.test(question) ? `${question} csv` : question;
  const config = configOrExit();
  await databaseOrExit(config);
  const result = await answer(line, createContext(config));
  if (csv) {
    if (result.file?.mime !== 'text/csv') {
      return fail(result.error ? result.error : 'This answer has no spreadsheet: /deal <company> has one, e.g. ask -- "/deal openai" --csv.');
    }
    process.stdout.write(result.file.bytes);
    return;
  }
  process.stdout.write(
    json ? `${JSON.stringify(result.json, null, 2)}\n` : `${renderText(result, process.stdout.isTTY ? ANSI : PLAIN)}\n`,
  );
  // The path goes to stderr under --json, so that stdout stays one JSON document.
  if (result.file) (json ? process.stderr : process.stdout).write(`${savedLine(saveAnswerFile(result.file, exportsDir(config.dataDir)))}\n`);
  process.exitCode = result.error ? 2 : 0;
});
