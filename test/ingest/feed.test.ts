import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, fetchFeed } from '../../src/ingest/fetch-feed.ts';
import { Ingester } from '../../src/ingest/ingester.ts';
import { parseFeed } from '../../src/ingest/parse-feed.ts';
import { startIngestPoller } from '../../src/ingest/poller.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { captureLogs, corpusOf, tempDir } from '../digest/helpers.ts';
import { refusedUrl, startFeedServer, type FeedServer } from './feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

// Generous enough for a loaded CI machine, short enough to keep the suite fast.
const FETCH = { timeoutMs: 1000, maxBytes: 1024 * 1024 };

async function ingester() {
  const corpusDir = tempDir('corpus');
  const store = new FileStateStore(tempDir('state'));
  const corpus = corpusOf([]);
  return { corpus, corpusDir, store, ingester: await Ingester.open({ corpus, corpusDir, store, fetch: FETCH }) };
}

describe('parseFeed', () => {
  it('reads RSS 2.0 items: title, canonical link, date, full content', () => {
    const feed = parseFeed(readFileSync(path.join(import.meta.dirname, 'fixtures/rss.xml'), 'utf8'));
    expect(feed).toMatchObject({ title: 'KI-Wirtschaft Nachrichten', lang: 'de' });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({ title: 'Zephyrion sammelt 2 Milliarden Euro für Rechenzentren', guid: 'zeph-1', date: '2026-02-05' });
    expect(feed.items[0]!.html).toContain('<p>Das Münchner KI-Start-up Zephyrion');
    expect(feed.items[1]).toMatchObject({ url: 'https://news.example.de/quokkasoft-labor', date: '2026-02-04' });
  });

  it('reads Atom entries, preferring the alternate link and content over summary', () => {
    const feed = parseFeed(readFileSync(path.join(import.meta.dirname, 'fixtures/atom.xml'), 'utf8'));
    expect(feed).toMatchObject({ title: 'AI Deals Wire', lang: 'en' });
    expect(feed.items.map((i) => i.url)).toEqual(['https://wire.example.com/vantablue-round', 'https://wire.example.com/orbitfold-hire']);
    expect(feed.items[0]!.html).toContain('closed a funding round of 300 million dollars');
    expect(feed.items[1]).toMatchObject({ date: '2026-02-04', html: 'Orbitfold has hired a new chief scientist from a large research lab in London.' });
  });

  it('rejects invalid XML and documents that are not feeds', () => {
    expect(() => parseFeed('<rss><channel><item>')).toThrow(/invalid XML/);
    expect(() => parseFeed('<?xml version="1.0"?><html><body>hi</body></html>')).toThrow('not an RSS or Atom feed (root element <html>)');
    expect(() => parseFeed('')).toThrow(FeedError);
  });
});

describe('fetchFeed failures', () => {
  it.each([
    ['connection refused', async () => refusedUrl(), /ECONNREFUSED/],
    ['a slow server (timeout)', async () => server.url('/slow.xml'), /timed out after 1000 ms/],
    ['a streamed 5 MB body', async () => server.url('/huge.xml'), /response too large: over 1048576 bytes/],
    ['a declared 5 MB body', async () => server.url('/huge-declared.xml'), /response too large: 5242880 bytes/],
    ['an HTTP error', async () => server.url('/missing.xml'), /HTTP 404/],
  ])('%s is a FeedError', async (_label, url, message) => {
    const error = await fetchFeed(await url(), FETCH).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('ingesting feeds', () => {
  it('adds RSS and Atom items to the corpus as front-matter Markdown files, once', async () => {
    captureLogs();
    const { corpus, corpusDir, store, ingester: ing } = await ingester();
    const rss = await ing.ingestFeed(server.url('/rss.xml'));
    expect(rss.added.map((a) => a.title)).toEqual(['Zephyrion sammelt 2 Milliarden Euro für Rechenzentren', 'Quokkasoft eröffnet Labor in Zürich']);
    const zephyrion = rss.added[0]!;
    expect(zephyrion).toMatchObject({ outlet: 'KI-Wirtschaft Nachrichten', date: '2026-02-05', lang: 'de', url: 'https://news.example.de/zephyrion-finanzierung?utm_source=rss' });
    const file = readFileSync(path.join(corpusDir, zephyrion.id), 'utf8');
    expect(file).toMatch(/^---\ntitle: Zephyrion sammelt 2 Milliarden Euro für Rechenzentren\noutlet: KI-Wirtschaft Nachrichten\ndate: 2026-02-05\n/);
    expect(file).toContain('Das Geld soll in neue Rechenzentren in Bayern fließen & die Zahl der Mitarbeitenden verdoppeln.');
    expect(corpus.search('Zephyrion Rechenzentren').hits[0]?.article.id).toBe(zephyrion.id);

    const atom = await ing.ingestFeed(server.url('/atom.xml'));
    expect(atom.added.map((a) => a.outlet)).toEqual(['AI Deals Wire', 'AI Deals Wire']);
    expect(corpus.articles).toHaveLength(4);

    const again = await ing.ingestFeed(server.url('/rss.xml'));
    expect(again).toMatchObject({ added: [], known: 2, duplicates: [] });
    expect((await store.listIngested()).map((r) => r.source)).toEqual([
      server.url('/rss.xml'), server.url('/rss.xml'), server.url('/atom.xml'), server.url('/atom.xml'),
    ]);
  });

  it('leaves out the same story under another URL (same text) and the same URL listed twice', async () => {
    captureLogs();
    const { corpus, ingester: ing } = await ingester();
    await ing.ingestFeed(server.url('/rss.xml'));
    const copy = readFileSync(path.join(import.meta.dirname, 'fixtures/rss.xml'), 'utf8')
      .replace('https://news.example.de/zephyrion-finanzierung?utm_source=rss', 'https://mirror.example.org/zeph')
      .replace('zeph-1', 'mirror-1')
      .replace('https://news.example.de/quokkasoft-labor', 'https://news.example.de/quokkasoft-labor/#top');
    server.serve('/mirror.xml', copy);
    const report = await ing.ingestFeed(server.url('/mirror.xml'));
    expect(report.added).toEqual([]);
    expect(report.known).toBe(1); // same URL once normalised
    expect(report.duplicates).toEqual([expect.objectContaining({ by: 'text', of: corpus.articles[0]!.id })]);
    expect(corpus.articles).toHaveLength(2);
    // The mirror's URL is remembered: the next poll does not even parse it again.
    expect(await ing.ingestFeed(server.url('/mirror.xml'))).toMatchObject({ known: 2, duplicates: [] });
  });

  it('polls on: a feed that is down, slow or garbage is logged and retried later, the others are ingested', async () => {
    const logs = captureLogs();
    const { corpus, ingester: ing } = await ingester();
    const bad = [await refusedUrl(), server.url('/slow.xml'), server.url('/garbage.xml'), server.url('/page.html'), server.url('/huge.xml')];
    const poller = startIngestPoller({ ingester: ing, feeds: [...bad, server.url('/atom.xml')], intervalMs: 3_600_000 });
    await poller.poll();
    expect(corpus.articles.map((a) => a.outlet)).toEqual(['AI Deals Wire', 'AI Deals Wire']);
    const failures = logs.filter((l) => l.msg === 'feed failed; retrying at the next poll');
    expect(failures.map((l) => l.feed)).toEqual(expect.arrayContaining(bad));
    expect(failures.map((l) => l.err)).toEqual(expect.arrayContaining([
      expect.stringMatching(/ECONNREFUSED/),
      'timed out after 1000 ms',
      expect.stringMatching(/^invalid XML/),
      expect.stringMatching(/^invalid XML|^not an RSS or Atom feed/),
      expect.stringMatching(/^response too large/),
    ]));

    // The next poll tries the broken feeds again; a repaired one is ingested.
    server.serve('/garbage.xml', readFileSync(path.join(import.meta.dirname, 'fixtures/rss.xml'), 'utf8'));
    await poller.poll();
    await poller.stop();
    expect(server.hits.get('/garbage.xml')).toBe(2);
    expect(corpus.articles).toHaveLength(4);
    expect(logs.some((l) => l.msg === 'feed readable again' && l.feed === server.url('/garbage.xml'))).toBe(true);
    expect(logs.find((l) => l.feed === server.url('/slow.xml') && l.failuresInARow === 2)).toBeDefined();
  });

  it('writes nothing for items without title, link or text', async () => {
    captureLogs();
    const { corpusDir, ingester: ing } = await ingester();
    server.serve('/empty-items.xml', '<rss version="2.0"><channel><title>E</title><item></item><item><title></title></item></channel></rss>');
    expect(await ing.ingestFeed(server.url('/empty-items.xml'))).toMatchObject({ added: [], known: 0, duplicates: [], failed: [] });
    expect(readdirSync(corpusDir)).toEqual([]);
  });
});
