/**
 * The searchable corpus: the articles (metadata, passages, sentences), their full-text index and the facts
 * extracted from them. Built once (`build`), saved as a snapshot (`snapshotLines`), loaded at start
 * (`fromSnapshot`); articles arriving later are added one at a time (`add`).
 */
import type { Article } from '../corpus/types.ts';
import { bundledCatalog, type EntityCatalog } from '../extract/entities.ts';
import { FactStore } from '../extract/fact-store.ts';
import { analyzeQuery, type QueryWord } from './analyzer.ts';
import { ArticleIndex } from './article-index.ts';
import { BuildThread, type PreparedArticle } from './build-thread.ts';
import { byExactThenScore, rankPassages, wordMatch, type PassageHit } from './passages.ts';
import { parseSnapshot, snapshotLines } from './snapshot.ts';

/**
 * From this many articles a build extracts facts on a second thread: below it, starting the thread (about
 * half a second) costs more than it saves.
 */
export const PARALLEL_BUILD_FROM = 1000;

/** Below this many matching articles, the search is retried with light fuzzy matching. */
const FUZZY_FALLBACK_BELOW = 3;

export interface SearchOutcome {
  words: QueryWord[];
  hits: PassageHit[];
}

export class Corpus {
  readonly articles: Article[];
  readonly facts: FactStore;
  readonly fingerprint: string;
  private readonly index: ArticleIndex;
  private readonly byId = new Map<string, Article>();

  private constructor(articles: Article[], index: ArticleIndex, facts: FactStore, fingerprint: string) {
    this.articles = articles;
    this.index = index;
    this.facts = facts;
    this.fingerprint = fingerprint;
    for (const article of articles) this.byId.set(article.id, article);
  }

  /**
   * Indexes `articles` and extracts their facts, naming companies with `catalog`. From `PARALLEL_BUILD_FROM`
   * articles on, a second thread extracts the facts and analyses the text while this one indexes.
   */
  static build(
    articles: Article[],
    fingerprint: string,
    catalog: EntityCatalog = bundledCatalog(),
    onProgress?: (done: number, total: number) => void,
  ): Corpus {
    const corpus = new Corpus([], ArticleIndex.create(), new FactStore(catalog), fingerprint);
    const thread = articles.length >= PARALLEL_BUILD_FROM ? new BuildThread(articles, catalog) : null;
    try {
      articles.forEach((article, i) => {
        corpus.add(article, thread?.next());
        onProgress?.(i + 1, articles.length);
      });
    } finally {
      thread?.close();
    }
    return corpus;
  }

  /**
   * Reads a snapshot file's bytes (see `snapshot.ts`). Throws if it is unreadable, of another version, or
   * (with `expectedFingerprint`) for another corpus.
   */
  static fromSnapshot(buffer: Buffer, expectedFingerprint?: string, catalog: EntityCatalog = bundledCatalog()): Corpus {
    const data = parseSnapshot(buffer, expectedFingerprint);
    return new Corpus(data.articles, ArticleIndex.load(data.index), FactStore.fromJSON(data.facts, catalog), data.fingerprint);
  }

  /** The snapshot document, in lines that are each short enough for a string (see `snapshot.ts`). */
  snapshotLines(): Generator<string> {
    return snapshotLines({ fingerprint: this.fingerprint, articles: this.articles, facts: this.facts.toJSON(), index: this.index.toJSON() });
  }

  /**
   * Adds one article to the index and its facts to the store: incremental, no rebuild. `prepared`: its facts
   * and analysed text when a `BuildThread` made them, else they are made here.
   */
  add(article: Article, prepared?: PreparedArticle): void {
    if (this.byId.has(article.id)) return;
    const docId = this.articles.length;
    this.articles.push(article);
    this.byId.set(article.id, article);
    this.index.add(docId, article, prepared?.analyzed);
    this.facts.addArticle(article, prepared?.facts);
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /**
   * Finds the passages that best answer `query`: articles ranked by the index (exact and prefix terms,
   * fuzzy only as a fallback), then within each top article the passages whose sentences match most words.
   */
  search(query: string, limit = 5, perArticle = 3): SearchOutcome {
    const words = analyzeQuery(query);
    if (words.length === 0) return { words, hits: [] };
    let found = this.index.search(words, false, limit * 2);
    if (found.count < FUZZY_FALLBACK_BELOW) found = this.index.search(words, true, limit * 2);
    const matches = words.map((word, i) => wordMatch(word, found.words[i]!, this.articles.length));
    const hits: PassageHit[] = [];
    for (const result of found.top) {
      hits.push(...rankPassages(this.articles[result.id]!, matches, result.score).slice(0, perArticle));
    }
    hits.sort(byExactThenScore);
    return { words, hits: hits.slice(0, limit) };
  }
}
