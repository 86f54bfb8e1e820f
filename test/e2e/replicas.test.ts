/**
 * Three replicas (real processes, `src/main.ts` in HTTP mode) on loopback against one PostgreSQL database, a
 * fake Slack and a local feed, sharing the corpus folder: 40 concurrent subscriptions through all three → 40
 * stored; digests due when all three start (ticking at once) → each posted once; kill -9 of the replica that
 * fetches the feeds → another takes the lease and ingests the next article; Slack's repeats and replays
 * reaching another replica → answered once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStateStore } from '../../src/state/pg-store.ts';
import { ROOT, SEEDS_DIR, tempDir } from '../helpers/corpus.ts';
import { eventBody, FORM, SECRET, sendSigned, slashCommand } from '../helpers/e2e-http.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { freshDatabase, NO_DATABASE, TEST_DATABASE_URL, type TestDatabase } from '../helpers/postgres.ts';
import { startFeedServer, type FeedServer } from '../ingest/feed-server.ts';

interface Replica {
  process: ChildProcess;
  url: string;
  log: string;
}

const FEED = (entries: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>AI Deals Wire</title><id>urn:uuid:wire</id><updated>2026-02-05T10:00:00Z</updated>${entries}</feed>`;
const ENTRY = (slug: string, title: string, text: string) =>
  `<entry><title>${title}</title><link href="https://wire.example.com/${slug}"/><id>urn:uuid:${slug}</id><updated>2026-02-05T09:00:00Z</updated><content type="html">&lt;p&gt;${text}&lt;/p&gt;</content></entry>`;
const FIRST = ENTRY('vantablue', 'Vantablue closes a 300 million dollar round', 'Vantablue, a robotics start-up, closed a funding round of 300 million dollars led by Sequoia.');
const NEXT = ENTRY('orbitfold', 'Orbitfold raises 80 million dollars', 'Orbitfold, a chip start-up, raised 80 million dollars from Index Ventures.');

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
async function until(what: string, check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!TEST_DATABASE_URL)(`three replicas on one database${TEST_DATABASE_URL ? '' : ` — ${NO_DATABASE}`}`, () => {
  let db: TestDatabase;
  let slack: FakeSlack;
  let feed: FeedServer;
  let sql: pg.Client;
  const replicas: Replica[] = [];
  const due = ['CDUE1', 'CDUE2', 'CDUE3'];

  beforeAll(async () => {
    [db, slack, feed] = await Promise.all([freshDatabase(), startFakeSlack(), startFeedServer()]);
    feed.serve('/wire.xml', FEED(FIRST));
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    // Digests due the moment the replicas start: a send time two minutes ago (UTC), subscribed yesterday.
    const store = new PgStateStore(db.url, { poolSize: 1 });
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString().slice(11, 16);
    for (const channel of due) {
      await store.putSubscription({ channel, time: twoMinutesAgo, timeZone: 'UTC', quiet: false, active: true, disabledReason: null, activeSince: new Date(Date.now() - 86_400_000 * 2).toISOString() });
    }
    await store.close();
    const corpusDir = tempDir('dealdesk-replicas-corpus-');
    cpSync(SEEDS_DIR, corpusDir, { recursive: true });
    for (let i = 0; i < 3; i++) {
      const own = tempDir(`dealdesk-replica-${i}-`);
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          CORPUS_DIR: corpusDir,
          INDEX_DIR: path.join(own, 'index'),
          DATA_DIR: path.join(own, 'data'),
          DATABASE_URL: db.url,
          SLACK_BOT_TOKEN: 'xoxb-replicas',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: slack.apiUrl,
          HOST: '127.0.0.1',
          PORT: '0',
          FEEDS: feed.url('/wire.xml'),
          INGEST_INTERVAL_S: '5',
          LOG_FORMAT: 'json',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const replica: Replica = { process: child, url: '', log: '' };
      const read = (chunk: Buffer) => {
        replica.log += chunk.toString();
        const port = /listening for Slack on http:\/\/127\.0\.0\.1:(\d+)\/slack\/events/.exec(replica.log)?.[1];
        if (port && !replica.url) replica.url = `http://127.0.0.1:${port}/slack/events`;
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      replicas.push(replica);
    }
    await until('three replicas listening', () => replicas.every((r) => r.url !== ''), 60_000);
  }, 90_000);

  afterAll(async () => {
    for (const r of replicas) r.process.kill('SIGKILL');
    await sql?.end();
    await Promise.all([slack?.close(), feed?.close()]);
    await db?.drop();
  });

  it('posts each digest that fell due while all three started together exactly once', async () => {
    await until('the due digests', () => due.every((channel) => slack.callsTo('chat.postMessage').some((c) => c.body.channel === channel)));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // room for a wrong second post
    for (const channel of due) expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel), channel).toHaveLength(1);
    const { rows } = await sql.query("select channel, last_outcome from digest_logs where channel like 'CDUE%' order by channel");
    expect(rows).toEqual(due.map((channel) => ({ channel, last_outcome: 'sent' })));
  });

  it('stores all of forty subscriptions sent at once through the three replicas', async () => {
    const channels = Array.from({ length: 40 }, (_, i) => `CSUB${String(i).padStart(2, '0')}`);
    const responses = await Promise.all(
      channels.map((channel, i) => sendSigned(replicas[i % 3]!.url, slashCommand(slack, '/digest', 'on 08:00 Europe/Berlin', `sub-${channel}`, channel), { contentType: FORM })),
    );
    expect(responses.map((r) => r.status)).toEqual(channels.map(() => 200));
    await until('forty answers', () => channels.every((channel) => slack.callsTo(`/response/sub-${channel}`).length > 0));
    const { rows } = await sql.query("select channel from subscriptions where channel like 'CSUB%' order by channel");
    expect(rows.map((r) => r.channel)).toEqual(channels);
  });

  it('a signed request replayed to another replica is ignored, and an event delivered to two replicas is answered once', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const command = slashCommand(slack, '/news', 'Indiana', 'replayed', 'CREP');
    const [a, b] = await Promise.all([sendSigned(replicas[1]!.url, command, { contentType: FORM, timestamp }), sendSigned(replicas[2]!.url, command, { contentType: FORM, timestamp })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await until('the answer', () => slack.callsTo('/response/replayed').length > 0);
    const ts = '1700009000.000100';
    const mention = eventBody('EvReplicas1', { text: '<@UBOT> Indiana', ts, channel: 'CMEN' });
    await Promise.all([sendSigned(replicas[1]!.url, mention, { timestamp }), sendSigned(replicas[2]!.url, mention, { timestamp: timestamp + 1 })]);
    await until('the mention answered', () => slack.callsTo('chat.postMessage').some((c) => c.body.thread_ts === ts));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // room for a wrong second answer
    expect(slack.callsTo('/response/replayed')).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
  });

  it('after kill -9 of the replica that fetches the feeds, another takes the lease and ingests the next article', async () => {
    const ingested = async (slug: string) => (await sql.query('select 1 from ingested where url = $1', [`https://wire.example.com/${slug}`])).rows.length === 1;
    await until('the first feed article', () => ingested('vantablue'));
    const holder = replicas.find((r) => r.log.includes('this process now fetches the feeds'))!;
    expect(replicas.filter((r) => r.log.includes('this process now fetches the feeds')), 'one fetcher').toHaveLength(1);
    holder.process.kill('SIGKILL');
    feed.serve('/wire.xml', FEED(FIRST + NEXT));
    await until('the next feed article, ingested by another replica', () => ingested('orbitfold'), 30_000);
    const fetchers = replicas.filter((r) => r !== holder && r.log.includes('this process now fetches the feeds'));
    expect(fetchers).toHaveLength(1);
  }, 45_000);
});
