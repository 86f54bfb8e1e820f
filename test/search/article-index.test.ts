/**
 * The MiniSearch adapter reads MiniSearch's postings and scores them itself, so an upgrade could silently
 * change what it returns: here it must return what MiniSearch's own public `search()` returns for the same
 * query, on the seed articles.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyzer.ts';
import { analyzeArticle, ArticleIndex, MINISEARCH_OPTIONS, wordQuery, type SearchDocument } from '../../src/search/article-index.ts';
import { seedContext } from '../helpers/corpus.ts';

// The last one has more than 32 query terms and words: its bit sets take two words per article.
const QUERIES = ['Rechenzentrum', 'data center', 'Amazon OpenAI Beteiligung', 'Anthropic valuation', 'Stellen', 'Nvidia SoftBank Microsoft', 'Indiana',
  'Rechenzentrum data center Amazon OpenAI Beteiligung Anthropic valuation Stellen Nvidia SoftBank Microsoft Indiana Bewertung Milliarden Dollar Investition Chips Cloud Umsatz revenue jobs Gewinn profit Aktie shares Börse market Runde round Investor investors Kapital capital Fonds fund Übernahme acquisition'];

describe('ArticleIndex', () => {
  const { articles } = seedContext().corpus;
  const index = ArticleIndex.create();
  const reference = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
  articles.forEach((article, id) => {
    index.add(id, article);
    reference.add({ id, ...analyzeArticle(article) });
  });

  it.each(QUERIES.flatMap((query) => [{ query, fuzzy: false }, { query, fuzzy: true }]))('$query (fuzzy: $fuzzy): what search() returns', ({ query, fuzzy }) => {
    const words = analyzeQuery(query);
    if (query.length > 100) expect(new Set(words.flatMap((w) => w.terms)).size).toBeGreaterThan(32);
    const expected = reference.search({ combineWith: 'OR', queries: words.map((word) => wordQuery(word, fuzzy)) });
    const found = index.search(words, fuzzy, articles.length);
    expect(found.count).toBe(expected.length);
    expect(found.top.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    found.top.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 10));
    expect(found.count).toBeGreaterThan(0);
  });

  it('cuts to the best `limit` articles, and reports per word the terms and articles it matched', () => {
    const words = analyzeQuery('Amazon Rechenzentrum');
    const all = index.search(words, false, articles.length);
    const two = index.search(words, false, 2);
    expect(two.top).toEqual(all.top.slice(0, 2));
    expect(two.words).toHaveLength(2);
    const [amazon, rechenzentrum] = two.words;
    expect(amazon!.articles).toBeGreaterThan(rechenzentrum!.articles);
    expect([...rechenzentrum!.terms].every((term) => term.startsWith('rechenzentr'))).toBe(true);
  });

  it('loads what it saved: the same results for every query, and takes new articles after', () => {
    const loaded = ArticleIndex.load(JSON.parse(JSON.stringify(index.toJSON())));
    for (const query of QUERIES) {
      for (const fuzzy of [false, true]) expect(loaded.search(analyzeQuery(query), fuzzy, 5)).toEqual(index.search(analyzeQuery(query), fuzzy, 5));
    }
    const again = articles.length;
    loaded.add(again, articles[0]!);
    const words = analyzeQuery(articles[0]!.title ?? 'Amazon');
    expect(loaded.search(words, false, articles.length + 1).top.map((r) => r.id)).toContain(again);
  });

  it('leaves out a removed article, and counts only the articles still there', () => {
    const words = analyzeQuery('Amazon');
    const partial = ArticleIndex.create();
    articles.forEach((article, id) => partial.add(id, article));
    const before = partial.search(words, false, articles.length);
    const gone = before.top[0]!.id;
    partial.remove(gone);
    const after = partial.search(words, false, articles.length);
    expect(after.count).toBe(before.count - 1);
    expect(after.words[0]!.articles).toBe(before.words[0]!.articles - 1);
    expect(after.top.map((r) => r.id)).not.toContain(gone);
    const reloaded = ArticleIndex.load(JSON.parse(JSON.stringify(partial.toJSON())));
    expect(reloaded.search(words, false, articles.length).top.map((r) => r.id)).toEqual(after.top.map((r) => r.id));
  });
});
