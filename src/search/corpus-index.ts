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
import { analyzeQuery, fold, STOP_WORDS, stem, termProbes, tokenize, type QueryWord } from './analyzer.ts';

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

  /**
   * The snapshot: one JSON document `{version, fingerprint, articles, facts: {deals, figures}, index}`. Small
   * corpora only: past a few ten thousand articles it is longer than a JavaScript string can be (V8's limit
   * is about 512 MB); `snapshotParts` (`saveSnapshot`) has no such limit.
   */
  toSnapshot(): string {
    return [...this.snapshotParts()].join('');
  }

  /**
   * The snapshot document in parts, each a line: the elements of the big arrays (articles, deals, figures,
   * index terms) come `SNAPSHOT_CHUNK` to a line, so that no part is too long for a string, however big the
   * corpus. Joined, the parts are one JSON document (see `toSnapshot`); `parseSnapshot` reads them back.
   */
  *snapshotParts(): Generator<string> {
    const facts = this.facts.toJSON();
    const { index: terms, ...indexHead } = this.index.toJSON();
    yield `{"version":${SNAPSHOT_VERSION},"fingerprint":${JSON.stringify(this.fingerprint)},"articles":[\n`;
    yield* chunkLines(this.articles);
    yield `${DEALS_LINE}\n`;
    yield* chunkLines(facts.deals);
    yield `${FIGURES_LINE}\n`;
    yield* chunkLines(facts.figures);
    yield `]},"index":${JSON.stringify(indexHead).slice(0, -1)},"index":[\n`;
    yield* chunkLines(terms);
    yield `${LAST_LINE}\n`;
  }

  /**
   * Reads a snapshot file's bytes: the layout `snapshotParts` writes line by line (never one huge string),
   * any other JSON document whole. Throws like `fromSnapshot`.
   */
  static fromSnapshotBuffer(buffer: Buffer, expectedFingerprint?: string): Corpus {
    return Corpus.fromData(parseSnapshot(buffer, expectedFingerprint), expectedFingerprint);
  }

  /** Throws if the snapshot is unreadable, of another version, or for another corpus. */
  static fromSnapshot(json: string, expectedFingerprint?: string): Corpus {
    return Corpus.fromData(JSON.parse(json) as SnapshotData, expectedFingerprint);
  }

  private static fromData(data: SnapshotData, expectedFingerprint?: string): Corpus {
    if (data === null || typeof data !== 'object') throw new Error('snapshot is not an object');
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
    let found = this.searchWords(words, false, limit * 2);
    if (found.count < FUZZY_FALLBACK_BELOW) found = this.searchWords(words, true, limit * 2);
    const { matches, top: results } = found;
    const hits: PassageHit[] = [];
    for (const result of results) {
      const article = this.articles[result.id as number]!;
      hits.push(...rankPassages(article, matches, result.score).slice(0, perArticle));
    }
    hits.sort((a, b) => b.score - a.score);
    return { words, hits: hits.slice(0, limit) };
  }

  /**
   * Runs the query of `words` (`buildQuery`) and returns what `index.search` would, cut to its first `limit`
   * results, together with each word's match (`matchWord`), evaluating every word's sub-query once.
   *
   * Performance only: `index.search(buildQuery(words))` evaluates each word's sub-query and combines them
   * with OR, and `matchWord` needed each word's results again on their own. Here each word's raw results
   * (MiniSearch's `executeQuery`, as `search` calls it for the nested query) are read first, then combined
   * with MiniSearch's own `combineResults` and scored and ordered as `search` does (score × number of
   * matched query terms, a stable sort by score), keeping only the best `limit`.
   */
  private searchWords(words: QueryWord[], fuzzy: boolean, limit: number): { count: number; top: { id: number; score: number }[]; matches: WordMatch[] } {
    const perWord = words.map((word) => this.index['executeQuery'](wordQuery(word, fuzzy), NESTED_QUERY_OPTIONS) as RawResults);
    const matches = words.map((word, i) => this.matchWord(word, perWord[i]!));
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
    return { count: combined.size, top, matches };
  }

  /**
   * What one query word matches in the index: the index terms MiniSearch found for it (exact, prefix and,
   * in the fallback, fuzzy), so that quoting agrees with retrieval; and its weight (BM25's idf over
   * articles): a word found in every article (`Amazon` here) counts little, a rare one (`Bürojobs`) a lot.
   * A multi-word query thus quotes the sentence with its rare words first, not any sentence naming the company.
   * `results` are the word's own raw results, read before they are combined with other words' (which changes them).
   */
  private matchWord(word: QueryWord, results: RawResults): WordMatch {
    const n = this.articles.length;
    const df = results.size;
    const indexTerms = new Set<string>();
    for (const { match } of results.values()) for (const term in match) indexTerms.add(term);
    return {
      word,
      indexTerms,
      weight: Math.max(MIN_WORD_WEIGHT, Math.log(1 + (n - df + 0.5) / (df + 0.5))),
    };
  }
}

/** MiniSearch's raw results of a query (its internal `executeQuery`): by internal document id. */
type RawResults = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;

/** The options `index.search` hands to each sub-query of a nested OR query. */
const NESTED_QUERY_OPTIONS = { combineWith: 'OR', queries: undefined };

interface SnapshotData {
  version: number;
  fingerprint: string;
  articles: Article[];
  facts: Facts;
  index: unknown;
}

/** Array elements per line of a snapshot file. */
const SNAPSHOT_CHUNK = 1000;
const HEAD_LINE = /^\{"version":(-?\d+),"fingerprint":("(?:[^"\\]|\\.)*"),"articles":\[$/;
const DEALS_LINE = '],"facts":{"deals":[';
const FIGURES_LINE = '],"figures":[';
const INDEX_LINE = /^\]\},"index":(\{.*),"index":\[$/;
const LAST_LINE = ']}}';

/** Elements of `items`, `SNAPSHOT_CHUNK` to a line, separated by commas (as inside a JSON array). */
function* chunkLines(items: readonly unknown[]): Generator<string> {
  for (let i = 0; i < items.length; i += SNAPSHOT_CHUNK) {
    const chunk = items.slice(i, i + SNAPSHOT_CHUNK).map((item) => JSON.stringify(item)).join(',');
    yield `${chunk}${i + SNAPSHOT_CHUNK < items.length ? ',' : ''}\n`;
  }
}

/** The lines of a UTF-8 buffer, each decoded on its own. */
function* bufferLines(buffer: Buffer): Generator<string> {
  for (let start = 0; start < buffer.length; ) {
    let end = buffer.indexOf(10, start);
    if (end < 0) end = buffer.length;
    yield buffer.toString('utf8', start, end);
    start = end + 1;
  }
}

/**
 * Parses a snapshot file: the line layout of `snapshotParts`, or else the whole buffer as one JSON document.
 * A snapshot of another version or corpus is rejected after its first line, before the rest is parsed.
 */
function parseSnapshot(buffer: Buffer, expectedFingerprint?: string): SnapshotData {
  const lines = bufferLines(buffer);
  const head = HEAD_LINE.exec(lines.next().value ?? '');
  if (!head) return JSON.parse(buffer.toString('utf8')) as SnapshotData;
  const version = Number(head[1]);
  const fingerprint = JSON.parse(head[2]!) as string;
  if (version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${version}, expected ${SNAPSHOT_VERSION}`);
  if (expectedFingerprint && fingerprint !== expectedFingerprint) throw new Error('snapshot is for another corpus');
  /** Elements up to the line `end` matches; returns them and that line. */
  const elements = <T>(end: (line: string) => boolean): { items: T[]; last: string } => {
    const items: T[] = [];
    for (let next = lines.next(); !next.done; next = lines.next()) {
      const line = next.value;
      if (end(line)) return { items, last: line };
      const parsed = JSON.parse(`[${line.endsWith(',') ? line.slice(0, -1) : line}]`) as T[];
      for (const item of parsed) items.push(item);
    }
    throw new Error('snapshot is truncated');
  };
  const articles = elements<Article>((line) => line === DEALS_LINE).items;
  const deals = elements<Facts['deals'][number]>((line) => line === FIGURES_LINE).items;
  const figures = elements<Facts['figures'][number]>((line) => INDEX_LINE.test(line));
  const indexHead = JSON.parse(`${INDEX_LINE.exec(figures.last)![1]!}}`) as Record<string, unknown>;
  const terms = elements<unknown>((line) => line === LAST_LINE).items;
  return { version, fingerprint, articles, facts: { deals, figures: figures.items }, index: { ...indexHead, index: terms } };
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

/** The query of all words: any word may match (OR); see `wordQuery`. */
export function buildQuery(words: QueryWord[], fuzzy: boolean): Query {
  return { combineWith: 'OR', queries: words.map((word) => wordQuery(word, fuzzy)) };
}

/** One word: any of its terms, synonyms' terms boosted less; prefixes from six letters; fuzzy in the fallback. */
function wordQuery(word: QueryWord, fuzzy: boolean): Query {
  return {
    combineWith: 'OR',
    queries: word.terms,
    boostTerm: (term: string) => (ownTerms(word).has(term) ? 1 : SYNONYM_BOOST),
    prefix: (term: string) => term.length >= MIN_PREFIX_LENGTH,
    fuzzy: fuzzy ? (term: string) => (term.length >= MIN_PREFIX_LENGTH ? 0.2 : false) : false,
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
  // A sentence that can match holds the first letters of a matched term: a substring test skips the many
  // sentences that cannot, before any tokenising and stemming.
  const probes = [...new Set(matches.flatMap((m) => [...m.indexTerms].flatMap((term) => termProbes(term))))];
  const hits: PassageHit[] = [];
  for (const passage of article.passages) {
    let best: { sentence: number; score: number; highlights: [number, number][] } | null = null;
    passage.sentences.forEach((sentence, i) => {
      const folded = fold(sentence.text);
      if (!probes.some((probe) => folded.includes(probe))) return;
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
