/**
 * A running app: the background jobs on a copy of the seed corpus, a local feed, and files dropped into
 * the corpus folder. New articles must reach search, the facts and the next digest without a rebuild, and
 * survive a restart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { digest } from '../../commands/digest.ts';
import { answer, runCommand } from '../../commands/index.ts';
import { DIGEST_DEFAULTS } from '../../src/config.ts';
import type { CommandContext } from '../../src/context.ts';
import { digestNowJsonSchema } from '../../src/answer/contracts.ts';
import type { Answer } from '../../src/answer/model.ts';
import { startBackgroundJobs } from '../../src/app/background.ts';
import { Ingester } from '../../src/ingest/ingester.ts';
import { loadCorpus } from '../../src/search/load-corpus.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { captureLogs, markdown, seedCopy, tempDir } from '../digest/helpers.ts';
import { startFeedServer, type FeedServer } from './feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

const DROPPED = '900_quantum.md';
const BODY = 'Microsoft invests 5 billion dollars in Anthropic, the company said on Thursday. The money pays for a Quantenkühlschrank lab in Munich.';

describe('live ingestion into a running app', () => {
  it('indexes a dropped file and a feed item incrementally; search, facts and the next digest see them', async () => {
    const logs = captureLogs();
    const corpusDir = seedCopy();
    const indexDir = tempDir('index');
    const dataDir = tempDir('data');
    const { corpus } = loadCorpus({ corpusDir, indexDir });
    const store = new FileStateStore(dataDir);
    const ctx: CommandContext = { corpus, channel: 'C1', get now() { return new Date(); }, store, digestDefaults: DIGEST_DEFAULTS };
    const start = new Date();
    await store.putSubscription({
      channel: 'C1',
      time: start.toISOString().slice(11, 16),
      timeZone: 'UTC',
      quiet: false,
      active: true,
      disabledReason: null,
      activeSince: start.toISOString(),
    });
    // The last digest went out just now: the seed corpus is old news, what arrives from here on is new.
    await store.putDigestLog('C1', { lastSlot: null, lastOutcome: 'sent', lastSentAt: null, coveredUntil: new Date().toISOString(), skippedSlots: [] });
    const posts: Answer[] = [];
    const jobs = await startBackgroundJobs({
      config: { corpusDir, FEEDS: [server.url('/atom.xml')], INGEST_INTERVAL_S: 0.05, DIGEST_GRACE_HOURS: 6 },
      ctx,
      post: async (_channel, digestAnswer) => {
        posts.push(digestAnswer);
      },
      store,
      settleMs: 0,
    });
    try {
      const before = corpus.articles.length;
      await vi.waitFor(() => expect(corpus.articles.length).toBe(before + 2), { timeout: 3000 }); // the Atom feed's two entries

      writeFileSync(path.join(corpusDir, DROPPED), markdown({ title: 'Quantum lab for Anthropic', outlet: 'Test Wire', date: '2026-02-05' }, BODY));
      await vi.waitFor(() => expect(corpus.get(DROPPED)).toBeDefined(), { timeout: 3000 });
      expect(ctx.corpus).toBe(corpus); // the same index, grown by one article: no rebuild
      expect(corpus.articles).toHaveLength(before + 3);

      const news = await answer('/news Quantenkühlschrank', ctx);
      expect(news.items[0]!.citations[0]!.article).toBe(DROPPED);
      const feedNews = await answer('/news Vantablue', ctx);
      expect(feedNews.items[0]!.text).toBe('Vantablue closes a 300 million dollar round');
      // Facts follow: Corpus.add runs the extraction (what /deal answers from).
      expect(corpus.facts.deals.some((d) => d.sources.some((s) => s.article === DROPPED))).toBe(true);

      // The same text under another name is left out.
      writeFileSync(path.join(corpusDir, '901_copy.md'), markdown({ title: 'Copy' }, BODY));
      await vi.waitFor(() => expect(logs.some((l) => l.msg === 'duplicate article left out' && l.file === '901_copy.md')).toBe(true), { timeout: 3000 });
      expect(corpus.get('901_copy.md')).toBeUndefined();

      const preview = await runCommand(digest, 'now', ctx);
      expect(digestNowJsonSchema.parse(preview.json).articles.map((a) => a.article)).toEqual([
        expect.stringMatching(/^feed_/),
        expect.stringMatching(/^feed_/),
        DROPPED,
      ]);

      // Tomorrow's send time: the digest lists the dropped file and the feed items, with citations.
      const tomorrow = new Date(start.getTime() + 24 * 3_600_000);
      expect(await jobs.runner.tick(tomorrow)).toEqual([expect.objectContaining({ channel: 'C1', outcome: 'sent' })]);
      const texts = posts[0]!.items.map((item) => item.text);
      expect(texts).toContain('New article: Quantum lab for Anthropic');
      expect(texts).toContain('New article: Vantablue closes a 300 million dollar round');
      expect(texts.some((t) => t.startsWith('New deal: Microsoft → Anthropic'))).toBe(true);
    } finally {
      await jobs.stop();
    }

    // Restart: the ingested files are part of the corpus folder, the arrival log remembers them.
    const { corpus: reloaded } = loadCorpus({ corpusDir, indexDir });
    expect(reloaded.get(DROPPED)).toBeDefined();
    expect(reloaded.articles.filter((a) => a.outlet === 'AI Deals Wire')).toHaveLength(2);
    const restarted = await Ingester.open({ corpus: reloaded, corpusDir, store: new FileStateStore(dataDir), settleMs: 0 });
    expect(await restarted.ingestFeed(server.url('/atom.xml'))).toMatchObject({ added: [], known: 2 });
  });

  it('records files dropped while the bot was down as arrived then, so the next digest reports them', async () => {
    captureLogs();
    const corpusDir = seedCopy();
    const dataDir = tempDir('data');
    const store = new FileStateStore(dataDir);
    // First run: the seed corpus is recorded.
    await Ingester.open({ corpus: loadCorpus({ corpusDir, indexDir: tempDir('index') }).corpus, corpusDir, store });
    const stopped = new Date();
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(path.join(corpusDir, DROPPED), markdown({ title: 'Quantum lab for Anthropic' }, BODY));
    // Second run: the file is in the corpus from the start, and in the arrival log as new.
    const { corpus } = loadCorpus({ corpusDir, indexDir: tempDir('index') });
    await Ingester.open({ corpus, corpusDir, store });
    const record = (await store.listIngested()).find((r) => r.article === DROPPED)!;
    expect(Date.parse(record.arrivedAt)).toBeGreaterThanOrEqual(stopped.getTime() - 1000);
    expect(record.source).toBe('corpus');
  });
});
