/**
 * `npm run soak [-- --minutes N] [--rate R] [--json]`: the app as `npm start` runs it in HTTP mode, on
 * 127.0.0.1 against a fake Slack, under mixed load for N minutes (default 10), then a report.
 *
 * The load, R requests a second (default 20), each one signed as Slack signs it:
 * - slash commands (`/news`, `/deal`, `/number`, `/check`, `/facts`): each must be acked within 3 s and
 *   answered once on its `response_url` (or told "busy");
 * - mentions, each a new message: answered once, in its thread; some are then delivered again — as a
 *   retry of a delivery that arrived (`X-Slack-Retry-Num`), or as the same signed request replayed —
 *   and must not be answered again;
 * - requests with a bad signature: refused with 401, never answered;
 * - every 30 s a new article file in the corpus folder: it must be ingested (polled every 5 s);
 * - every minute `/digest on` in a new channel for the next minute: its digest must be posted once.
 * Bounded: at most 200 requests in flight, and a drain of at most 60 s after the load.
 *
 * The report: requests by kind, acks (p50/p99/max, errors), answers, "busy" replies, RSS at start and end,
 * files ingested, digests sent, and what was lost: unanswered, answered twice, answered when it should not
 * have been, files not ingested, digests not sent (expected 0 each).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUSY_TEXT } from '../src/slack/listeners/answer-limit.ts';
import { BOT_USER_ID, startFakeSlack, type FakeSlack } from '../test/helpers/fake-slack.ts';
import { mulberry32 } from './generate.ts';
import { nowMs, percentiles, round, rssMb, slackSignature } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'soak-signing-secret';
const ACK_LIMIT_MS = 3000;
const MAX_IN_FLIGHT = 200;
const DRAIN_MS = 60_000;
const FILE_EVERY_MS = 30_000;
const DIGEST_EVERY_MS = 60_000;

interface Args {
  minutes: number;
  rate: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { minutes: 10, rate: 20, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => Number(argv[++i]);
    if (flag === '--minutes') args.minutes = value();
    else if (flag === '--rate') args.rate = value();
    else if (flag === '--json') args.json = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!(args.minutes > 0) || !(args.rate > 0)) throw new Error('--minutes and --rate must be positive numbers');
  return args;
}

/** A free TCP port on 127.0.0.1 (the app is told to listen there). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const COMMANDS = [
  ['/news', 'Rechenzentrum'],
  ['/news', 'Amazon OpenAI Beteiligung'],
  ['/deal', 'OpenAI'],
  ['/deal', 'Anthropic'],
  ['/number', 'Anthropic valuation'],
  ['/number', 'Amazon Investitionen 2026'],
  ['/check', 'Amazon will invest $50bn in OpenAI'],
  ['/facts', 'Amazon'],
] as const;

interface Signed {
  body: string;
  headers: Record<string, string>;
}

function signed(body: string, contentType: string, secret = SECRET): Signed {
  return { body, headers: { 'content-type': contentType, ...slackSignature(body, secret) } };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const progress = (text: string) => process.stderr.write(`[soak ${Math.round((nowMs() - started) / 1000)} s] ${text}\n`);
  const started = nowMs();
  const work = mkdtempSync(path.join(tmpdir(), 'dealdesk-soak-'));
  const corpusDir = path.join(work, 'corpus');
  cpSync(path.join(ROOT, 'seeds'), corpusDir, { recursive: true });
  const slack = await startFakeSlack();
  const port = await freePort();
  const app: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-soak',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      CORPUS_DIR: corpusDir,
      INDEX_DIR: path.join(work, 'index'),
      DATA_DIR: path.join(work, 'data'),
      INGEST_INTERVAL_S: '5',
      DIGEST_TZ: 'UTC',
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/slack/events`;
  try {
    await waitUntilListening(url, app);
    progress(`app listening on ${port}; load for ${args.minutes} min at ${args.rate} requests/s`);
    const report = await soak(args, url, slack, app, corpusDir, progress);
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${table(report)}\n`);
    if (report.lost.total > 0) process.exitCode = 1;
  } finally {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await slack.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function waitUntilListening(url: string, app: ChildProcess): Promise<void> {
  const deadline = nowMs() + 120_000;
  while (nowMs() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode}`);
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error('the app did not start listening within 2 minutes');
}

type Kind = 'command' | 'mention' | 'retry' | 'replay' | 'bad signature' | 'digest on';

async function soak(args: Args, url: string, slack: FakeSlack, app: ChildProcess, corpusDir: string, progress: (text: string) => void) {
  // Seeded: the same mix of requests in every run.
  const next = mulberry32(20261207);
  const sent = new Map<Kind, number>();
  const acks: number[] = [];
  const ackErrors: string[] = [];
  /** response_url ids of commands, and mention ts, that must be answered exactly once. */
  const commandIds: string[] = [];
  const mentionTs: string[] = [];
  const mentions: { request: Signed }[] = [];
  const digestChannels: string[] = [];
  const files: string[] = [];
  let inFlight = 0;
  let n = 0;

  const send = async (kind: Kind, request: Signed, expected: number) => {
    sent.set(kind, (sent.get(kind) ?? 0) + 1);
    inFlight++;
    const t0 = nowMs();
    try {
      const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      const ms = nowMs() - t0;
      acks.push(ms);
      if (response.status !== expected || ms > ACK_LIMIT_MS) ackErrors.push(`${kind}: ${response.status} in ${Math.round(ms)} ms`);
      return body;
    } catch (error) {
      ackErrors.push(`${kind}: ${(error as Error).message}`);
      return '';
    } finally {
      inFlight--;
    }
  };

  const form = (command: string, text: string, channel: string, id: string) =>
    new URLSearchParams({ team_id: 'T1', api_app_id: 'A1', channel_id: channel, user_id: 'U1', command, text, response_url: slack.responseUrl(id), trigger_id: 't' }).toString();

  const rssStart = rssMb(app.pid!);
  const deadline = nowMs() + args.minutes * 60_000;
  let nextFile = nowMs() + FILE_EVERY_MS / 2;
  let nextDigest = nowMs();
  let nextProgress = nowMs() + 60_000;
  const busyIds = new Set<string>();
  while (nowMs() < deadline) {
    const tick = nowMs();
    if (tick >= nextFile) {
      const name = `soak-${files.length}.md`;
      const token = `Soakword${files.length}x`;
      writeFileSync(path.join(corpusDir, name), `---\ntitle: Soak ${files.length}\noutlet: Soak Wire\ndate: 2026-12-07\nlang: de\n---\n${token} sammelt 12 Millionen Euro ein, angeführt von Lakestar.\n`);
      files.push(name);
      nextFile += FILE_EVERY_MS;
    }
    if (tick >= nextDigest) {
      const channel = `CSOAK${digestChannels.length}`;
      const at = new Date(Date.now() + 70_000);
      const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
      const id = `digest-${digestChannels.length}`;
      digestChannels.push(channel);
      void send('digest on', signed(form('/digest', `on ${time}`, channel, id), 'application/x-www-form-urlencoded'), 200);
      nextDigest += DIGEST_EVERY_MS;
    }
    if (tick >= nextProgress) {
      progress(`${[...sent.values()].reduce((a, b) => a + b, 0)} requests, ${inFlight} in flight, ${files.length} files, ${digestChannels.length} digests asked`);
      nextProgress += 60_000;
    }
    if (inFlight < MAX_IN_FLIGHT) {
      const roll = next();
      const i = n++;
      if (roll < 0.6) {
        const [command, text] = COMMANDS[i % COMMANDS.length]!;
        const id = `c${i}`;
        commandIds.push(id);
        void send('command', signed(form(command, text, 'C1', id), 'application/x-www-form-urlencoded'), 200).then((body) => {
          if (body.includes(BUSY_TEXT)) busyIds.add(id);
        });
      } else if (roll < 0.8 || mentions.length === 0) {
        const ts = `${Math.floor(Date.now() / 1000)}.${String(i).padStart(6, '0')}`;
        const event = { type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> ${COMMANDS[i % COMMANDS.length]![1]}`, channel: 'C2', ts, event_ts: ts };
        const request = signed(JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: `Ev${i}`, event_time: Math.floor(Date.now() / 1000), event }), 'application/json');
        mentionTs.push(ts);
        mentions.push({ request });
        void send('mention', request, 200);
      } else if (roll < 0.87) {
        // Slack's retry of a delivery that arrived: the same event, signed anew.
        const retry = signed(mentions[Math.floor(next() * mentions.length)]!.request.body, 'application/json');
        void send('retry', { ...retry, headers: { ...retry.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }, 200);
      } else if (roll < 0.94) {
        void send('replay', mentions.at(-1)!.request, 200);
      } else {
        void send('bad signature', signed(form('/news', 'forged', 'C1', `forged${i}`), 'application/x-www-form-urlencoded', 'not-the-secret'), 401);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 / args.rate));
  }

  progress('load done; waiting for the last answers, files and digests');
  const replies = (ts: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts).length;
  const answers = (id: string) => slack.callsTo(`/response/${id}`).length;
  const ingested = () => {
    try {
      const records = JSON.parse(readFileSync(path.join(corpusDir, '..', 'data', 'ingested.json'), 'utf8')).articles as { article: string }[];
      return files.filter((f) => records.some((r) => r.article === f)).length;
    } catch {
      return 0;
    }
  };
  const digestsSent = () => digestChannels.filter((c) => slack.callsTo('chat.postMessage').some((call) => call.body.channel === c)).length;
  // Digests asked in the last minute and a half are not yet due: they are waited for in the drain.
  const drainEnd = nowMs() + DRAIN_MS + 30_000;
  while (nowMs() < drainEnd) {
    const done = inFlight === 0 && commandIds.every((id) => answers(id) + (busyIds.has(id) ? 1 : 0) > 0) && mentionTs.every((ts) => replies(ts) > 0) && ingested() === files.length && digestsSent() === digestChannels.length;
    if (done) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const rssEnd = rssMb(app.pid!);
  const answeredCommands = commandIds.filter((id) => answers(id) > 0 || busyIds.has(id)).length;
  const busyAnswers = busyIds.size + commandIds.filter((id) => slack.callsTo(`/response/${id}`).some((c) => String(c.body.text ?? '').includes(BUSY_TEXT))).length;
  const twice = commandIds.filter((id) => answers(id) > 1).length + mentionTs.filter((ts) => replies(ts) > 1).length;
  const forgedAnswered = slack.calls.filter((c) => c.method.startsWith('/response/forged')).length;
  const digestPosts = digestChannels.map((c) => slack.callsTo('chat.postMessage').filter((call) => call.body.channel === c).length);
  const lost = {
    commands_unanswered: commandIds.length - answeredCommands,
    mentions_unanswered: mentionTs.filter((ts) => replies(ts) === 0).length,
    answered_twice: twice,
    forged_answered: forgedAnswered,
    files_not_ingested: files.length - ingested(),
    digests_not_sent: digestPosts.filter((count) => count === 0).length,
    digests_sent_twice: digestPosts.filter((count) => count > 1).length,
    ack_errors: ackErrors.length,
    total: 0,
  };
  lost.total = Object.entries(lost).reduce((sum, [key, value]) => (key === 'total' ? sum : sum + value), 0);
  return {
    minutes: args.minutes,
    rate: args.rate,
    requests: Object.fromEntries(sent),
    requests_total: [...sent.values()].reduce((a, b) => a + b, 0),
    ack_ms: percentiles(acks),
    ack_errors: ackErrors.slice(0, 10),
    commands_answered: answeredCommands,
    busy: busyAnswers,
    mentions_answered: mentionTs.length - lost.mentions_unanswered,
    files_written: files.length,
    files_ingested: ingested(),
    digests_asked: digestChannels.length,
    digests_sent: digestsSent(),
    rss_mb: { start: rssStart, end: rssEnd },
    lost,
    seconds: round((nowMs() - (deadline - args.minutes * 60_000)) / 1000, 0),
  };
}

type Report = Awaited<ReturnType<typeof soak>>;

function table(r: Report): string {
  const rows: [string, string][] = [
    ['requests', `${r.requests_total} (${Object.entries(r.requests).map(([k, v]) => `${k} ${v}`).join(', ')})`],
    ['acks ms p50 / p99 / max (errors)', `${r.ack_ms.p50} / ${r.ack_ms.p99} / ${r.ack_ms.max} (${r.lost.ack_errors})`],
    ['commands answered (of which "busy")', `${r.commands_answered} (${r.busy})`],
    ['mentions answered', String(r.mentions_answered)],
    ['files written / ingested', `${r.files_written} / ${r.files_ingested}`],
    ['digests asked / sent', `${r.digests_asked} / ${r.digests_sent}`],
    ['RSS MB start / end', `${r.rss_mb.start} / ${r.rss_mb.end}`],
    ['lost (unanswered, twice, forged answered, not ingested, not sent, ack errors)', `${r.lost.total}`],
  ];
  return [`| soak, ${r.minutes} min at ${r.rate} requests/s | |`, '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
