/**
 * The searchable corpus: articles (metadata, passages, sentences), a MiniSearch index over whole articles,
 * and the facts extracted from them. Built once, saved as one snapshot, loaded at start.
 *
 * A search document is an article, not a sentence or a paragraph: that keeps the index as small as raw
 * MiniSearch over the same texts. The passages and sentences to quote are chosen at query time, from the
 * top articles only.
 */
import MiniSearch, { type Options, type Query } from 'minisearch';
import type { Article, Passage } from '../corpus/types.ts';
import { FactStore } from '../extract/fact-store.ts';
import type { Facts } from '../extract/types.ts';
import { analyzeQuery, STOP_WORDS, tokenize, stem, type QueryWord } from './analyzer.ts';

/** Bumped whenever the analyzer, the extraction or the snapshot layout changes: old snapshots are rebuilt. */
export const SNAPSHOT_VERSION = 2;

interface SearchDocument {
  id: number;
  title: string;
  text: string;
}

/**
 * Documents reach MiniSearch already analysed (terms joined by spaces, stemmed by the article's language),
 * so its own tokenizer only splits on spaces and its term processing is the identity.
 */
const MINISEARCH_OPTIONS: Options<SearchDocument> = {
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
const MIN_PREFIX_LENGTH = 6;
/** Below this many matching articles, the search is retried with light fuzzy matching. */
const FUZZY_FALLBACK_BELOW = 3;

export interface PassageHit {
  article: Article;
  passage: Passage;
  /** Index of the best sentence in the passage. */
  sentence: number;
  /** Words of the query found in that sentence, as spans. */
  highlights: [number, number][];
  score: number;
}

export interface SearchOutcome {
  words: QueryWord[];
  hits: PassageHit[];
}

export class Corpus {
  readonly articles: Article[];
  readonly facts: FactStore;
  readonly fingerprint: string;
  private readonly index: MiniSearch<SearchDocument>;
  private readonly byId = new Map<string, Article>();

  private constructor(articles: Article[], index: MiniSearch<SearchDocument>, facts: FactStore, fingerprint: string) {
    this.articles = articles;
    this.index = index;
    this.facts = facts;
    this.fingerprint = fingerprint;
    for (const article of articles) this.byId.set(article.id, article);
  }

  static build(articles: Article[], fingerprint: string, onProgress?: (done: number, total: number) => void): Corpus {
    const index = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
    const corpus = new Corpus([], index, new FactStore(), fingerprint);
    articles.forEach((article, i) => {
      corpus.add(article);
      onProgress?.(i + 1, articles.length);
    });
    return corpus;
  }

  /** Adds one article to the index and its facts to the store (incremental: no rebuild). */
  add(article: Article): void {
    if (this.byId.has(article.id)) return;
    const docId = this.articles.length;
    this.articles.push(article);
    this.byId.set(article.id, article);
    this.index.add(toSearchDocument(docId, article));
    this.facts.addArticle(article);
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  toSnapshot(): string {
    return JSON.stringify({
      version: SNAPSHOT_VERSION,
      fingerprint: this.fingerprint,
      articles: this.articles,
      facts: this.facts.toJSON(),
      index: this.index,
    });
  }

  /** Throws if the snapshot is unreadable, of another version, or for another corpus. */
  static fromSnapshot(json: string, expectedFingerprint?: string): Corpus {
    const data = JSON.parse(json) as {
      version: number;
      fingerprint: string;
      articles: Article[];
      facts: Facts;
      index: unknown;
    };
    if (data.version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${data.version}, expected ${SNAPSHOT_VERSION}`);
    if (expectedFingerprint && data.fingerprint !== expectedFingerprint) throw new Error('snapshot is for another corpus');
    if (!Array.isArray(data.articles) || !data.index) throw new Error('snapshot is incomplete');
    const index = MiniSearch.loadJS<SearchDocument>(data.index as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
    return new Corpus(data.articles, index, FactStore.fromJSON(data.facts), data.fingerprint);
  }

  /**
   * Finds the passages that best answer `query`: articles ranked by MiniSearch (exact and prefix terms,
   * fuzzy only as a fallback), then within each top article the passages whose sentences match most words.
   */
  search(query: string, limit = 5, perArticle = 3): SearchOutcome {
    const words = analyzeQuery(query);
    if (words.length === 0) return { words, hits: [] };
    let fuzzy = false;
    let results = this.index.search(buildQuery(words, fuzzy));
    if (results.length < FUZZY_FALLBACK_BELOW) {
      fuzzy = true;
      results = this.index.search(buildQuery(words, fuzzy));
    }
    const matches = words.map((word) => this.matchWord(word, fuzzy));
    const hits: PassageHit[] = [];
    for (const result of results.slice(0, limit * 2)) {
      const article = this.articles[result.id as number]!;
      hits.push(...rankPassages(article, matches, result.score).slice(0, perArticle));
    }
    hits.sort((a, b) => b.score - a.score);
    return { words, hits: hits.slice(0, limit) };
  }

  /**
   * What one query word matches in the index: the index terms MiniSearch found for it (exact, prefix and,
   * in the fallback, fuzzy), so that quoting agrees with retrieval; and its weight (BM25's idf over
   * articles): a word found in every article (`Amazon` here) counts little, a rare one (`Bürojobs`) a lot.
   * A multi-word query thus quotes the sentence with its rare words first, not any sentence naming the company.
   */
  private matchWord(word: QueryWord, fuzzy: boolean): WordMatch {
    const results = this.index.search(buildQuery([word], fuzzy));
    const n = this.articles.length;
    const df = results.length;
    return {
      word,
      indexTerms: new Set(results.flatMap((r) => r.terms)),
      weight: Math.max(MIN_WORD_WEIGHT, Math.log(1 + (n - df + 0.5) / (df + 0.5))),
    };
  }
}

interface WordMatch {
  word: QueryWord;
  /** Index terms that matched the word anywhere in the corpus. */
  indexTerms: Set<string>;
  weight: number;
}

/** The terms of the word as typed (not of its synonyms): its own folded form and stems. */
function ownTerms(word: QueryWord): Set<string> {
  return new Set([word.text, stem(word.text, 'de'), stem(word.text, 'en')]);
}

/** The least weight of a query word, so that a word found everywhere still counts a little. */
const MIN_WORD_WEIGHT = 0.05;

function toSearchDocument(id: number, article: Article): SearchDocument {
  const body = article.passages
    .flatMap((p) => [p.heading ?? '', ...p.sentences.map((s) => s.text)])
    .join('\n');
  return {
    id,
    title: indexTerms(article.title ?? '', article.lang).join(' '),
    text: indexTerms(body, article.lang).join(' '),
  };
}

/** `analyzer.indexTerms` with memoised stems: the same terms, without stemming a frequent word again. */
function indexTerms(text: string, lang: Article['lang']): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (!STOP_WORDS.has(token.folded)) terms.push(cachedStem(token.folded, lang));
  }
  return terms;
}

/** Stems are pure functions of (word, language): cached, the cache emptied when it grows past this. */
const STEM_CACHE_LIMIT = 200_000;
const stemCache = { de: new Map<string, string>(), en: new Map<string, string>() };

function cachedStem(folded: string, lang: Article['lang']): string {
  const cache = stemCache[lang];
  let term = cache.get(folded);
  if (term === undefined) {
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    term = stem(folded, lang);
    cache.set(folded, term);
  }
  return term;
}

/** Index terms that come from synonyms count this much against the stems of the word as typed. */
const SYNONYM_BOOST = 0.5;

function buildQuery(words: QueryWord[], fuzzy: boolean): Query {
  return {
    combineWith: 'OR',
    queries: words.map((word) => ({
      combineWith: 'OR',
      queries: word.terms,
      boostTerm: (term: string) => (ownTerms(word).has(term) ? 1 : SYNONYM_BOOST),
      prefix: (term: string) => term.length >= MIN_PREFIX_LENGTH,
      fuzzy: fuzzy ? (term: string) => (term.length >= MIN_PREFIX_LENGTH ? 0.2 : false) : false,
    })),
  };
}

/**
 * How well a token of the text matches the word: 1 when it is the word as typed, 0.8 when it is one of its
 * synonyms as written (`Rechenzentren`), 0.6 when it shares a stem (`Stell dir …` for `Stellen`), 0.4 when
 * a term is only its prefix (`Rechenzentrumscampus`) or a fuzzy match; 0 when it does not match. The token's
 * stem (`term`), in the article's language, must be one the index matched: a German `Billion` is no
 * English billion.
 */
function matchQuality(folded: string, term: string, match: WordMatch): number {
  if (!match.indexTerms.has(term)) return 0;
  const { word } = match;
  if (folded === word.text) return 1;
  if (word.forms.includes(folded)) return 0.8;
  // A short stem of a synonym is ambiguous (`stell` of `Stellen`, jobs, is also "Stell dir vor", imagine):
  // it is quoted only where the synonym itself is written.
  if (term.length < MIN_PREFIX_LENGTH && !ownTerms(word).has(term)) return 0;
  return word.terms.includes(term) ? 0.6 : 0.4;
}

/**
 * Scores each passage of an article by its best sentence: the weighted share of the query's words that the
 * sentence contains, each counted by its best match quality, times the article's search score.
 */
function rankPassages(article: Article, matches: WordMatch[], articleScore: number): PassageHit[] {
  const total = matches.reduce((sum, m) => sum + m.weight, 0);
  const hits: PassageHit[] = [];
  for (const passage of article.passages) {
    let best: { sentence: number; score: number; highlights: [number, number][] } | null = null;
    passage.sentences.forEach((sentence, i) => {
      const quality = matches.map(() => 0);
      const highlights: [number, number][] = [];
      for (const token of tokenize(sentence.text)) {
        let matched = false;
        const term = cachedStem(token.folded, article.lang);
        matches.forEach((match, w) => {
          const q = matchQuality(token.folded, term, match);
          if (q > 0) {
            matched = true;
            quality[w] = Math.max(quality[w]!, q);
          }
        });
        if (matched) highlights.push([token.start, token.end]);
      }
      const score = quality.reduce((sum, q, w) => sum + q * matches[w]!.weight, 0) / total;
      if (score > 0 && (!best || score > best.score)) best = { sentence: i, score, highlights };
    });
    if (!best) continue;
    const { sentence, score, highlights } = best;
    hits.push({ article, passage, sentence, highlights, score: articleScore * score });
  }
  return hits.sort((a, b) => b.score - a.score);
}
