/**
 * `npm run --silent feedback -- [--json] [--top N]`: the feedback the team gave in Slack (👍, 👎 and
 * corrections, kept in DATA_DIR), as a report of the most-flagged extraction rules and articles (see
 * feedback-report.ts). Reads only the state files: no corpus is loaded, and it may run beside the bot.
 * Exit code 2 for an unknown option.
 */
import { logLevelChosen } from '../config.ts';
import { log } from '../log.ts';
import { stateStoreFor } from '../state/open-store.ts';
import { feedbackReport, reportText } from './feedback-report.ts';
import { configOrExit, databaseOrExit, runMain } from './run.ts';

if (!logLevelChosen()) log.level = 'warn';

const USAGE = [
  'Usage: npm run --silent feedback -- [--json] [--top N]',
  'The most-flagged rules and articles from the feedback in DATA_DIR (👎 on answers in Slack), and the corrections in force.',
  '  --json    print the report as JSON',
  '  --top N   rows per list (default 10)',
].join('\n');

runMain(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void process.stdout.write(`${USAGE}\n`);
  const json = args.includes('--json');
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 10;
  const unknown = args.filter((a, i) => a !== '--json' && !(topAt >= 0 && (i === topAt || i === topAt + 1)));
  if (unknown.length || !Number.isInteger(top) || top < 1) {
    process.stderr.write(`${unknown.length ? `Unknown argument ${unknown[0]}.` : '--top takes a whole number from 1.'}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const config = configOrExit();
  await databaseOrExit(config);
  const store = stateStoreFor(config);
  const report = feedbackReport(await store.listFeedback(), await store.listCorrections(), top);
  process.stdout.write(`${json ? JSON.stringify(report, null, 2) : reportText(report)}\n`);
});
