/**
 * The database lost while running, for real: the store reaches PostgreSQL through a TCP proxy the test cuts
 * and restores. Answers that need the state say so; /deal still answers from the articles and says the
 * corrections could not be read; once the database is back, everything works again without a restart.
 */
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../commands/index.ts';
import { PgStateStore } from '../../src/state/pg-store.ts';
import { STATE_UNAVAILABLE_TEXT } from '../../src/state/types.ts';
import { seedContext } from '../helpers/corpus.ts';
import { freshDatabase, NO_DATABASE, TEST_DATABASE_URL, type TestDatabase } from '../helpers/postgres.ts';

/** A TCP proxy to the database server that can be cut (every connection dropped) and restored on the same port. */
function proxyTo(host: string, port: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let listenPort = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket();
        upstream.connect(port, host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => {});
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(listenPort, '127.0.0.1', () => {
        listenPort = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  return {
    start,
    get port() {
      return listenPort;
    },
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server!.close(() => resolve());
      }),
  };
}

describe.skipIf(!TEST_DATABASE_URL)(`the database lost while running${TEST_DATABASE_URL ? '' : ` — ${NO_DATABASE}`}`, () => {
  let db: TestDatabase;
  let store: PgStateStore;
  const proxy = (() => {
    const target = new URL(TEST_DATABASE_URL ?? 'postgres://x@127.0.0.1:5432/x');
    return proxyTo(target.hostname, Number(target.port || 5432));
  })();
  beforeAll(async () => {
    db = await freshDatabase();
    await proxy.start();
    const url = new URL(db.url);
    url.host = `127.0.0.1:${proxy.port}`;
    store = new PgStateStore(url.toString(), { poolSize: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('says so while it is gone, still answers /deal from the articles, and recovers when it is back', async () => {
    const ctx = { ...seedContext(), store, channel: 'C1' };
    expect((await answer('/watch anthropic', ctx)).title).toBe('Watching Anthropic: deals and figures in this channel (watch 1).');

    await proxy.cut();
    const watches = await answer('/watch list', ctx);
    expect(watches.error).toBe(STATE_UNAVAILABLE_TEXT);
    expect((await answer('/digest on 08:00 Europe/Berlin', ctx)).error).toBe(STATE_UNAVAILABLE_TEXT);
    const deals = await answer('/deal openai', ctx);
    expect(deals.error).toBeUndefined();
    expect(deals.items.length).toBeGreaterThan(0);
    expect(deals.notes.join(' ')).toMatch(/corrections could not be read just now/);

    await proxy.start();
    const back = await answer('/watch list', ctx);
    expect(back.error).toBeUndefined();
    expect(back.items.map((i) => i.text)).toEqual(['Watch 1: Anthropic: deals and figures']);
    expect((await answer('/deal openai', ctx)).notes.join(' ')).not.toMatch(/could not be read/);
  });
});
