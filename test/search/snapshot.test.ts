/** The index snapshot: built and saved once, reused, rebuilt when the corpus changes or the file is bad. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextNewline, SNAPSHOT_VERSION } from '../../src/search/snapshot.ts';
import { loadCorpus, snapshotFile } from '../../src/search/load-corpus.ts';
import { SEEDS_DIR, tempCorpus, tempDir } from '../helpers/corpus.ts';

const GERMAN = 'Der Konzern will die Investitionen in Rechenzentren deutlich erhöhen, sagte der Chef. Die Bewertung liegt bei 30 Milliarden Euro.\n';

/** A copy of the seeds in a temp folder, with its own index folder. */
function seedCopy() {
  const corpus = tempCorpus();
  cpSync(SEEDS_DIR, corpus.corpusDir, { recursive: true });
  return corpus;
}

const QUERIES = ['Rechenzentrum', 'data center', 'Indiana', 'Amazon OpenAI Beteiligung', 'valuation', 'jobs', 'Bewertung Billionen', 'Ubernahme'];

/** Hits of each query; scores to 10 digits (MiniSearch recomputes averages on load: the last bits differ). */
function answers(corpus: ReturnType<typeof loadCorpus>['corpus']) {
  return QUERIES.map((q) =>
    corpus.search(q).hits.map((h) => ({ id: h.article.id, sentence: h.passage.sentences[h.sentence]!.text, highlights: h.highlights, score: Number(h.score.toPrecision(10)) })),
  );
}

describe('snapshot', () => {
  it('keeps one snapshot per corpus folder: switching CORPUS_DIR back loads it instead of rebuilding', () => {
    const indexDir = tempDir('index');
    const [a, b] = [tempCorpus({ 'a.md': GERMAN }), tempCorpus({ 'b.md': `Nvidia investiert.\n${GERMAN}` })];
    const load = (corpusDir: string) => loadCorpus({ corpusDir, indexDir }).source;
    expect([load(a.corpusDir), load(b.corpusDir), load(a.corpusDir), load(b.corpusDir)]).toEqual(['built', 'built', 'snapshot', 'snapshot']);
    expect(readdirSync(indexDir).sort()).toEqual([snapshotFile(a.corpusDir), snapshotFile(b.corpusDir)].sort());
  });

  it('is built and saved on first load, then reused', () => {
    const corpus = seedCopy();
    const snapshot = path.join(corpus.indexDir, snapshotFile(corpus.corpusDir));
    expect(existsSync(snapshot)).toBe(false);
    const first = corpus.load();
    expect(first.source).toBe('built');
    expect(first.corpus.articles).toHaveLength(5);
    expect(existsSync(snapshot)).toBe(true);
    expect(JSON.parse(readFileSync(snapshot, 'utf8'))).toMatchObject({ version: SNAPSHOT_VERSION, fingerprint: first.corpus.fingerprint });
    // No temp files left behind by the atomic write.
    expect(readdirSync(corpus.indexDir)).toEqual([snapshotFile(corpus.corpusDir)]);

    const second = corpus.load();
    expect(second.source).toBe('snapshot');
    expect(second.corpus.fingerprint).toBe(first.corpus.fingerprint);
    expect(second.corpus.articles).toEqual(first.corpus.articles);
  });

  it('keeps the entity catalogue it was built with: a custom one is still known after a load', () => {
    const corpus = tempCorpus({ 'a.txt': 'Quillotronics sammelt 20 Millionen Euro ein.\n' });
    const entitiesFile = path.join(tempDir(), 'entities.yml');
    writeFileSync(entitiesFile, 'entities:\n  - id: quillotronics\n    name: Quillotronics\n    kind: company\n');
    const load = () => loadCorpus({ corpusDir: corpus.corpusDir, indexDir: corpus.indexDir, entitiesFile });
    expect(load().source).toBe('built');
    const loaded = load();
    expect(loaded.source).toBe('snapshot');
    expect(loaded.corpus.facts.catalog.get('quillotronics')?.name).toBe('Quillotronics');
    expect(loaded.corpus.facts.catalog.get('amazon')).toBeUndefined();
    writeFileSync(entitiesFile, 'entities:\n  - id: quillo\n    name: Quillotronics\n    kind: company\n');
    const edited = load();
    expect(edited.source).toBe('built');
    expect(edited.corpus.facts.catalog.get('quillo')?.name).toBe('Quillotronics');
  });

  it('answers identically from a fresh build and from the loaded snapshot', () => {
    const corpus = seedCopy();
    const built = corpus.load();
    const loaded = corpus.load();
    expect(loaded.source).toBe('snapshot');
    const fromBuild = answers(built.corpus);
    expect(fromBuild.every((hits) => hits.length > 0)).toBe(true);
    expect(answers(loaded.corpus)).toEqual(fromBuild);
  });

  it('rebuilds when a file changes, is added, or is removed, and when the sidecar changes', () => {
    const corpus = tempCorpus({ 'a.txt': GERMAN });
    const first = corpus.load();
    expect(corpus.load().source).toBe('snapshot');

    corpus.write('a.txt', GERMAN.replace('30 Milliarden', '40 Milliarden'));
    const edited = corpus.load();
    expect(edited).toMatchObject({ source: 'built' });
    expect(edited.reason).toMatch(/another corpus/);
    expect(edited.corpus.fingerprint).not.toBe(first.corpus.fingerprint);
    expect(edited.corpus.search('40').hits).not.toHaveLength(0);
    expect(corpus.load().source).toBe('snapshot');

    corpus.write('b.txt', 'Amazon eröffnet in Indiana einen Rechenzentrumscampus für Anthropic.\n');
    const added = corpus.load();
    expect(added.source).toBe('built');
    expect(added.corpus.articles.map((a) => a.id)).toEqual(['a.txt', 'b.txt']);
    expect(added.corpus.search('Indiana').hits[0]?.article.id).toBe('b.txt');

    corpus.write('sources.yml', 'b.txt:\n  outlet: Wire\n');
    const meta = corpus.load();
    expect(meta.source).toBe('built');
    expect(meta.corpus.get('b.txt')?.outlet).toBe('Wire');
  });

  it('a forced build ignores a matching snapshot', () => {
    const corpus = tempCorpus({ 'a.txt': GERMAN });
    corpus.load();
    const forced = loadCorpus({ corpusDir: corpus.corpusDir, indexDir: corpus.indexDir, force: true });
    expect(forced).toMatchObject({ source: 'built', reason: 'forced rebuild' });
  });

  const CORRUPTIONS: [string, (good: string) => string | Buffer][] = [
    ['garbage bytes', () => Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0xc3, 0x28])],
    ['an empty file', () => ''],
    ['truncated JSON', (good) => good.slice(0, Math.floor(good.length / 2))],
    ['another version', (good) => JSON.stringify({ ...JSON.parse(good), version: SNAPSHOT_VERSION + 99 })],
    ['JSON null', () => 'null'],
    ['a JSON array', () => '[1,2,3]'],
    ['no index', (good) => JSON.stringify({ ...JSON.parse(good), index: undefined })],
    ['a broken index', (good) => JSON.stringify({ ...JSON.parse(good), index: { documentCount: 'x', index: 42 } })],
    ['articles not a list', (good) => JSON.stringify({ ...JSON.parse(good), articles: { a: 1 } })],
    ['an article without its passages', (good) => good.replace(/(\],"passages":\[\n)[^\n]*\n/, '$1')],
    ['no deals', (good) => good.replace(/(\],"facts":\{"deals":\[\n)[^\n]*\n/, '$1')],
    ['no figures', (good) => good.replace(/(\],"figures":\[\n)[^\n]*\n/, '$1')],
    ['no index terms', (good) => good.replace(/("tree":\[\n)[\s\S]*\n(\]\},"manifest")/, '$1$2')],
    ['an articles part of []', (good) => good.replace(/(\],"articles":\[\n)[^\n]*\n/, '$1')],
    ['a changed amount in a deal', (good) => good.replace(/("value":)(\d)/, (_m, key: string, digit: string) => `${key}${(Number(digit) + 1) % 10}`)],
    ['no manifest', (good) => good.replace(/,"manifest":\{.*\}\}\n$/, '}\n')],
    ['passages missing from one JSON document', (good) => JSON.stringify({ ...JSON.parse(good), passages: undefined })],
  ];

  it.each(CORRUPTIONS)('a snapshot with %s is rebuilt and saved again, without crashing', (_what, corrupt) => {
    const corpus = tempCorpus({
      'a.txt': GERMAN,
      'b.txt': 'Amazon eröffnet in Indiana einen Rechenzentrumscampus.\n',
      'c.txt': 'Amazon investiert 4 Milliarden Dollar in Anthropic. Anthropic ist mit 61,5 Milliarden Dollar bewertet.\n',
    });
    const snapshot = path.join(corpus.indexDir, snapshotFile(corpus.corpusDir));
    const built = corpus.load().corpus;
    expect([built.facts.deals.length, built.facts.figures.length]).toEqual([1, 1]);
    const good = readFileSync(snapshot, 'utf8');
    expect(corrupt(good)).not.toEqual(good);
    writeFileSync(snapshot, corrupt(good));

    const result = corpus.load();
    expect(result.source).toBe('built');
    expect(result.reason).toMatch(/snapshot/);
    expect(result.corpus.search('Indiana').hits[0]?.article.id).toBe('b.txt');
    expect(JSON.parse(readFileSync(snapshot, 'utf8')).version).toBe(SNAPSHOT_VERSION);
    expect(corpus.load().source).toBe('snapshot');
  });

  it('removes a snapshot’s temporary file left by a write that was killed', () => {
    const corpus = tempCorpus({ 'a.txt': GERMAN });
    corpus.load();
    const snapshot = path.join(corpus.indexDir, snapshotFile(corpus.corpusDir));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${snapshot}.${gone}.1700000000000.tmp`, '{"version":');
    expect(corpus.load().source).toBe('snapshot');
    expect(readdirSync(corpus.indexDir)).toEqual([snapshotFile(corpus.corpusDir)]);
  });

  it('an index folder that cannot be written is not fatal', () => {
    const corpus = tempCorpus({ 'a.txt': GERMAN });
    const blocker = path.join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const result = loadCorpus({ corpusDir: corpus.corpusDir, indexDir: path.join(blocker, 'index') });
    expect(result.source).toBe('built');
    expect(result.corpus.search('Bewertung').hits).not.toHaveLength(0);
  });

  it('an empty corpus folder loads as an empty corpus', () => {
    const result = tempCorpus().load();
    expect(result.corpus.articles).toEqual([]);
    expect(result.corpus.search('Amazon').hits).toEqual([]);
  });
});

describe('nextNewline', () => {
  it('finds each newline however small its search window, and the end when there is none', () => {
    const text = Buffer.from('ab\ncdefgh\n\nxyz');
    for (const window of [1, 2, 3, 5, 1 << 30]) {
      const found: number[] = [];
      for (let at = nextNewline(text, 0, window); at < text.length; at = nextNewline(text, at + 1, window)) found.push(at);
      expect(found).toEqual([2, 9, 10]);
      expect(nextNewline(text, 11, window)).toBe(text.length);
    }
  });
});
