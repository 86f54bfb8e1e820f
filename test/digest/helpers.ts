/** Shared test helpers for digests, ingestion and state: temp folders, small corpora, captured logs. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import { parseArticle } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import type { Deal, FactSource, Figure } from '../../src/extract/types.ts';
import { log, setLogger } from '../../src/log.ts';
import { Corpus } from '../../src/search/corpus.ts';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `dealdesk-${prefix}-`));
}

/** A copy of the bundled seed corpus in a temp folder. */
export function seedCopy(): string {
  const dir = tempDir('corpus');
  cpSync(path.resolve('seeds'), dir, { recursive: true });
  return dir;
}

export function markdown(meta: Record<string, string>, body: string): string {
  const front = Object.entries(meta).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n');
  return `---\n${front}\n---\n${body}\n`;
}

export function article(name: string, meta: Record<string, string>, body: string): Article {
  return parseArticle({ name, raw: markdown(meta, body) });
}

export function corpusOf(articles: Article[]): Corpus {
  return Corpus.build(articles, 'test');
}

/** Replaces whatever extraction found with the given facts, so digest tests do not depend on the extractor. */
export function setFacts(corpus: Corpus, deals: Deal[], figures: Figure[]): Corpus {
  corpus.facts.deals.splice(0, Infinity, ...deals);
  corpus.facts.figures.splice(0, Infinity, ...figures);
  return corpus;
}

/** The source of a fact: the sentence of the article that prints `figure`, highlighting it. */
export function sourceIn(a: Article, figure: string): FactSource {
  const sentence = a.passages.flatMap((p) => p.sentences).find((s) => s.text.includes(figure))!;
  const at = sentence.text.indexOf(figure);
  return { article: a.id, quote: sentence.text, start: sentence.start, end: sentence.end, highlight: [at, at + figure.length] };
}

export interface CapturedLog {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** Routes the app's log into an array for the current test; restored after it. */
export function captureLogs(): CapturedLog[] {
  const lines: CapturedLog[] = [];
  const previous = log;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as CapturedLog);
      done();
    },
  });
  setLogger(pino({ level: 'debug' }, sink));
  onTestFinished(() => setLogger(previous));
  return lines;
}
