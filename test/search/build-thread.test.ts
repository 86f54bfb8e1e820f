/**
 * A build on two threads prepares every article exactly as one thread does, in order, whichever thread
 * took which chunk; a worker that fails or falls silent costs time, never a fact.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateArticle, DEFAULT_SEED } from '../../bench/generate.ts';
import { parseArticle } from '../../src/corpus/load.ts';
import { bundledCatalog } from '../../src/extract/entities.ts';
import { log } from '../../src/log.ts';
import { BuildThread, prepareArticle } from '../../src/search/build-thread.ts';
import { Corpus, PARALLEL_BUILD_FROM } from '../../src/search/corpus.ts';

const catalog = bundledCatalog();
const articles = Array.from({ length: 300 }, (_, i) => parseArticle(generateArticle(DEFAULT_SEED, i).file));
const expected = articles.map((article) => prepareArticle(article, catalog));

function everyPreparation(thread: BuildThread) {
  try {
    return articles.map(() => thread.next());
  } finally {
    thread.close();
  }
}

describe('BuildThread', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Blocks this thread for a while, as a long build step would, so the worker has started and claimed its chunks. */
  const busyFor = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

  it('hands back each article\'s facts and analysed text in order, as one thread would make them', () => {
    const thread = new BuildThread(articles, catalog);
    busyFor(2000); // the worker has started and prepared the chunks sent ahead
    const prepared = everyPreparation(thread);
    expect(prepared).toEqual(expected);
    expect(expected.some((p) => p.facts.deals.length > 0)).toBe(true);
  }, 30_000);

  it('goes on without a worker that answers with errors', () => {
    const warn = vi.spyOn(log, 'warn');
    const thread = new BuildThread(articles, catalog, { workerModule: new URL('../fixtures/workers/failing-build-worker.ts', import.meta.url) });
    busyFor(2000);
    expect(everyPreparation(thread)).toEqual(expected);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ reason: 'the worker failed: out of luck' }), expect.any(String));
  }, 30_000);

  it('goes on without a worker that claims chunks and never answers, once the wait runs out', () => {
    const warn = vi.spyOn(log, 'warn');
    const thread = new BuildThread(articles, catalog, { stallMs: 200, workerModule: new URL('../fixtures/workers/silent-build-worker.ts', import.meta.url) });
    busyFor(2000);
    expect(everyPreparation(thread)).toEqual(expected);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ reason: 'no answer from the worker in 200 ms' }), expect.any(String));
  }, 30_000);
});

describe('Corpus.build', () => {
  it(`gives the same facts and search results on two threads (from ${PARALLEL_BUILD_FROM} articles) as on one`, () => {
    const many = Array.from({ length: PARALLEL_BUILD_FROM }, (_, i) => parseArticle(generateArticle(DEFAULT_SEED, i).file));
    const parallel = Corpus.build(many, 'x', catalog);
    const sequential = Corpus.build(many.slice(0, -1), 'x', catalog);
    sequential.add(many.at(-1)!);
    expect(parallel.facts.toJSON()).toEqual(sequential.facts.toJSON());
    for (const query of ['OpenAI funding', 'Rechenzentrum Milliarden', 'Anthropic']) {
      expect(parallel.search(query).hits).toEqual(sequential.search(query).hits);
    }
  }, 60_000);
});
