/**
 * The one adapter to MiniSearch: a full-text index whose documents are whole articles. It is the only
 * module that imports MiniSearch, and the only one that touches its private `executeQuery`,
 * `combineResults` and `_documentIds` (which is why `minisearch` is pinned to an exact version, and why
 * `test/search/article-index.test.ts` checks that `search` here returns what MiniSearch's own `search()`
 * returns for the same query).
 *
 * A document is an article, not a sentence or a paragraph: that keeps the index as small as raw MiniSearch
 * over the same texts. Passages to quote are chosen afterwards from the top articles (`passages.ts`).
 */
import MiniSearch, { type AsPlainObject, type Options, type Query } from 'minisearch';
import type { Article } from '../corpus/types.ts';
import { stem } from '../text/stem.ts';
import { indexTerms, type QueryWord } from './analyzer.ts';

export interface SearchDocument {
  id: number;
  title: string;
  text: string;
}

/**
 * Documents reach MiniSearch already analysed (terms joined by spaces, stemmed by the article's language),
 * so its own tokenizer only splits on spaces and its term processing is the identity.
 */
export const MINISEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'text'],
  storeFields: [],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
  searchOptions: {
    boost: { title: 2 },
    tokenize: (text) => [text],
    processTerm: (term) => term,
  },
};

/**
 * Query terms shorter than this are matched exactly; longer ones also as prefixes (compounds, plurals). Five
 * letters were too few: the stem `stell` (`Stellen`, jobs) then found `stellt`, `stellte` (puts, put).
 */
export const MIN_PREFIX_LENGTH = 6;

/** Index terms that come from synonyms count this much against the stems of the word as typed. */
const SYNONYM_BOOST = 0.5;

/** The terms of the word as typed (not of its synonyms): its own folded form and stems. */
export function ownTerms(word: QueryWord): Set<string> {
  return new Set([word.text, stem(word.text, 'de'), stem(word.text, 'en')]);
}

/** One word: any of its terms, synonyms' terms boosted less; prefixes from six letters; fuzzy in the fallback. */
export function wordQuery(word: QueryWord, fuzzy: boolean): Query {
  const own = ownTerms(word);
  return {
    combineWith: 'OR',
    queries: word.terms,
    boostTerm: (term: string) => (own.has(term) ? 1 : SYNONYM_BOOST),
    prefix: (term: string) => term.length >= MIN_PREFIX_LENGTH,
    fuzzy: fuzzy ? (term: string) => (term.length >= MIN_PREFIX_LENGTH ? 0.2 : false) : false,
  };
}

/** An article's title and body as index terms: a search document without its id. */
export type AnalyzedArticle = Omit<SearchDocument, 'id'>;

/** The index terms of an article's title and of its body (headings and sentences). */
export function analyzeArticle(article: Article): AnalyzedArticle {
  const body = article.passages.flatMap((p) => [p.heading ?? '', ...p.sentences.map((s) => s.text)]).join('\n');
  return {
    title: indexTerms(article.title ?? '', article.lang).join(' '),
    text: indexTerms(body, article.lang).join(' '),
  };
}

/** What one query word matched in the whole index. */
export interface WordHits {
  /** The index terms found for the word (exact, prefix and, in the fallback, fuzzy). */
  terms: Set<string>;
  /** How many articles contain any of them. */
  articles: number;
}

export interface IndexSearch {
  /** How many articles match any word. */
  count: number;
  /** The best `limit` articles (their numbers as given to `add`), best first. */
  top: { id: number; score: number }[];
  /** Per query word, in query order. */
  words: WordHits[];
}

/** MiniSearch's raw results of a query (its internal `executeQuery`): by internal document id. */
type RawResults = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;

/** The options `search()` hands to each sub-query of a nested OR query. */
const NESTED_QUERY_OPTIONS = { combineWith: 'OR', queries: undefined };

export class ArticleIndex {
  private constructor(private readonly index: MiniSearch<SearchDocument>) {}

  static create(): ArticleIndex {
    return new ArticleIndex(new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS));
  }

  /** Restores an index saved with `toJSON`. */
  static load(json: AsPlainObject): ArticleIndex {
    return new ArticleIndex(MiniSearch.loadJS<SearchDocument>(json, MINISEARCH_OPTIONS));
  }

  /** Indexes `article` as document number `id`. */
  /** Indexes article number `id`: its analysed text when already at hand (`analyzeArticle`), else analysed here. */
  add(id: number, article: Article, analyzed: AnalyzedArticle = analyzeArticle(article)): void {
    this.index.add({ id, ...analyzed });
  }

  /** Takes article number `id` out of the index (MiniSearch discards it and cleans up in the background). */
  remove(id: number): void {
    this.index.discard(id);
  }

  toJSON(): AsPlainObject {
    return this.index.toJSON();
  }

  /**
   * The articles matching any of `words` (OR), scored and ordered as MiniSearch's `search()` orders the
   * query `{ combineWith: 'OR', queries: words.map(wordQuery) }`, cut to the first `limit`, together with
   * what each word matched on its own.
   *
   * Performance only: `search()` evaluates each word's sub-query and combines them, and the passages needed
   * each word's results again on their own. Here each word's raw results (`executeQuery`, as `search` calls
   * it for a nested query) are read once, then combined with MiniSearch's own `combineResults` and scored as
   * `search` does (score × number of matched query terms, a stable sort by score).
   */
  search(words: QueryWord[], fuzzy: boolean, limit: number): IndexSearch {
    const perWord = words.map((word) => this.index['executeQuery'](wordQuery(word, fuzzy), NESTED_QUERY_OPTIONS) as RawResults);
    // Read before combining: `combineResults` changes the maps it is given.
    const wordHits = perWord.map(hitsOf);
    const combined = this.index['combineResults'](perWord, 'OR') as RawResults;
    const ids = this.index['_documentIds'];
    const top: { id: number; score: number }[] = [];
    for (const [docId, { score, terms }] of combined) {
      const result = { id: ids.get(docId) as number, score: score * (terms.length || 1) };
      // A stable sort by descending score, cut to `limit`: later equal scores go after earlier ones.
      if (top.length === limit && !(result.score > top[limit - 1]!.score)) continue;
      let i = top.length;
      while (i > 0 && result.score > top[i - 1]!.score) i--;
      top.splice(i, 0, result);
      if (top.length > limit) top.pop();
    }
    return { count: combined.size, top, words: wordHits };
  }
}

function hitsOf(results: RawResults): WordHits {
  const terms = new Set<string>();
  for (const { match } of results.values()) for (const term in match) terms.add(term);
  return { terms, articles: results.size };
}
