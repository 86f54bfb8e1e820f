import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../src/answer/model.ts';
import { startBackgroundJobs } from '../../src/app/background.ts';
import type { PostAnswer } from '../../src/answer/model.ts';
import { DigestRunner } from '../../src/digest/runner.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import type { Subscription } from '../../src/state/types.ts';
import type { Corpus } from '../../src/search/corpus.ts';
import { article, captureLogs, corpusOf, setFacts, tempDir } from './helpers.ts';

const HOUR = 3_600_000;
/** 08:00 in Berlin on Thu 5 Feb 2026 (CET). */
const SLOT = new Date('2026-02-05T07:00:00Z');
const NEXT_SLOT = new Date('2026-02-06T07:00:00Z');

const story = article('story.md', { title: 'OpenAI raises again', outlet: 'Reuters', date: '2026-02-04' }, 'OpenAI is raising a new round, people familiar said.');

function subscription(channel: string, extra: Partial<Subscription> = {}): Subscription {
  return { channel, time: '08:00', timeZone: 'Europe/Berlin', quiet: false, active: true, disabledReason: null, activeSince: '2026-02-04T12:00:00.000Z', ...extra };
}

interface Setup {
  store: FileStateStore;
  corpus: Corpus;
  posts: { channel: string; answer: Answer; at: string }[];
  post: PostAnswer;
}

async function setup(subscriptions: Subscription[], arrivedAt = '2026-02-04T20:00:00.000Z'): Promise<Setup> {
  const store = new FileStateStore(tempDir('state'));
  for (const s of subscriptions) await store.putSubscription(s);
  const corpus = setFacts(corpusOf([story]), [], []);
  await store.recordIngested([{ article: story.id, url: null, textHash: null, source: 'folder', arrivedAt }]);
  const posts: Setup['posts'] = [];
  const post: PostAnswer = async (channel, answer) => {
    posts.push({ channel, answer, at: new Date().toISOString() });
  };
  return { store, corpus, posts, post };
}

const runner = ({ store, corpus, post }: Setup, override: Partial<{ post: PostAnswer }> = {}) =>
  new DigestRunner({ store, corpus, post: override.post ?? post, graceMs: 6 * HOUR });

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

afterEach(() => {
  vi.useRealTimers();
});

describe('DigestRunner', () => {
  it('says how many watch alerts it already sent to the channel since the last digest (and counts no other channel’s)', async () => {
    captureLogs();
    const s = await setup([subscription('C1')]);
    const alert = { watchId: 1, ts: '1.1', kind: 'deal' as const, fact: {}, articles: ['story.md'] };
    await s.store.addAlert({ ...alert, channel: 'C1', at: '2026-02-04T21:00:00.000Z' });
    await s.store.addAlert({ ...alert, channel: 'C1', at: '2026-02-04T21:30:00.000Z' });
    await s.store.addAlert({ ...alert, channel: 'C2', at: '2026-02-04T21:30:00.000Z' });
    await runner(s).tick(SLOT);
    expect(s.posts[0]!.answer.notes).toContain('Already sent here as watch alerts since the last digest: 2 alerts.');
    expect(s.posts[0]!.answer.json).toMatchObject({ alerts_sent: 2 });
  });

  it('posts the new article at the send time, then "nothing new" the next day', async () => {
    captureLogs();
    const s = await setup([subscription('C1')]);
    const run = runner(s);
    expect(await run.tick(at(SLOT, -60_000))).toEqual([]);
    expect(await run.tick(SLOT)).toEqual([{ channel: 'C1', slot: SLOT.toISOString(), outcome: 'sent' }]);
    expect(s.posts[0]!.answer.items[0]!.text).toBe('New article: OpenAI raises again');
    expect(await run.tick(at(SLOT, 30_000))).toEqual([]);
    await run.tick(NEXT_SLOT);
    expect(s.posts.map((p) => p.answer.title)).toEqual([
      'Digest: 1 new article since Tue, 3 Feb 2026, 13:00 (Europe/Berlin)',
      'Nothing new since Thu, 5 Feb 2026, 08:00 (Europe/Berlin).',
    ]);
  });

  it('stays silent with `quiet` when nothing is new, and records it', async () => {
    captureLogs();
    const s = await setup([subscription('C1', { quiet: true })], '2026-01-01T00:00:00.000Z');
    await s.store.putDigestLog('C1', { lastSlot: null, lastOutcome: null, lastSentAt: null, coveredUntil: '2026-02-02T00:00:00.000Z', skippedSlots: [] });
    expect(await runner(s).tick(SLOT)).toEqual([{ channel: 'C1', slot: SLOT.toISOString(), outcome: 'quiet' }]);
    expect(s.posts).toEqual([]);
    expect((await s.store.getDigestLog('C1')).lastOutcome).toBe('quiet');
  });

  it('disables a channel the bot was removed from; the other channels still get theirs', async () => {
    const logs = captureLogs();
    const s = await setup([subscription('C1'), subscription('C2'), subscription('C3')]);
    const failing: PostAnswer = async (channel, answer) => {
      if (channel === 'C2') throw Object.assign(new Error('An API error occurred: not_in_channel'), { data: { ok: false, error: 'not_in_channel' } });
      return s.post(channel, answer);
    };
    const outcomes = await runner(s, { post: failing }).tick(at(SLOT, 60_000));
    expect(outcomes.map((o) => `${o.channel}:${o.outcome}`)).toEqual(['C1:sent', 'C2:disabled', 'C3:sent']);
    expect(await s.store.getSubscription('C2')).toMatchObject({ active: false, disabledReason: 'not_in_channel', disabledAt: at(SLOT, 60_000).toISOString() });
    expect(logs.some((l) => l.channel === 'C2' && l.msg.includes('subscription disabled'))).toBe(true);
    // The next day C2 is left alone.
    const next = await runner(s, { post: failing }).tick(NEXT_SLOT);
    expect(next.map((o) => o.channel)).toEqual(['C1', 'C3']);
  });

  it('retries a failed post at the next tick (within the grace period), once', async () => {
    captureLogs();
    const s = await setup([subscription('C1')]);
    let calls = 0;
    const flaky: PostAnswer = async (channel, answer) => {
      if (++calls === 1) throw new Error('socket hang up');
      return s.post(channel, answer);
    };
    const run = runner(s, { post: flaky });
    expect((await run.tick(SLOT))[0]!.outcome).toBe('failed');
    expect((await run.tick(at(SLOT, 30_000)))[0]!.outcome).toBe('sent');
    expect(await run.tick(at(SLOT, 60_000))).toEqual([]);
    expect(s.posts).toHaveLength(1);
  });
});

describe('restarts', () => {
  async function start(s: Setup, now: Date) {
    vi.useFakeTimers();
    vi.setSystemTime(now);
    return startBackgroundJobs({
      config: { corpusDir: tempDir('corpus'), FEEDS: [], INGEST_INTERVAL_S: 3600, DIGEST_GRACE_HOURS: 6 },
      ctx: { corpus: s.corpus },
      post: s.post,
      store: s.store,
    });
  }

  it('sends a digest missed while down when less than the grace period late, and never twice', async () => {
    captureLogs();
    const s = await setup([subscription('C1')]);
    const first = await start(s, at(SLOT, 2.5 * HOUR));
    await vi.advanceTimersByTimeAsync(60_000);
    await first.stop();
    expect(s.posts.map((p) => p.at)).toEqual([at(SLOT, 2.5 * HOUR).toISOString()]);

    // Restart a quarter of an hour later: nothing is sent again.
    const second = await start(s, at(SLOT, 2.75 * HOUR));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await second.stop();
    expect(s.posts).toHaveLength(1);
  });

  it('skips and records a digest more than the grace period late; the next one covers it and says so', async () => {
    const logs = captureLogs();
    const s = await setup([subscription('C1')]);
    const jobs = await start(s, at(SLOT, 7 * HOUR));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.posts).toEqual([]);
    expect(await s.store.getDigestLog('C1')).toMatchObject({ lastSlot: SLOT.toISOString(), lastOutcome: 'skipped', skippedSlots: [SLOT.toISOString()] });
    expect(logs.some((l) => l.level === 40 && l.msg.includes('skipped'))).toBe(true);

    await vi.advanceTimersByTimeAsync(NEXT_SLOT.getTime() - Date.now());
    await jobs.stop();
    expect(s.posts).toHaveLength(1);
    const { answer, at: postedAt } = s.posts[0]!;
    expect(postedAt).toBe(NEXT_SLOT.toISOString());
    expect(answer.items[0]!.text).toBe('New article: OpenAI raises again');
    expect(answer.notes.join('\n')).toContain('Not sent while the bot was down: the digest due Thu, 5 Feb 2026, 08:00 (Europe/Berlin)');
    expect((await s.store.getDigestLog('C1')).skippedSlots).toEqual([]);
  });

  it('never sends twice when the bot died while posting, nor stays silent: logged, and the next digest repeats those articles and says so', async () => {
    const logs = captureLogs();
    const s = await setup([subscription('C1')]);
    // The first process dies in the middle of the post: the promise never settles.
    const dying = runner(s, { post: () => new Promise(() => {}) });
    void dying.tick(SLOT);
    await vi.waitFor(async () => expect((await s.store.getDigestLog('C1')).lastOutcome).toBe('sending'));

    const restarted = runner(s);
    expect(await restarted.tick(at(SLOT, 60_000))).toEqual([]);
    expect(s.posts).toEqual([]);
    expect(logs.filter((l) => l.level === 40 && l.msg.includes('may not have arrived'))).toHaveLength(1);
    expect(await s.store.getDigestLog('C1')).toMatchObject({ lastOutcome: 'skipped', skippedSlots: [SLOT.toISOString()] });
    await restarted.tick(NEXT_SLOT);
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]!.answer.items[0]!.text).toBe('New article: OpenAI raises again');
    expect(s.posts[0]!.answer.notes.join('\n')).toContain('the digest due Thu, 5 Feb 2026, 08:00 (Europe/Berlin)');
  });
});
