/**
 * One measurement, in a process of its own so that heaps never mix (`bench/run.ts` spawns it as
 * `node --expose-gc --import tsx bench/measure.ts <task> <json options>`). Prints one JSON line on stdout.
 *
 * Tasks:
 * - `build-product`: clean + extract + index (`parseArticle` + `Corpus.build`), then the snapshot is written
 *   (`saveSnapshot`, as `loadCorpus` does);
 * - `build-raw`: raw MiniSearch, default options, over the same titles and texts, then `JSON.stringify`;
 * - `load-product`: `readSnapshot` (as `loadCorpus` does), memory, then /news, /deal, /number latencies via
 *   `runCommand`;
 * - `load-raw`: `MiniSearch.loadJSON`, memory, then raw `search()` latencies on the /news queries.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { runCommand } from '../commands/index.ts';
import { deal } from '../commands/deal.ts';
import { news } from '../commands/news.ts';
import { number } from '../commands/number.ts';
import type { Command } from '../commands/types.ts';
import { parseArticle } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { Corpus } from '../src/search/corpus.ts';
import { readSnapshot, saveSnapshot } from '../src/search/load-corpus.ts';
import { benchContext } from './context.ts';
import { generateArticle, generateQueries, type GeneratedArticle } from './generate.ts';
import { memoryAfterGc, nowMs, percentiles, round, type Percentiles } from './stats.ts';

export interface TaskOptions {
  size: number;
  seed: number;
  /** Where the snapshot of this size is written (build) or read (load). */
  snapshot: string;
  queries: number;
  /** Seconds a command's queries may take in all; past it the rest are skipped (and `n` says how many ran). */
  budget: number;
}

/** Raw MiniSearch: the library's defaults, the two text fields, numeric ids. */
export const RAW_OPTIONS = { fields: ['title', 'text'] };
const FINGERPRINT = 'bench';

function generateAll({ size, seed }: TaskOptions): GeneratedArticle[] {
  const files: GeneratedArticle[] = [];
  for (let i = 0; i < size; i++) files.push(generateArticle(seed, i));
  return files;
}

async function buildProduct(options: TaskOptions) {
  let files: GeneratedArticle[] | null = generateAll(options);
  const words = files.reduce((sum, f) => sum + f.file.raw.split(/\s+/).length, 0);
  const started = nowMs();
  const articles: Article[] = files.map((f) => parseArticle(f.file, f.meta));
  const parsed = nowMs();
  files = null;
  const corpus = Corpus.build(articles, FINGERPRINT);
  const built = nowMs();
  const memory = memoryAfterGc();
  const saveStarted = nowMs();
  saveSnapshot(options.snapshot, corpus);
  const saved = nowMs();
  return {
    articles: corpus.articles.length,
    words_per_article: Math.round(words / options.size),
    parse_ms: round(parsed - started),
    index_ms: round(built - parsed),
    build_ms: round(built - started),
    build_per_s: round((options.size / (built - started)) * 1000, 1),
    save_ms: round(saved - saveStarted),
    snapshot_mb: round(statSync(options.snapshot).size / 2 ** 20, 1),
    deals: corpus.facts.deals.length,
    figures: corpus.facts.figures.length,
    after_build: memory,
  };
}

async function buildRaw(options: TaskOptions) {
  let docs: { id: number; title: string; text: string }[] | null = generateAll(options).map((f, id) => ({ id, title: f.meta.title, text: f.file.raw }));
  const index = new MiniSearch(RAW_OPTIONS);
  const started = nowMs();
  index.addAll(docs);
  const built = nowMs();
  docs = null;
  const memory = memoryAfterGc();
  const saveStarted = nowMs();
  writeFileSync(options.snapshot, JSON.stringify(index));
  const saved = nowMs();
  return {
    build_ms: round(built - started),
    build_per_s: round((options.size / (built - started)) * 1000, 1),
    save_ms: round(saved - saveStarted),
    snapshot_mb: round(statSync(options.snapshot).size / 2 ** 20, 1),
    after_build: memory,
  };
}

/**
 * Runs `fn` over every query after a short warm-up; per-call latencies in ms. Bounded: stops after
 * `budgetS` seconds, so a slow command cannot hold up the benchmark (`n` then says how many ran).
 */
/** Queries timed even past the budget. */
const MIN_TIMED = 5;

async function timeQueries(queries: string[], fn: (q: string) => unknown, budgetS: number): Promise<Percentiles> {
  const deadline = nowMs() + budgetS * 1000;
  for (const q of queries.slice(0, 20)) {
    if (nowMs() > deadline) break;
    await fn(q);
  }
  const samples: number[] = [];
  for (const q of queries) {
    // However slow, a few queries are always timed: a command slower than the budget must not read as 0 ms.
    if (nowMs() > deadline && samples.length >= MIN_TIMED) break;
    const started = nowMs();
    await fn(q);
    samples.push(nowMs() - started);
  }
  return percentiles(samples);
}

async function loadProduct(options: TaskOptions) {
  const started = nowMs();
  const corpus = readSnapshot(options.snapshot, FINGERPRINT);
  const loaded = nowMs();
  const memory = memoryAfterGc();
  const ctx = benchContext(corpus, new Date('2026-02-14T12:00:00Z'));
  const queries = generateQueries(options.seed, options.queries);
  const run = (command: Command<any>) => (q: string) => runCommand(command, q, ctx);
  return {
    load_ms: round(loaded - started),
    after_load: memory,
    news: await timeQueries(queries.news, run(news), options.budget),
    deal: await timeQueries(queries.deal, run(deal), options.budget),
    number: await timeQueries(queries.number, run(number), options.budget),
  };
}

async function loadRaw(options: TaskOptions) {
  const started = nowMs();
  const index = MiniSearch.loadJSON(readFileSync(options.snapshot, 'utf8'), RAW_OPTIONS);
  const loaded = nowMs();
  const memory = memoryAfterGc();
  const queries = generateQueries(options.seed, options.queries);
  return {
    load_ms: round(loaded - started),
    after_load: memory,
    search: await timeQueries(queries.news, (q) => index.search(q), options.budget),
  };
}

const TASKS = { 'build-product': buildProduct, 'build-raw': buildRaw, 'load-product': loadProduct, 'load-raw': loadRaw } as const;
export type Task = keyof typeof TASKS;

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  const fn = TASKS[task as Task];
  if (!fn || !json) throw new Error(`usage: measure.ts <${Object.keys(TASKS).join('|')}> <options json>`);
  const result = await fn(JSON.parse(json) as TaskOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
