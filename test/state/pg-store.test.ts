/**
 * PostgreSQL specifics (the contract itself is in store-contract.test.ts): replicas starting together
 * migrate once; a database that cannot be used is one line naming the problem, never the password.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabaseError } from '../../src/state/open-store.ts';
import { PgStateStore } from '../../src/state/pg-store.ts';
import { MIGRATIONS } from '../../src/state/pg-migrations.ts';
import { freshDatabase, NO_DATABASE, TEST_DATABASE_URL, type TestDatabase } from '../helpers/postgres.ts';
import { runScript } from '../helpers/spawn.ts';
import { tempDir } from '../helpers/corpus.ts';

describe('describeDatabaseError (no server needed)', () => {
  it('names an unreachable server without the password', async () => {
    const url = 'postgres://dealdesk:s3cret-pass@127.0.0.1:1/dealdesk';
    const store = new PgStateStore(url, { poolSize: 1 });
    const error = await store.ready().then(() => null, (e: unknown) => e);
    await store.close();
    const line = describeDatabaseError(error, url);
    expect(line).toBe('Cannot reach the database server at 127.0.0.1:1 (ECONNREFUSED): is PostgreSQL running there, and is DATABASE_URL right?');
    expect(line).not.toContain('s3cret');
  });

  it('a bad DATABASE_URL stops `ask` with one line on stderr, exit 1, and no password', async () => {
    const run = await runScript('src/cli/ask.ts', ['/help'], { DATABASE_URL: 'postgres://dealdesk:s3cret-pass@127.0.0.1:1/dealdesk' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['Cannot reach the database server at 127.0.0.1:1 (ECONNREFUSED): is PostgreSQL running there, and is DATABASE_URL right?']);
    expect(run.stdout).toBe('');
    const malformed = await runScript('src/cli/ask.ts', ['/help'], { DATABASE_URL: 'mysql://x:y@z/db' });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^Configuration error: DATABASE_URL must be a postgres:\/\/ URL/);
    expect(malformed.stderr).not.toContain('x:y');
  }, 30_000);
});

describe.skipIf(!TEST_DATABASE_URL)(`PgStateStore on a real server${TEST_DATABASE_URL ? '' : ` — ${NO_DATABASE}`}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db?.drop());

  it('five replicas starting together migrate the schema once', async () => {
    const stores = Array.from({ length: 5 }, () => new PgStateStore(db.url, { poolSize: 1 }));
    try {
      await Promise.all(stores.map((s) => s.ready()));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('select version from schema_migrations order by version');
      await client.end();
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('names a wrong password and a missing database', async () => {
    const wrong = new URL(db.url);
    wrong.password = 'not-the-password';
    const missing = new URL(db.url);
    missing.pathname = '/dealdesk_no_such_db';
    for (const [url, expected] of [
      [wrong.toString(), /^The database at .* refused the login of user “.*”: check the password and the user in DATABASE_URL\.$/],
      [missing.toString(), /^The database “dealdesk_no_such_db” does not exist on .*: create it \(createdb dealdesk_no_such_db\) or fix DATABASE_URL\.$/],
    ] as const) {
      const store = new PgStateStore(url, { poolSize: 1 });
      const error = await store.ready().then(() => null, (e: unknown) => e);
      await store.close();
      const line = describeDatabaseError(error, url);
      expect(line).toMatch(expected);
      expect(line).not.toContain('not-the-password');
    }
  });

  it('one process at a time holds the ingestion lease; when it goes (its connection with it), the next one asking gets it', async () => {
    const [a, b, c] = [0, 1, 2].map(() => new PgStateStore(db.url, { poolSize: 1 }));
    try {
      expect(await a!.holdIngestLease()).toBe(true);
      expect(await a!.holdIngestLease(), 'held, asked again').toBe(true);
      expect(await b!.holdIngestLease()).toBe(false);
      expect(await c!.holdIngestLease()).toBe(false);
      await a!.close(); // as when a process dies: its connections close
      const next = [await b!.holdIngestLease(), await c!.holdIngestLease()];
      expect(next).toEqual([true, false]);
    } finally {
      await Promise.all([b!.close(), c!.close()]);
    }
  });

  it('seen keys: of processes asking at once exactly one sees a key first; it may be seen again once expired', async () => {
    const stores = [0, 1, 2, 3].map(() => new PgStateStore(db.url, { poolSize: 1 }));
    try {
      const now = new Date('2026-02-06T09:00:00Z');
      const first = await Promise.all(stores.map((s) => s.firstSeen('signature:v0=abc', 60_000, now)));
      expect(first.filter(Boolean)).toHaveLength(1);
      expect(await stores[0]!.firstSeen('signature:v0=abc', 60_000, new Date(now.getTime() + 59_000))).toBe(false);
      expect(await stores[1]!.firstSeen('signature:v0=abc', 60_000, new Date(now.getTime() + 61_000))).toBe(true);
      expect(await stores[2]!.seenKeys(60_000).firstTime('event:Ev1')).toBe(true);
      expect(await stores[3]!.seenKeys(60_000).firstTime('event:Ev1')).toBe(false);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('`ask` with DATABASE_URL answers from the database and ends at once (idle connections keep nothing alive)', async () => {
    const started = Date.now();
    const run = await runScript('src/cli/ask.ts', ['/watch list', '--json'], { DATABASE_URL: db.url, INDEX_DIR: tempDir('dealdesk-ask-index-') });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'watch', action: 'list', watches: [] });
    expect(Date.now() - started).toBeLessThan(8000);
  }, 30_000);
});
