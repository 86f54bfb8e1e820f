/**
 * The feed fetcher's lease taken over between polls: two processes' background jobs on one database, the
 * fetching one's state closed (as when it dies), and the other fetches the feed at its next tick although its
 * next poll is an hour away.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBackgroundJobs, type BackgroundJobs } from '../../src/app/background.ts';
import { loadCorpus } from '../../src/search/load-corpus.ts';
import { PgStateStore } from '../../src/state/pg-store.ts';
import { captureLogs, seedCopy, tempDir } from '../digest/helpers.ts';
import { freshDatabase, NO_DATABASE, TEST_DATABASE_URL, type TestDatabase } from '../helpers/postgres.ts';
import { startFeedServer, type FeedServer } from '../ingest/feed-server.ts';

describe.skipIf(!TEST_DATABASE_URL)(`the ingestion lease between polls${TEST_DATABASE_URL ? '' : ` — ${NO_DATABASE}`}`, () => {
  let db: TestDatabase;
  let feed: FeedServer;
  beforeAll(async () => {
    [db, feed] = await Promise.all([freshDatabase(), startFeedServer()]);
  });
  afterAll(async () => {
    await Promise.all([db?.drop(), feed?.close()]);
  });

  it('another process fetches at its next tick once the fetching one is gone', async () => {
    const logs = captureLogs();
    const start = async (store: PgStateStore): Promise<BackgroundJobs> => {
      const corpusDir = seedCopy();
      const { corpus } = loadCorpus({ corpusDir, indexDir: tempDir('index') });
      const config = { corpusDir, FEEDS: [feed.url('/atom.xml')], INGEST_INTERVAL_S: 3600, DIGEST_GRACE_HOURS: 6 };
      return startBackgroundJobs({ config, ctx: { corpus }, post: async () => {}, store, settleMs: 0, tickMs: 100 });
    };
    const [first, second] = [new PgStateStore(db.url, { poolSize: 2 }), new PgStateStore(db.url, { poolSize: 2 })];
    const fetcher = await start(first);
    await vi.waitFor(async () => expect((await first.listIngested()).some((r) => r.source === feed.url('/atom.xml'))).toBe(true), { timeout: 5000 });
    const other = await start(second);
    await vi.waitFor(() => expect(logs.some((l) => l.msg === 'another process fetches the feeds')).toBe(true), { timeout: 5000 });
    const hits = feed.hits.get('/atom.xml')!;
    await fetcher.stop();
    await first.close(); // the lease's connection goes, as when the process dies
    await vi.waitFor(() => expect(feed.hits.get('/atom.xml')).toBeGreaterThan(hits), { timeout: 5000 });
    expect(logs.filter((l) => l.msg === 'this process now fetches the feeds (it holds the ingestion lease)')).toHaveLength(2);
    await other.stop();
    await second.close();
  });
});
