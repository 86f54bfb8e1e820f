import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DedupeIndex, normaliseUrl, textHash } from '../../src/ingest/dedupe.ts';
import { Ingester } from '../../src/ingest/ingester.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { article, captureLogs, corpusOf, markdown, tempDir } from '../digest/helpers.ts';

describe('dedupe keys', () => {
  it('normalises URLs: no fragment, tracking parameters or trailing slash', () => {
    expect(normaliseUrl('https://News.Example.de/a/b/?utm_source=rss&id=7#top')).toBe('https://news.example.de/a/b?id=7');
    expect(normaliseUrl('https://example.com/')).toBe('https://example.com/');
    expect(normaliseUrl('not a url ')).toBe('not a url');
  });

  it('hashes the normalised body text: case, punctuation and spacing do not matter, the title does not count', () => {
    const a = article('a.md', { title: 'One' }, 'OpenAI raises   money, people said.\n\nIt is big.');
    const b = article('b.md', { title: 'Two' }, 'openai raises money people said. It is BIG!');
    const c = article('c.md', {}, 'Something else entirely happened here.');
    expect(textHash(a)).toBe(textHash(b));
    expect(textHash(a)).not.toBe(textHash(c));
    expect(textHash(article('d.md', {}, ''))).toBeNull();
  });

  it('finds duplicates by URL or by text, never an article of itself', () => {
    const known = article('known.md', { url: 'https://x.test/story' }, 'A story about a large funding round.');
    const index = DedupeIndex.of([known], []);
    expect(index.duplicateOf(known)).toBeNull();
    expect(index.duplicateOf(article('other.md', { url: 'https://x.test/story/#comments' }, 'Different text.'))).toEqual({ of: 'known.md', by: 'url' });
    expect(index.duplicateOf(article('copy.md', {}, 'A story about a large funding round.'))).toEqual({ of: 'known.md', by: 'text' });
  });
});

function sourceFolder(): string {
  const dir = tempDir('import');
  writeFileSync(path.join(dir, 'a.txt'), 'Vantablue raised 300 million dollars from Sequoia in a new round.\n');
  writeFileSync(path.join(dir, 'sources.yml'), 'a.txt:\n  title: Vantablue raises\n  outlet: Wire\n  date: 2026-02-05\n');
  writeFileSync(path.join(dir, 'b.md'), markdown({ title: 'Orbitfold hires' }, 'Orbitfold hired a chief scientist from London.'));
  writeFileSync(path.join(dir, 'c.txt'), 'Vantablue raised 300 million dollars from Sequoia in a new round!\n');
  writeFileSync(path.join(dir, 'notes.csv'), 'not an article');
  return dir;
}

describe('importPath (npm run ingest -- <folder>)', () => {
  it('copies new articles into the corpus folder, keeps sidecar metadata, leaves duplicates out', async () => {
    captureLogs();
    const corpusDir = tempDir('corpus');
    writeFileSync(path.join(corpusDir, 'b.md'), markdown({ title: 'Another b' }, 'A different article that happens to be called b.'));
    const corpus = corpusOf([]);
    const store = new FileStateStore(tempDir('state'));
    const ingester = await Ingester.open({ corpus, corpusDir, store });
    const progress: string[] = [];
    const report = await ingester.importPath(sourceFolder(), (done, total) => progress.push(`${done}/${total}`));

    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(report.added.map((a) => a.id)).toEqual(['a.md', expect.stringMatching(/^b-[0-9a-f]{8}\.md$/)]);
    expect(report.duplicates).toEqual([{ name: 'c.txt', of: 'a.md', by: 'text' }]);
    expect(corpus.get('a.md')).toMatchObject({ title: 'Vantablue raises', outlet: 'Wire', date: '2026-02-05' });
    expect(readFileSync(path.join(corpusDir, 'a.md'), 'utf8')).toMatch(/^---\ntitle: Vantablue raises\noutlet: Wire\ndate: 2026-02-05\n---\nVantablue raised/);
    expect(readFileSync(path.join(corpusDir, 'b.md'), 'utf8')).toContain('Another b'); // not overwritten
    expect(readdirSync(corpusDir).sort()).toEqual(['a.md', 'b.md', report.added[1]!.id].sort());
    expect((await store.listIngested()).map((r) => [r.article, r.source])).toEqual([['a.md', 'cli'], [report.added[1]!.id, 'cli']]);
  });

  it('runs from the command line with a summary', async () => {
    const corpusDir = tempDir('corpus');
    const env = { ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: tempDir('index'), DATA_DIR: tempDir('data'), LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '' };
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', sourceFolder()], { env });
    expect(stdout).toMatch(/: 2 added, 1 duplicates left out \(c\.txt = a\.md\)\n/);
    expect(stdout).toContain(`Corpus: 2 articles in ${corpusDir}`);
    expect(readdirSync(corpusDir).sort()).toEqual(['a.md', 'b.md']);
  });
});
