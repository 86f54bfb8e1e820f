/**
 * Bolt's HTTP receiver (`/slack/events`), behind a gate that checks each request before Bolt sees it. Bolt
 * 5.1 verifies signatures, but it reads any body in full first, accepts a timestamp of `Infinity` or one
 * far in the future, and answers the same signed request as often as it is sent. The gate:
 * - refuses a body larger than Slack ever sends (`MAX_BODY_BYTES`, 413) before buffering it;
 * - accepts only a timestamp that is a whole number of seconds within five minutes of now, either way;
 * - checks the signature (v0, HMAC-SHA256 of `v0:timestamp:body`) in constant time;
 * - answers a request whose signature it has already accepted within those five minutes (a replay) with an
 *   empty 200 and nothing else: Slack's own retries are new requests with their own signatures;
 * - with `SLACK_APP_ID` / `SLACK_TEAM_ID` set, refuses requests for another app or workspace (403);
 * - answers a command whose form repeats a field (`text=a&text=b`, which Slack never sends) with a clear
 *   error instead of handing listeners a list where they expect a string;
 * - parses a form body declared with parameters (`application/x-www-form-urlencoded; charset=utf-8`) as a
 *   form: Bolt only recognises the bare type.
 * Then Bolt gets the request with its body already read (`rawBody`, which Bolt uses as it is).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm, type ParsedUrlQuery } from 'node:querystring';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import { log } from '../log.ts';
import type { SeenKeys } from '../state/seen-keys.ts';
import { RecentIds } from './listeners/dedupe.ts';

/** Slack's window for request timestamps, either way. */
const MAX_CLOCK_SKEW_S = 5 * 60;

/** The largest body accepted: Slack's payloads are a few kilobytes (a modal's state at most tens). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Signatures remembered at most: far more than Slack sends in five minutes, and a bound for memory. */
const MAX_REMEMBERED = 100_000;

const FORM = 'application/x-www-form-urlencoded';
const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

export interface GateOptions {
  /** Only requests for this app (`api_app_id`), when set. */
  appId?: string;
  /** Only requests from this workspace (`team_id`), when set. */
  teamId?: string;
  now?: () => number;
  /**
   * The signatures accepted (this process's memory by default; the database's when processes share one, so
   * that a replay reaching another replica is recognised too).
   */
  seen?: SeenKeys;
}

export class SlackHttpReceiver extends HTTPReceiver {
  constructor(options: HTTPReceiverOptions & { signingSecret: string }, gate: GateOptions = {}) {
    super(options);
    const dispatch = this.requestListener;
    // Each request's signature is unique (it covers the timestamp and the body). One stays acceptable for
    // five minutes either way of its timestamp, so it is remembered for ten.
    const accepted = gate.seen ?? new RecentIds(MAX_REMEMBERED, 2 * MAX_CLOCK_SKEW_S * 1000, gate.now ?? Date.now);
    this.requestListener = (req, res) => {
      if (req.method !== 'POST') {
        dispatch(req, res);
        return;
      }
      void readBody(req)
        .then(async (body) => {
          if (body === null) return refuse(req, res, 413, 'refused a request body larger than Slack sends');
          const type = req.headers['content-type'];
          if (type && type !== FORM && type.split(';', 1)[0]!.trim().toLowerCase() === FORM) req.headers['content-type'] = FORM;
          const form = req.headers['content-type'] === FORM ? parseForm(body.toString('utf8')) : null;
          // Slack's unsigned SSL check: Bolt answers it and drops anything else in the body.
          if (form?.ssl_check !== '1') {
            const problem = signatureProblem(req, body, options.signingSecret, gate.now ?? Date.now);
            if (problem) return refuse(req, res, 401, `rejected a Slack request: ${problem}`);
            const signature = req.headers['x-slack-signature'] as string;
            if (!(await accepted.firstTime(`signature:${signature}`))) {
              log.warn({ url: req.url }, 'ignored a replayed Slack request (its signature was already accepted)');
              res.writeHead(200).end();
              return;
            }
            const stranger = strangerIn(body, form, gate);
            if (stranger) return refuse(req, res, 403, `refused a request for ${stranger}`);
            const twice = form && Object.keys(form).find((key) => Array.isArray(form[key]));
            if (twice) {
              log.warn({ url: req.url, field: twice }, 'answered a command whose form repeats a field with an error');
              res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response_type: 'ephemeral', text: repeatedFieldText(twice) }));
              return;
            }
          }
          (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
          dispatch(req, res);
        })
        .catch((error: unknown) => {
          log.warn({ err: error, url: req.url }, 'could not read a Slack request');
          if (!res.headersSent) res.writeHead(400).end();
        });
    };
  }
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, why: string): void {
  log.warn({ url: req.url, status }, why);
  // The rest of an oversized body is not read: the connection is closed after the answer.
  res.writeHead(status, { connection: 'close' }).end();
}

/** The body, or null as soon as it is longer than `MAX_BODY_BYTES` (by its Content-Length or as it arrives). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Why the request's timestamp or signature is not acceptable; null when both are. */
function signatureProblem(req: IncomingMessage, body: Buffer, secret: string, now: () => number): string | null {
  const timestamp = req.headers['x-slack-request-timestamp'];
  const signature = req.headers['x-slack-signature'];
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp)) return 'its timestamp is not a whole number of seconds';
  if (Math.abs(Number(timestamp) - now() / 1000) > MAX_CLOCK_SKEW_S) return 'its timestamp is more than five minutes away from now';
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return 'it has no v0 signature';
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature.slice(3), 'hex')) ? null : 'its signature does not match';
}

/** What a command whose form repeats a field (Slack never sends one) is answered. */
function repeatedFieldText(field: string): string {
  return `Dealdesk could not read this command: its “${field.slice(0, 40)}” came more than once. Please type the command again.`;
}

/** The app or workspace a request is for, when it is not ours (`GateOptions`); null when it is ours or unsaid. */
function strangerIn(body: Buffer, form: ParsedUrlQuery | null, { appId, teamId }: GateOptions): string | null {
  if (!appId && !teamId) return null;
  let fields: { api_app_id?: unknown; team_id?: unknown; team?: { id?: unknown } | null };
  try {
    if (form) fields = typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    else fields = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (!fields || typeof fields !== 'object') return null;
  const app = fields.api_app_id;
  const team = fields.team_id ?? fields.team?.id;
  if (appId && typeof app === 'string' && app !== appId) return `another app (${app})`;
  if (teamId && typeof team === 'string' && team !== teamId) return `another workspace (${team})`;
  return null;
}
