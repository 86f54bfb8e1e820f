/**
 * The searchable corpus: the articles (metadata, passages, sentences), their full-text index and the facts
 * extracted from them. Built once (`build`), saved as a snapshot (`snapshotLines`), loaded at start
 * (`fromSnapshot`); articles arriving later are added one at a time (`add`).
 */
import type { Article } from '../corpus/types.ts';
import { bundledCatalog, EntityCatalog } from '../extract/entities.ts';
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
  /** The index's document numbers: an article's position when added; a removed one leaves a hole (null). */
  private readonly docs: (Article | null)[];
  private readonly docIds = new Map<string, number>();

  private constructor(articles: Article[], index: ArticleIndex, facts: FactStore, fingerprint: string) {
    this.articles = articles;
    this.index = index;
    this.facts = facts;
    this.fingerprint = fingerprint;
    this.docs = [...articles];
    articles.forEach((article, docId) => {
      this.byId.set(article.id, article);
      this.docIds.set(article.id, docId);
    });
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
    corpus.facts.sortAll();
    return corpus;
  }

  /**
   * Reads a snapshot file's bytes (see `snapshot.ts`), with the entity catalogue saved in it. Throws if it
   * is unreadable, of another version, or (with `expectedFingerprint`) for another corpus.
   */
  static fromSnapshot(buffer: Buffer, expectedFingerprint?: string): Corpus {
    const data = parseSnapshot(buffer, expectedFingerprint);
    const facts = FactStore.fromJSON(data.facts, EntityCatalog.fromEntities(data.entities), data.articles);
    return new Corpus(data.articles, ArticleIndex.load(data.index), facts, data.fingerprint);
  }

  /**
   * The snapshot document, in lines that are each short enough for a string (see `snapshot.ts`). Only for a
   * corpus nothing was removed from (the snapshot numbers documents by position): a changed folder is
   * rebuilt at the next start anyway.
   */
  snapshotLines(): Generator<string> {
    if (this.docs.length !== this.articles.length) throw new Error('a corpus with removed articles is saved by rebuilding it');
    const { fingerprint, articles, facts, index } = this;
    return snapshotLines({ fingerprint, entities: facts.catalog.entities, articles, facts: facts.toJSON(), index: index.toJSON() });
  }

  /**
   * Adds one article to the index and its facts to the store: incremental, no rebuild. `prepared`: its facts
   * and analysed text when a `BuildThread` made them, else they are made here.
   */
  add(article: Article, prepared?: PreparedArticle): void {
    if (this.byId.has(article.id)) return;
    const docId = this.docs.length;
    this.articles.push(article);
    this.docs.push(article);
    this.byId.set(article.id, article);
    this.docIds.set(article.id, docId);
    this.index.add(docId, article, prepared?.analyzed);
    this.facts.addArticle(article, prepared?.facts);
  }

  /** Takes an article out (its file was edited or deleted): from the index, the article list and the facts. False if unknown. */
  remove(id: string): boolean {
    const article = this.byId.get(id);
    const docId = this.docIds.get(id);
    if (!article || docId === undefined) return false;
    this.index.remove(docId);
    this.docs[docId] = null;
    this.byId.delete(id);
    this.docIds.delete(id);
    this.articles.splice(this.articles.indexOf(article), 1);
    this.facts.removeArticle(id);
    return true;
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
      hits.push(...rankPassages(this.docs[result.id]!, matches, result.score).slice(0, perArticle));
    }
    hits.sort(byExactThenScore);
    return { words, hits: hits.slice(0, limit) };
  }
}
