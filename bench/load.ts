/**
 * The HTTP receiver under load: signed slash commands against the app in HTTP mode on 127.0.0.1.
 *
 * `node --import tsx bench/load.ts <options json>`:
 * 1. starts a fake Slack on 127.0.0.1 (Web API methods answer `ok`, `response_url` posts are recorded);
 * 2. starts the app (`bench/serve.ts`) in a child process, serving the given snapshot;
 * 3. runs `connections` keep-alive connections, each sending the next signed command as soon as the last
 *    one was acknowledged, for `seconds`; a request counts as an error when it fails, is not answered
 *    200, or takes longer than Slack's 3 s;
 * 4. waits (bounded) for the answers on `response_url`, stops the app, prints one JSON line: ack and answer
 *    latencies, "busy" replies (work the app refused), requests still unanswered, and the app's RSS before
 *    and after the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { BUSY_TEXT } from '../src/slack/listeners/answer-limit.ts';
import { generateQueries } from './generate.ts';
import { nowMs, percentiles, round, rssMb, slackSignature } from './stats.ts';

export interface LoadOptions {
  snapshot: string;
  fingerprint: string;
  seed: number;
  connections: number;
  seconds: number;
}

const SIGNING_SECRET = 'bench-signing-secret';
/** Slack gives an app 3 s to acknowledge a command. */
const ACK_TIMEOUT_MS = 3000;
/** How long to wait for the answers still being computed when the load stops. */
const DRAIN_MS = 10_000;

interface FakeSlack {
  url: string;
  /** Send time of each command by its response_url id, and the time its answer arrived. */
  answered: Map<string, number>;
  /** The response_url ids answered "busy" after the ack (the app refused the work). */
  busy: Set<string>;
  server: Server;
}

async function startFakeSlack(): Promise<FakeSlack> {
  const answered = new Map<string, number>();
  const busy = new Set<string>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const match = /^\/response\/(\S+)$/.exec(req.url ?? '');
      if (match) {
        answered.set(match[1]!, nowMs());
        if (body.includes(BUSY_TEXT)) busy.add(match[1]!);
      }
      res.writeHead(200, { 'content-type': match ? 'text/plain' : 'application/json' }).end(match ? 'ok' : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, answered, busy, server };
}

/** Starts the app child; resolves with its port once it listens. */
function startApp(options: LoadOptions, apiUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ snapshot: options.snapshot, fingerprint: options.fingerprint, signingSecret: SIGNING_SECRET, apiUrl })], {
    // Answers still in flight when the load test ends fail to reach the closed fake Slack: not worth logging.
    env: { ...process.env, LOG_LEVEL: 'fatal' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^\{"port":(\d+)\}$/m.exec(out);
      if (line) resolve({ child, port: Number(line[1]) });
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening`)));
  });
}

/** A slash command payload as Slack posts it, signed with the app's signing secret. */
function signedCommand(command: string, text: string, responseUrl: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'bench',
    channel_id: 'C1',
    channel_name: 'bench',
    user_id: 'U1',
    user_name: 'bench',
    command,
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: 'trigger',
  }).toString();
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      ...slackSignature(body, SIGNING_SECRET),
    },
  };
}

/** Posts one command; resolves with the HTTP status (0 on a network error or a timeout) and whether the ack said "busy". */
function post(agent: Agent, port: number, payload: { body: string; headers: Record<string, string> }): Promise<{ status: number; busy: boolean }> {
  return new Promise((resolve) => {
    const req = request({ agent, host: '127.0.0.1', port, method: 'POST', path: '/slack/events', headers: payload.headers, timeout: ACK_TIMEOUT_MS }, (res: IncomingMessage) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, busy: body.includes(BUSY_TEXT) }));
      res.on('error', () => resolve({ status: 0, busy: false }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, busy: false }));
    req.end(payload.body);
  });
}

/** The commands sent, in turn: searches, deals, figures and plain-word questions. */
function commandMix(seed: number): [string, string][] {
  const q = generateQueries(seed, 500);
  const mix: [string, string][] = [];
  for (let i = 0; i < 500; i++) {
    mix.push(['/news', q.news[i]!], ['/deal', q.deal[i]!], ['/number', q.number[i]!], ['/dealdesk', q.news[(i * 7) % 500]!]);
  }
  return mix;
}

async function runLoad(options: LoadOptions) {
  const slack = await startFakeSlack();
  const { child, port } = await startApp(options, `${slack.url}/api/`);
  try {
    const rssBefore = rssMb(child.pid!);
    const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
    const mix = commandMix(options.seed);
    const acks: number[] = [];
    const sentAt = new Map<string, number>();
    let errors = 0;
    let next = 0;
    // Commands refused in the ack ("busy"): no answer is owed for them.
    const busyAcks = new Set<string>();
    const deadline = nowMs() + options.seconds * 1000;
    const worker = async () => {
      while (nowMs() < deadline) {
        const id = String(next);
        const [command, text] = mix[next++ % mix.length]!;
        const payload = signedCommand(command, text, `${slack.url}/response/${id}`);
        const started = nowMs();
        sentAt.set(id, started);
        const { status, busy } = await post(agent, port, payload);
        const ms = nowMs() - started;
        acks.push(ms);
        if (status !== 200 || ms > ACK_TIMEOUT_MS) errors++;
        else if (busy) busyAcks.add(id);
      }
    };
    const started = nowMs();
    await Promise.all(Array.from({ length: options.connections }, worker));
    const elapsed = nowMs() - started;
    const drainUntil = nowMs() + DRAIN_MS;
    const owed = () => sentAt.size - errors - busyAcks.size;
    while (slack.answered.size < owed() && nowMs() < drainUntil) await new Promise((r) => setTimeout(r, 50));
    agent.destroy();
    const rssAfter = rssMb(child.pid!);
    // Answers proper; a "busy" reply is counted apart (it is the app refusing work, not an answer).
    const answers = [...slack.answered].filter(([id]) => !slack.busy.has(id)).map(([id, at]) => at - sentAt.get(id)!);
    const ack = percentiles(acks);
    return {
      requests: acks.length,
      per_s: round((acks.length / elapsed) * 1000, 1),
      ack_p50_ms: ack.p50,
      ack_p95_ms: ack.p95,
      ack_p99_ms: ack.p99,
      ack_max_ms: ack.max,
      ack_errors: errors,
      answered: answers.length,
      answer_p50_ms: percentiles(answers).p50,
      answer_p99_ms: percentiles(answers).p99,
      busy: slack.busy.size + busyAcks.size,
      unanswered: owed() - slack.answered.size,
      rss_before_mb: rssBefore,
      rss_after_mb: rssAfter,
    };
  } finally {
    child.kill('SIGTERM');
    slack.server.closeAllConnections();
    slack.server.close();
  }
}

runLoad(JSON.parse(process.argv[2]!) as LoadOptions).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
