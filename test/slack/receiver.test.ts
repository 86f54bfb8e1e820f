/**
 * The gate in front of Bolt's HTTP receiver: a real Bolt App on 127.0.0.1 with one slash command, and
 * requests signed as Slack signs them. Each case counts how often the command's listener ran.
 */
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, SlackHttpReceiver } from '../../src/slack/receiver.ts';
import { captureLog, type CapturedLog } from './fixtures.ts';

const SECRET = 'receiver-test-secret';
const FORM = 'application/x-www-form-urlencoded';

let app: App;
let port: number;
let ran: string[] = [];
let logged: CapturedLog;

beforeAll(async () => {
  logged = captureLog('warn');
  const receiver = new SlackHttpReceiver({ signingSecret: SECRET, endpoints: '/slack/events', logLevel: LogLevel.ERROR }, { appId: 'A1', teamId: 'T1' });
  app = new App({ token: 'xoxb-test', receiver, deferInitialization: true, tokenVerificationEnabled: false, botId: 'B1', botUserId: 'UBOT' });
  app.command('/news', async ({ ack, command }) => {
    ran.push(command.text);
    await ack();
  });
  await app.init();
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app.stop();
  logged.restore();
});

afterEach(() => {
  ran = [];
});

const now = () => Math.floor(Date.now() / 1000);

function command(text: string, fields: Record<string, string> = {}): string {
  return new URLSearchParams({ team_id: 'T1', api_app_id: 'A1', channel_id: 'C1', user_id: 'U1', command: '/news', text, response_url: 'http://127.0.0.1:9/r', ...fields }).toString();
}

function sign(body: string, timestamp: string | number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

interface PostOptions {
  timestamp?: string | number;
  signature?: string;
  type?: string;
}

/** POSTs `body` signed for `timestamp` (unless `signature` is given); the status. */
async function post(body: string, options: PostOptions = {}): Promise<number> {
  return (await send(body, options)).status;
}

/** POSTs `body` signed for `timestamp` (unless `signature` is given); the status and the answer's body. */
function send(body: string, { timestamp = now(), signature, type = FORM }: PostOptions = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'content-type': type,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature ?? sign(body, timestamp),
    };
    const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the HTTP gate', () => {
  it('answers a signed command once, however often the same request is sent', async () => {
    const body = command('replayed');
    const statuses = await Promise.all([post(body, { timestamp: now() }), post(body, { timestamp: now() }), post(body, { timestamp: now() })]);
    expect(statuses).toEqual([200, 200, 200]);
    expect(ran).toEqual(['replayed']);
    // The same text sent again as a new request (a new timestamp, so a new signature) is a new question.
    await post(command('replayed'), { timestamp: now() + 1 });
    expect(ran).toEqual(['replayed', 'replayed']);
    expect(logged.lines.some((l) => /replayed Slack request/.test(l.msg))).toBe(true);
  });

  it.each([
    ['Infinity', 'Infinity'],
    ['1e999', '1e999'],
    ['a fraction', `${now()}.5`],
    ['a negative number', `-${now()}`],
    ['six minutes ago', String(now() - 360)],
    ['six minutes ahead', String(now() + 360)],
    ['nothing', ''],
  ])('refuses a timestamp of %s with 401 (signed correctly for it)', async (_what, timestamp) => {
    expect(await post(command('stale'), { timestamp })).toBe(401);
    expect(ran).toEqual([]);
  });

  it('refuses a wrong signature, or none, with 401', async () => {
    expect(await post(command('forged'), { signature: sign(command('forged'), now(), 'another-secret') })).toBe(401);
    expect(await post(command('forged'), { signature: 'v0=' })).toBe(401);
    expect(await post(command('forged'), { signature: sign(command('other text'), now()) })).toBe(401);
    expect(ran).toEqual([]);
  });

  it(`refuses a body over ${MAX_BODY_BYTES / 1024} KB with 413, by its length or as it arrives`, async () => {
    const big = command('x'.repeat(MAX_BODY_BYTES));
    expect(await post(big)).toBe(413);
    // Sent in chunks without a Content-Length: refused once the limit is passed (or the connection is closed
    // while the client is still sending).
    const chunked = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers: { 'content-type': FORM, 'transfer-encoding': 'chunked', 'x-slack-request-timestamp': String(now()), 'x-slack-signature': sign(big, now()) } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', () => resolve(-1));
      for (let i = 0; i < big.length; i += 8192) req.write(big.slice(i, i + 8192));
      req.end();
    });
    expect([413, -1]).toContain(chunked);
    expect(ran).toEqual([]);
    // Just under the limit is fine.
    expect(await post(command('y'.repeat(MAX_BODY_BYTES - 400)))).toBe(200);
    expect(ran).toHaveLength(1);
  });

  it('refuses a request for another app or another workspace with 403', async () => {
    expect(await post(command('elsewhere', { api_app_id: 'A2' }))).toBe(403);
    expect(await post(command('elsewhere', { team_id: 'T2' }))).toBe(403);
    const event = JSON.stringify({ type: 'event_callback', api_app_id: 'A1', team_id: 'T9', event_id: 'Ev1', event: { type: 'app_mention', text: 'hi', channel: 'C1', ts: '1.1', user: 'U1' } });
    expect(await post(event, { type: 'application/json' })).toBe(403);
    expect(ran).toEqual([]);
    expect(await post(command('here'))).toBe(200);
    expect(ran).toEqual(['here']);
  });

  it('answers a command whose form repeats a field with a clear error, and runs nothing', async () => {
    const answer = await send(`${command('first')}&text=second`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('“text” came more than once') });
    expect(ran).toEqual([]);
  });

  it('lets Slack’s unsigned SSL check through to Bolt', async () => {
    expect(await post('ssl_check=1&token=x', { signature: 'none' })).toBe(200);
    expect(ran).toEqual([]);
  });

  it('accepts exactly the signed, fresh, first-seen requests (property)', async () => {
    let n = 0;
    const request = fc.record({
      skew: fc.oneof(fc.integer({ min: -290, max: 290 }), fc.integer({ min: 310, max: 100_000 }), fc.integer({ min: -100_000, max: -310 })),
      form: fc.constantFrom('whole', 'fraction', 'exponent'),
      rightSecret: fc.boolean(),
      again: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 8 }), async (requests) => {
        ran = [];
        const expected: string[] = [];
        const sent: { body: string; timestamp: string; signature: string; status: number }[] = [];
        for (const r of requests) {
          const seconds = now() + r.skew;
          const timestamp = r.form === 'whole' ? String(seconds) : r.form === 'fraction' ? `${seconds}.5` : `${seconds / 1000}e3`;
          const body = command(`p${n++}`);
          const signature = sign(body, timestamp, r.rightSecret ? SECRET : 'not-the-secret');
          // A replay of the previous request instead of a new one, when asked and there is one: refused
          // as that one was, or else an empty 200 that runs nothing.
          const replay = r.again ? sent.at(-1) : undefined;
          if (replay) {
            expect(await post(replay.body, replay)).toBe(replay.status === 401 ? 401 : 200);
            continue;
          }
          const accepted = r.form === 'whole' && Math.abs(r.skew) <= 290 && r.rightSecret;
          const status = await post(body, { timestamp, signature });
          expect(status).toBe(accepted ? 200 : 401);
          if (accepted) expected.push(new URLSearchParams(body).get('text')!);
          sent.push({ body, timestamp, signature, status });
        }
        expect(ran).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
