/**
 * The searchable corpus: articles (metadata, passages, sentences), a MiniSearch index over whole articles,
 * and the facts extracted from them. Built once, saved as one snapshot, loaded at start.
 *
 * A search document is an article, not a sentence or a paragraph: that keeps the index as small as raw
 * MiniSearch over the same texts. The passages and sentences to quote are chosen at query time, from the
 * top articles only.
 */
import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import type { Article, Passage } from '../corpus/types.ts';
import { FactStore } from '../extract/fact-store.ts';
import type { Facts } from '../extract/types.ts';
import { analyzeQuery, indexTerms, tokenize, stem, type QueryWord } from './analyzer.ts';

/** Bumped whenever the analyzer, the extraction or the snapshot layout changes: old snapshots are rebuilt. */
export const SNAPSHOT_VERSION = 1;

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

/** Query terms shorter than this are matched exactly; longer ones also as prefixes (compounds, plurals). */
const MIN_PREFIX_LENGTH = 5;
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
    let results = this.index.search(buildQuery(words, false));
    if (results.length < FUZZY_FALLBACK_BELOW) results = this.index.search(buildQuery(words, true));
    const hits: PassageHit[] = [];
    for (const result of results.slice(0, limit * 2)) {
      const article = this.articles[result.id as number]!;
      hits.push(...rankPassages(article, words, result).slice(0, perArticle));
    }
    hits.sort((a, b) => b.score - a.score);
    return { words, hits: hits.slice(0, limit) };
  }
}

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

function buildQuery(words: QueryWord[], fuzzy: boolean): Query {
  return {
    combineWith: 'OR',
    queries: words.map((word) => ({
      combineWith: 'OR',
      queries: word.terms,
      prefix: (term: string) => term.length >= MIN_PREFIX_LENGTH,
      fuzzy: fuzzy ? (term: string) => (term.length >= MIN_PREFIX_LENGTH ? 0.2 : false) : false,
    })),
  };
}

/** True when a token of the text matches one of the word's terms (exactly, or as a prefix for long terms). */
function tokenMatches(folded: string, lang: Article['lang'], word: QueryWord): boolean {
  const term = stem(folded, lang);
  return word.terms.some((t) => term === t || (t.length >= MIN_PREFIX_LENGTH && term.startsWith(t)));
}

/** Scores each passage of an article by how many query words its best sentence contains. */
function rankPassages(article: Article, words: QueryWord[], result: SearchResult): PassageHit[] {
  const hits: PassageHit[] = [];
  for (const passage of article.passages) {
    let best: { sentence: number; matched: number; highlights: [number, number][] } | null = null;
    passage.sentences.forEach((sentence, i) => {
      const found = new Set<QueryWord>();
      const highlights: [number, number][] = [];
      for (const token of tokenize(sentence.text)) {
        const word = words.find((w) => tokenMatches(token.folded, article.lang, w));
        if (word) {
          found.add(word);
          highlights.push([token.start, token.end]);
        }
      }
      if (found.size > 0 && (!best || found.size > best.matched)) best = { sentence: i, matched: found.size, highlights };
    });
    if (!best) continue;
    const { sentence, matched, highlights } = best;
    hits.push({ article, passage, sentence, highlights, score: result.score * (matched / words.length) });
  }
  return hits.sort((a, b) => b.score - a.score);
}
