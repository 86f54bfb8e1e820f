/**
 * A tiny fake of Slack on 127.0.0.1 for end-to-end tests: the Web API methods the app calls (form bodies,
 * as the SDK sends them), `response_url` endpoints, and optionally a Socket Mode WebSocket. Every call is
 * recorded; tests wait for the ones they expect.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` path (`/response/1`). */
  method: string;
  /** Form fields, with JSON-valued fields (`blocks`, `view`) parsed; or the JSON body of a response_url post. */
  body: Record<string, any>;
  headers: IncomingMessage['headers'];
  /** What the fake answered (Web API methods): a posted message's `ts`, for one. */
  reply?: Record<string, unknown>;
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL, e.g. `http://127.0.0.1:1234/api/`. */
  apiUrl: string;
  /** A fresh response_url on this server. */
  responseUrl(id: string): string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first call to `method` that matches `where`, waiting up to `timeoutMs`. */
  waitFor(method: string, where?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Messages `conversations.replies` returns. */
  thread: Record<string, unknown>[];
  /** Methods that answer `{ ok: false, error }` instead, e.g. `{ 'files.completeUploadExternal': 'not_in_channel' }`. */
  errors: Record<string, string>;
  /** The bytes of each file uploaded to an upload URL (`files.getUploadURLExternal`), by file id. */
  uploads: Map<string, Buffer>;
  /** Socket Mode: resolves with the next WebSocket the app opens (after `hello` was sent). */
  nextSocket(): Promise<WebSocket>;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  const socketWaiters: ((ws: WebSocket) => void)[] = [];
  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const wake of waiters) wake();
  };
  let base = '';
  const fake: FakeSlack = {
    apiUrl: '',
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    thread: [],
    errors: {},
    uploads: new Map(),
    waitFor(method, where = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = fake.callsTo(method).find(where);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching call to ${method} within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    nextSocket: () => new Promise((resolve) => socketWaiters.push(resolve)),
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };

  let files = 0;
  const server: Server = createServer(async (req, res) => {
    const bytes = await readBody(req);
    const url = new URL(req.url ?? '/', base);
    if (url.pathname.startsWith('/upload/')) {
      fake.uploads.set(url.pathname.slice('/upload/'.length), await uploadedFile(bytes, req.headers['content-type']));
      record({ method: 'upload', body: { file: url.pathname.slice('/upload/'.length), size: bytes.length }, headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK - uploaded');
      return;
    }
    const raw = bytes.toString('utf8');
    if (url.pathname.startsWith('/response/')) {
      record({ method: url.pathname, body: raw ? JSON.parse(raw) : {}, headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const body: Record<string, any> = Object.fromEntries(new URLSearchParams(raw));
    for (const key of ['blocks', 'view']) if (typeof body[key] === 'string') body[key] = JSON.parse(body[key]);
    const answer = reply(method, body);
    record({ method, body, headers: req.headers, reply: answer });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (ws) => {
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    socketWaiters.shift()?.(ws);
  });

  let messages = 0;
  function reply(method: string, body: Record<string, any>): Record<string, unknown> {
    if (fake.errors[method]) return { ok: false, error: fake.errors[method] };
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: 'T1', user: 'dealdesk' };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `${1_800_000_000 + ++messages}.000100` };
      case 'conversations.replies':
        return { ok: true, messages: fake.thread, has_more: false };
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace(/^http/, 'ws')}/socket` };
      case 'views.publish':
        return { ok: true };
      case 'views.open':
        return { ok: true, view: { id: 'V1', ...(fake.callsTo('views.open').at(-1)?.body.view ?? {}) } };
      case 'files.getUploadURLExternal': {
        const id = `F${++files}`;
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: `F${files}`, title: 'file' }] };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.apiUrl = `${base}/api/`;
  return fake;
}

/** The file of an upload as the SDK posts it: a multipart form's one file, or the body itself. */
async function uploadedFile(body: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const file = [...form.values()].find((value): value is File => typeof value !== 'string');
  if (!file) throw new Error('an upload without a file');
  return Buffer.from(await file.arrayBuffer());
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
