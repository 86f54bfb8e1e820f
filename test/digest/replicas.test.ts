/**
 * Several processes on one PostgreSQL state: forced simultaneous digest ticks post each digest once; a
 * claim another process holds is left alone while fresh and taken over (as skipped, and said) once abandoned;
 * simultaneous alert checks post a watch's alert once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, PostAnswer } from '../../src/answer/model.ts';
import { ABANDONED_AFTER_MS, DigestRunner } from '../../src/digest/runner.ts';
import { PgStateStore } from '../../src/state/pg-store.ts';
import type { Subscription } from '../../src/state/types.ts';
import { freshDatabase, NO_DATABASE, TEST_DATABASE_URL, type TestDatabase } from '../helpers/postgres.ts';
import { AlertRunner } from '../../src/watch/alerts.ts';
import type { Deal } from '../../src/extract/types.ts';
import { article, captureLogs, corpusOf, setFacts, sourceIn } from './helpers.ts';

const SLOT = new Date('2026-02-05T07:00:00Z');
const story = article('story.md', { title: 'OpenAI raises again', outlet: 'Reuters', date: '2026-02-04' }, 'OpenAI is raising a new round, people familiar said.');
const subscription = (channel: string): Subscription => ({ channel, time: '08:00', timeZone: 'Europe/Berlin', quiet: false, active: true, disabledReason: null, activeSince: '2026-02-01T00:00:00.000Z' });

describe.skipIf(!TEST_DATABASE_URL)(`digests from several processes on one database${TEST_DATABASE_URL ? '' : ` — ${NO_DATABASE}`}`, () => {
  let db: TestDatabase;
  const stores: PgStateStore[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await db?.drop();
  });
  const open = () => {
    const store = new PgStateStore(db.url, { poolSize: 2 });
    stores.push(store);
    return store;
  };

  it('five processes ticking at the same moment post each channel’s digest exactly once', async () => {
    captureLogs();
    const setupStore = open();
    const channels = ['C1', 'C2', 'C3', 'C4'];
    for (const channel of channels) await setupStore.putSubscription(subscription(channel));
    await setupStore.recordIngested([{ article: story.id, url: null, textHash: null, source: 'folder', arrivedAt: '2026-02-04T20:00:00.000Z' }]);
    const posts: { channel: string; answer: Answer }[] = [];
    const post: PostAnswer = async (channel, answer) => {
      await new Promise((resolve) => setTimeout(resolve, 20)); // a post takes a moment: the others tick meanwhile
      posts.push({ channel, answer });
    };
    const corpus = corpusOf([story]);
    const runners = Array.from({ length: 5 }, () => new DigestRunner({ store: open(), corpus, post, graceMs: 6 * 3_600_000 }));
    const runs = (await Promise.all(runners.map((r) => r.tick(new Date(SLOT.getTime() + 30_000))))).flat();
    expect(posts.map((p) => p.channel).sort()).toEqual(channels);
    expect(runs.map((r) => `${r.channel}:${r.outcome}`).sort()).toEqual(channels.map((c) => `${c}:sent`));
    for (const channel of channels) expect(await setupStore.getDigestLog(channel)).toMatchObject({ lastSlot: SLOT.toISOString(), lastOutcome: 'sent' });
  });

  it('leaves another process’s fresh claim alone, and takes over an abandoned one as skipped, said in the next digest', async () => {
    const logs = captureLogs();
    const store = open();
    await store.putSubscription(subscription('C9'));
    await store.recordIngested([{ article: story.id, url: null, textHash: null, source: 'folder', arrivedAt: '2026-02-04T20:00:00.000Z' }]);
    // Another process claimed it and is (maybe) posting.
    const claim = { lastSlot: SLOT.toISOString(), lastOutcome: 'sending' as const, lastSentAt: null, coveredUntil: null, skippedSlots: [], claimedAt: SLOT.toISOString(), claimedBy: 'other-process' };
    await store.putDigestLog('C9', claim);
    const posts: Answer[] = [];
    // (The channels of the test before are in the same database: only C9's posts count here.)
    const runner = new DigestRunner({ store: open(), corpus: corpusOf([story]), post: async (channel, a) => void (channel === 'C9' && posts.push(a)), graceMs: 6 * 3_600_000 });
    expect(await runner.tick(new Date(SLOT.getTime() + 60_000))).toEqual([]);
    expect(await store.getDigestLog('C9')).toMatchObject({ lastOutcome: 'sending', claimedBy: 'other-process' });
    await runner.tick(new Date(SLOT.getTime() + ABANDONED_AFTER_MS + 1000));
    expect(await store.getDigestLog('C9')).toMatchObject({ lastOutcome: 'skipped', skippedSlots: [SLOT.toISOString()] });
    expect(logs.filter((l) => l.msg.includes('may not have arrived'))).toHaveLength(1);
    expect(posts).toEqual([]);
    await runner.tick(new Date('2026-02-06T07:00:30Z'));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.notes.join('\n')).toContain('the digest due Thu, 5 Feb 2026, 08:00 (Europe/Berlin)');
  });

  it('five processes checking the same watch at the same moment post its alert once', async () => {
    captureLogs();
    const store = open();
    const watched = '2026-02-06T08:00:00.000Z';
    await store.addWatch({ channel: 'CW', user: 'U1', query: 'openai', filter: { entityId: 'openai', entityName: 'OpenAI', kinds: [], minAmount: null, facts: 'deals' }, createdAt: watched, active: true, checkedUntil: watched });
    const news = article('news.md', { title: 'OpenAI raises', outlet: 'Reuters', date: '2026-02-06' }, 'SoftBank invests 30 billion dollars in OpenAI.');
    const deal: Deal = {
      investorId: 'softbank', investorIds: ['softbank'], investor: 'SoftBank', investors: ['SoftBank'], lead: [], kind: 'equity', round: null,
      rule: { id: 'test', reason: 'a test deal' }, targetId: 'openai', target: 'OpenAI', amount: { value: 30e9, max: null, currency: 'USD', qualifier: 'exact' },
      additional: false, status: 'announced', date: '2026-02-06', dateFrom: 'article', sources: [sourceIn(news, '30 billion dollars')],
    };
    const corpus = setFacts(corpusOf([news]), [deal], []);
    await store.recordIngested([{ article: news.id, url: null, textHash: null, source: 'folder', arrivedAt: '2026-02-06T09:00:00.000Z' }]);
    const posted: string[] = [];
    const post: PostAnswer = async (channel, answer) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      posted.push(`${channel} ${answer.title}`);
      return { ts: '1.1' };
    };
    const runners = Array.from({ length: 5 }, () => new AlertRunner({ store: open(), corpus, post }));
    await Promise.all(runners.map((r) => r.tick(new Date('2026-02-06T09:01:00Z'))));
    expect(posted).toEqual(['CW Watch 1 (OpenAI: deals): new deal']);
    expect((await store.listAlerts()).filter((a) => a.channel === 'CW')).toHaveLength(1);
    expect((await store.listWatches()).find((w) => w.channel === 'CW')).toMatchObject({ checkedUntil: '2026-02-06T09:00:00.000Z' });
  });
});
