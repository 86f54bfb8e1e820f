/** `npm run facts` (src/cli/facts.ts), spawned for real over a temp corpus: the JSON contract, files, errors. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answer } from '../../commands/index.ts';
import { factsReportSchema } from '../../src/answer/contracts.ts';
import { factsJson, factsReport } from '../commands/contract-schemas.ts';
import { ROOT, tempCorpus, tempDir, type TempCorpus } from '../helpers/corpus.ts';
import { runScript, type Run } from '../helpers/spawn.ts';

const FACTS = 'src/cli/facts.ts';

const corpus: TempCorpus = tempCorpus({
  'a-en.md':
    '---\ntitle: Cohere raises money\noutlet: Example News\ndate: 2026-01-05\nurl: https://news.example.org/cohere\nlang: en\n---\n' +
    'Nvidia invests $2 billion in Cohere.\n\nThe deal values Cohere at $7 billion.\n',
  'b-de.md': '---\ntitle: Mistral sammelt Geld ein\ndate: 2026-02-03\nlang: de\n---\nMistral AI erhielt 500 Millionen Euro von Microsoft.\n',
  'c-quiet.md': '---\ntitle: Weather\nlang: en\n---\nIt rained in Berlin.\n',
});
const env = () => ({ CORPUS_DIR: corpus.corpusDir, INDEX_DIR: tempDir('dealdesk-facts-index-'), DATA_DIR: tempDir('dealdesk-facts-data-') });

let all: Run;
let some: Run;
let text: Run;
let unknown: Run;

// Spawned once each, in parallel: every spawn costs about a second.
beforeAll(async () => {
  [all, some, text, unknown] = await Promise.all([
    runScript(FACTS, ['--json'], env()),
    runScript(FACTS, ['--json', path.join(corpus.corpusDir, 'b-de.md'), 'a-en.md'], env()),
    runScript(FACTS, ['a-en.md'], env()),
    runScript(FACTS, ['--json', 'a-en.md', 'missing.md'], env()),
  ]);
}, 60_000);

describe('npm run facts', () => {
  it('--json without files: every article of the corpus, one JSON document on stdout that meets the contract', () => {
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toBe(''); // progress only on a terminal
    const report = factsReport.parse(JSON.parse(all.stdout));
    expect(report.articles.map((a) => a.article)).toEqual(['a-en.md', 'b-de.md', 'c-quiet.md']);
    const [en, de, quiet] = report.articles;
    expect(en).toMatchObject({ title: 'Cohere raises money', outlet: 'Example News', date: '2026-01-05', url: 'https://news.example.org/cohere' });
    expect(en!.deals).toEqual([
      expect.objectContaining({ investors: ['Nvidia'], investor: 'Nvidia', target: 'Cohere', amount: { value: 2e9, max: null, currency: 'USD', qualifier: 'exact' }, quote: 'Nvidia invests $2 billion in Cohere.' }),
    ]);
    expect(en!.figures.find((f) => f.value === 7e9)).toMatchObject({ entity: 'Cohere', metric: 'valuation', unit: 'USD', quote: 'The deal values Cohere at $7 billion.' });
    expect(de!.deals[0]).toMatchObject({ investors: ['Microsoft'], target: 'Mistral AI', amount: { value: 500e6, currency: 'EUR' } });
    expect(quiet).toMatchObject({ deals: [], figures: [] });
  });

  it('prints each article exactly as /facts gives it (one builder for both)', async () => {
    const report = factsReport.parse(JSON.parse(all.stdout));
    const asked = factsJson.parse(JSON.parse(JSON.stringify((await answer('/facts a-en.md', corpus.context())).json)));
    expect(report.articles[0]).toEqual(asked.articles[0]);
  });

  it('with files (a path inside the corpus folder, a name relative to it): those articles, in that order', () => {
    expect(some.code, some.stderr).toBe(0);
    expect(factsReport.parse(JSON.parse(some.stdout)).articles.map((a) => a.article)).toEqual(['b-de.md', 'a-en.md']);
  });

  it('without --json: readable text per article, with the rule behind each fact', () => {
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Facts in Cohere raises money');
    expect(text.stdout).toContain('Nvidia → Cohere: $2B');
    expect(text.stdout).toMatch(/deal · \w+ · 2026-01-05 \(article date\) · rule [\w.-]+: /);
    expect(text.stdout).not.toContain('Mistral');
  });

  it('an unknown file: a clear error on stderr naming it, exit 1, nothing on stdout', () => {
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('missing.md');
    expect(unknown.stderr).toContain('Usage: npm run --silent facts');
  });
});

/** Every key of an object schema, at any depth (through arrays, nullable and optional). */
function keysOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return keysOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return keysOf(schema.element as z.ZodType);
  if (schema instanceof z.ZodObject) return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => [key, ...keysOf(value)]);
  return [];
}

describe('the README on npm run facts', () => {
  it('names only keys the contract has, and every key of a deal and a figure', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /^```\n(\{"command":"facts","articles"[\s\S]*?)^```/m.exec(readme)?.[1];
    expect(block).toBeDefined();
    const named = new Set([...block!.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]!));
    const keys = new Set(keysOf(factsReportSchema));
    expect([...named].filter((key) => !keys.has(key) && key !== 'facts')).toEqual([]);
    expect([...keys].filter((key) => !named.has(key))).toEqual([]);
  });
});
