/** The loader on a temp corpus: .md front matter, language detection, bad files, CORPUS_DIR. */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArticle, readCorpusFiles, readSidecar } from '../../src/corpus/load.ts';
import { normalizeWithOffsets } from '../../src/corpus/normalize.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, log, setLogger } from '../../src/log.ts';
import { tempCorpus } from '../helpers/corpus.ts';

const original = log;
afterEach(() => setLogger(original));

/** Routes the process logger into an array of parsed JSON lines. */
function captureLogs(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  setLogger(createLogger({ level: 'debug', destination: { write: (s: string) => void lines.push(JSON.parse(s)) } }));
  return lines;
}

function loadArticles(dir: string) {
  const sidecar = readSidecar(dir);
  return readCorpusFiles(dir).map((file) => ({ file, article: parseArticle(file, sidecar.get(file.name)) }));
}

const MD = `---
title: Acme AI raises $2 billion
outlet: Example Times
date: 2026-02-03
url: https://example.com/acme
lang: en
byline: Jane Doe
---
# Acme AI raises $2 billion

Acme AI said on Tuesday it raised $2\u00A0billion in a round led by U.S. investors. The round values the company at about $30 billion.

The company will build a new data center in Ohio.
`;

const GERMAN = 'Der Konzern will die Investitionen in den kommenden Jahren deutlich erhöhen, sagte der Chef. Die Bewertung liegt bei 30 Milliarden Euro und ist damit so hoch wie nie.\n';
const ENGLISH = 'The company said it will raise its investment in the coming years. The valuation is now at 30 billion dollars, which is higher than ever before.\n';

describe('Markdown with front matter', () => {
  it('reads every field, and offsets still point into the whole file', () => {
    const corpus = tempCorpus({ '010_acme.md': MD });
    const [{ file, article }] = loadArticles(corpus.corpusDir) as [ReturnType<typeof loadArticles>[number]];
    expect(article).toMatchObject({
      id: '010_acme.md',
      title: 'Acme AI raises $2 billion',
      outlet: 'Example Times',
      date: '2026-02-03',
      url: 'https://example.com/acme',
      lang: 'en',
      byline: 'Jane Doe',
    });
    const sentences = article.passages.flatMap((p) => p.sentences);
    expect(sentences.map((s) => s.text)).toEqual([
      'Acme AI said on Tuesday it raised $2 billion in a round led by U.S. investors.',
      'The round values the company at about $30 billion.',
      'The company will build a new data center in Ohio.',
    ]);
    for (const s of sentences) {
      expect(s.start).toBeGreaterThan(MD.indexOf('\n---\n'));
      expect(normalizeWithOffsets(file.raw.slice(s.start, s.end)).text).toBe(s.text);
    }
  });

  it('front matter fields are all optional; a missing lang is detected', () => {
    const corpus = tempCorpus({
      'a.md': `---\ntitle: Nur ein Titel\n---\n${GERMAN}`,
      'b.md': `---\noutlet: Wire\n---\n${ENGLISH}`,
      'c.md': ENGLISH,
      'd.txt': GERMAN,
    });
    const byId = new Map(loadArticles(corpus.corpusDir).map(({ article }) => [article.id, article]));
    expect(byId.get('a.md')).toMatchObject({ title: 'Nur ein Titel', lang: 'de', outlet: null, date: null });
    expect(byId.get('b.md')).toMatchObject({ outlet: 'Wire', lang: 'en' });
    expect(byId.get('c.md')).toMatchObject({ lang: 'en', outlet: null });
    expect(byId.get('d.txt')).toMatchObject({ lang: 'de' });
    // No title: the first sentence serves.
    expect(byId.get('d.txt')!.title).toMatch(/^Der Konzern will die Investitionen/);
  });

  it('front matter after a byte-order mark and with CRLF line ends is read; offsets still map', () => {
    const crlf = `\uFEFF${MD.replace(/\n/g, '\r\n')}`;
    const corpus = tempCorpus({ 'win.md': crlf, 'only-meta.md': '---\ntitle: Nothing else\n---' });
    const byId = new Map(loadArticles(corpus.corpusDir).map(({ file, article }) => [article.id, { file, article }]));
    const { file, article } = byId.get('win.md')!;
    expect(article).toMatchObject({ title: 'Acme AI raises $2 billion', outlet: 'Example Times', lang: 'en' });
    const sentences = article.passages.flatMap((p) => p.sentences);
    expect(sentences.map((s) => s.text).join(' ')).not.toMatch(/outlet|byline|---/);
    expect(sentences).toHaveLength(3);
    for (const s of sentences) expect(normalizeWithOffsets(file.raw.slice(s.start, s.end)).text).toBe(s.text);
    expect(byId.get('only-meta.md')!.article).toMatchObject({ title: 'Nothing else', passages: [] });
  });

  it('binary junk or an empty file does not crash the loader', () => {
    const corpus = tempCorpus({
      'junk.txt': Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
      'empty.txt': '',
      'latin1.txt': Buffer.from('Die \xdcbernahme kostet 5 Milliarden Euro, sagte der Chef des Konzerns.\n', 'latin1'),
      'ok.txt': GERMAN,
    });
    const ctx = corpus.context();
    expect(ctx.corpus.articles.map((a) => a.id)).toEqual(['empty.txt', 'junk.txt', 'latin1.txt', 'ok.txt']);
    expect(ctx.corpus.get('empty.txt')!.passages).toEqual([]);
    expect(ctx.corpus.search('Bewertung').hits[0]?.article.id).toBe('ok.txt');
  });

  it('front matter wins over the sidecar; the sidecar serves .txt files', () => {
    const corpus = tempCorpus({
      'a.md': `---\noutlet: Front\n---\n${ENGLISH}`,
      'b.txt': GERMAN,
      'sources.yml': 'a.md:\n  outlet: Sidecar\n  byline: Side Car\nb.txt:\n  outlet: Wire\n  date: 2026-01-15\n  lang: de\n',
    });
    const byId = new Map(loadArticles(corpus.corpusDir).map(({ article }) => [article.id, article]));
    expect(byId.get('a.md')).toMatchObject({ outlet: 'Front', byline: 'Side Car' });
    expect(byId.get('b.txt')).toMatchObject({ outlet: 'Wire', date: '2026-01-15' });
  });

  it('bad front matter is logged and ignored; the article is still read', () => {
    const logs = captureLogs();
    const corpus = tempCorpus({
      'bad-yaml.md': `---\ntitle: [unclosed\n  : : :\n---\n${ENGLISH}`,
      'bad-date.md': `---\ntitle: Fine\ndate: yesterday\n---\n${GERMAN}`,
    });
    const byId = new Map(loadArticles(corpus.corpusDir).map(({ article }) => [article.id, article]));
    expect(byId.size).toBe(2);
    expect(byId.get('bad-yaml.md')!.passages.length).toBeGreaterThan(0);
    expect(byId.get('bad-yaml.md')!.lang).toBe('en');
    // Bad front matter is dropped whole, and its text never becomes a sentence.
    expect(byId.get('bad-date.md')!.date).toBeNull();
    expect(byId.get('bad-date.md')!.passages.flatMap((p) => p.sentences).map((s) => s.text).join(' ')).not.toContain('yesterday');
    const warned = logs.filter((l) => l.level === 40).map((l) => l.file);
    expect(warned).toEqual(expect.arrayContaining(['bad-yaml.md', 'bad-date.md']));
  });
});

describe('bad files', () => {
  it('an unreadable file is logged and skipped, the others load', () => {
    const logs = captureLogs();
    const corpus = tempCorpus({ 'good.txt': GERMAN, 'notes.csv': 'a,b\n', 'README.md': '# About this folder\n' });
    symlinkSync(path.join(corpus.corpusDir, 'does-not-exist'), path.join(corpus.corpusDir, 'broken.txt'));
    mkdirSync(path.join(corpus.corpusDir, 'folder.txt'));
    const files = readCorpusFiles(corpus.corpusDir);
    expect(files.map((f) => f.name)).toEqual(['good.txt']);
    expect(logs.some((l) => l.file === 'broken.txt' && l.level === 40)).toBe(true);
  });

  it('a broken sidecar is logged and ignored', () => {
    const logs = captureLogs();
    const corpus = tempCorpus({ 'a.txt': GERMAN, 'sources.yml': 'a.txt: [oops\n' });
    const { result } = { result: corpus.load() };
    expect(result.corpus.articles.map((a) => a.id)).toEqual(['a.txt']);
    expect(logs.some((l) => l.file === 'sources.yml')).toBe(true);
  });

  it('a missing corpus folder is a clear error', () => {
    expect(() => readCorpusFiles('/definitely/not/here')).toThrow(/corpus folder/);
  });
});

describe('CORPUS_DIR', () => {
  it('is configurable and resolved against the working directory; default seeds/', () => {
    const corpus = tempCorpus({ 'a.txt': GERMAN });
    expect(loadConfig({ CORPUS_DIR: corpus.corpusDir }).corpusDir).toBe(corpus.corpusDir);
    expect(loadConfig({ CORPUS_DIR: 'corpus' }, path.dirname(corpus.corpusDir)).corpusDir).toBe(corpus.corpusDir);
    expect(loadConfig({}, '/app').corpusDir).toBe('/app/seeds');
    expect(loadConfig({}, '/app').indexDir).toBe('/app/index');
  });

  it('a temp corpus folder is searched instead of the seeds', () => {
    const ctx = tempCorpus({ 'a.txt': GERMAN, 'b.md': `---\ntitle: Acme\n---\n${ENGLISH}` }).context();
    expect(ctx.corpus.articles.map((a) => a.id)).toEqual(['a.txt', 'b.md']);
    expect(ctx.corpus.search('Bewertung').hits[0]?.article.id).toBe('a.txt');
    expect(ctx.corpus.search('valuation').hits.map((h) => h.article.id)).toEqual(expect.arrayContaining(['a.txt', 'b.md']));
  });
});
