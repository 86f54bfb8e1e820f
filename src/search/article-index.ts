/**
 * The one adapter to MiniSearch: a full-text index whose documents are whole articles. It is the only
 * module that imports MiniSearch. MiniSearch builds, stores and loads the index; `search` here reads its
 * postings (private fields, typed in `Internals`) and scores them itself, which is why `minisearch` is
 * pinned to an exact version, and why `test/search/article-index.test.ts` checks that `search` here
 * returns what MiniSearch's own `search()` returns for the same query.
 *
 * A document is an article, not a sentence or a paragraph: that keeps the index as small as raw MiniSearch
 * over the same texts. Passages to quote are chosen afterwards from the top articles (`passages.ts`).
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
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

/** A word's query, in MiniSearch's terms (a `Query`), with the options `search` reads spelled out. */
export interface WordQuery {
  combineWith: 'OR';
  queries: string[];
  boostTerm: (term: string) => number;
  prefix: (term: string) => boolean;
  fuzzy: ((term: string) => number | false) | false;
}

/** One word: any of its terms, synonyms' terms boosted less; prefixes from six letters; fuzzy in the fallback. */
export function wordQuery(word: QueryWord, fuzzy: boolean): WordQuery {
  const own = ownTerms(word);
  return {
    combineWith: 'OR',
    queries: word.terms,
    boostTerm: (term) => (own.has(term) ? 1 : SYNONYM_BOOST),
    prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
    fuzzy: fuzzy ? (term) => (term.length >= MIN_PREFIX_LENGTH ? 0.2 : false) : false,
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

/** MiniSearch's postings of one index term: field id → (internal document id → term frequency). */
type TermData = Map<number, Map<number, number>>;

/**
 * A node of MiniSearch's radix tree of terms: each key an edge (part of a term) to a child node, and the key
 * `''` (a leaf) to the postings of the term that ends here.
 */
type TreeNode = Map<string, TreeNode | TermData>;

/** The internals of MiniSearch 7 that `search` reads (see the module comment). */
interface Internals {
  _index: {
    _tree: TreeNode;
    get(term: string): TermData | undefined;
    atPrefix(prefix: string): Iterable<[string, TermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _dirtCount: number;
  _nextId: number;
}

/** MiniSearch's defaults, by which `search` scores as its `search()` does: match weights, `maxFuzzy`, BM25+. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** One index term a query term reaches: itself (weight 1), a longer term it prefixes, or a fuzzy neighbour. */
interface Reached {
  term: string;
  data: TermData;
  weight: number;
}

/** The length of a discarded document in `ArticleIndex.lengths`. */
const DISCARDED = -1;

export class ArticleIndex {
  /**
   * Per field (by MiniSearch's field id), each document's length in terms, by internal document id;
   * `DISCARDED` once removed. MiniSearch keeps these in a map of arrays; scoring reads them for every
   * posting, so they are kept here as well, in plain arrays.
   */
  private readonly lengths: number[][];
  private readonly scratch = new SearchScratch();

  private constructor(private readonly index: MiniSearch<SearchDocument>) {
    const { _fieldIds, _fieldLength, _nextId } = this.internals;
    this.lengths = Object.values(_fieldIds).map((fieldId) =>
      Array.from({ length: _nextId }, (_, doc) => _fieldLength.get(doc)?.[fieldId] ?? DISCARDED),
    );
  }

  private get internals(): Internals {
    return this.index as unknown as Internals;
  }

  static create(): ArticleIndex {
    return new ArticleIndex(new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS));
  }

  /**
   * Restores an index saved with `toJSON`. MiniSearch's `loadJS` would insert each term into its tree
   * and turn each posting's key from a string back to a number; here the tree comes back as it was saved,
   * node by node, about twice as fast.
   */
  static load(json: IndexJSON): ArticleIndex {
    const index = MiniSearch.loadJS<SearchDocument>({ ...json.head, index: [] }, MINISEARCH_OPTIONS);
    const internals = index as unknown as Internals;
    const root: TreeNode = new Map();
    for (const [edge, next, value] of json.tree) {
      let child = root.get(edge) as TreeNode | undefined;
      if (!child) root.set(edge, (child = new Map()));
      child.set(next, next === LEAF ? termDataOf(value as PostingsJSON) : treeOf(value as TreeJSON));
    }
    internals._index = new (searchableMap(internals))(root);
    return new ArticleIndex(index);
  }

  /** Indexes article number `id`: its analysed text when already at hand (`analyzeArticle`), else analysed here. */
  add(id: number, article: Article, analyzed: AnalyzedArticle = analyzeArticle(article)): void {
    this.index.add({ id, ...analyzed });
    const doc = this.internals._nextId - 1;
    const fieldLengths = this.internals._fieldLength.get(doc)!;
    this.lengths.forEach((lengths, fieldId) => (lengths[doc] = fieldLengths[fieldId] ?? 0));
  }

  /** Takes article number `id` out of the index (MiniSearch discards it and cleans up in the background). */
  remove(id: number): void {
    const doc = this.internals._idToShortId.get(id);
    this.index.discard(id);
    if (doc !== undefined) for (const lengths of this.lengths) lengths[doc] = DISCARDED;
  }

  /** The index as plain data, for the snapshot: MiniSearch's `toJSON()` but its terms, and the tree of terms. */
  toJSON(): IndexJSON {
    const terms = this.internals._index;
    // MiniSearch writes the head; with its terms set aside for that moment it does not write them too.
    this.internals._index = new (searchableMap(this.internals))(new Map());
    let head: AsPlainObject;
    try {
      head = this.index.toJSON();
    } finally {
      this.internals._index = terms;
    }
    const tree: TreePiece[] = [];
    for (const [edge, child] of terms._tree) {
      for (const [next, value] of child as TreeNode) {
        tree.push([edge, next, next === LEAF ? postingsJSON(value as TermData) : treeJSON(value as TreeNode)]);
      }
    }
    const { index: _none, ...rest } = head;
    return { head: rest, tree };
  }

  /**
   * The articles matching any of `words` (OR), scored and ordered as MiniSearch's `search()` orders the
   * query `{ combineWith: 'OR', queries: words.map(wordQuery) }`, cut to the first `limit`, together with
   * what each word matched on its own.
   *
   * Performance only: MiniSearch's `search()` builds a result object per matching article and term and
   * sorts them all. Here the same BM25+ scores are summed into one array indexed by article, and only the
   * best `limit` are kept: several times faster on common words over a large corpus. An article's score is
   * its sum times the number of distinct query terms it matched, as `search()` scores; equal scores keep
   * the order in which MiniSearch would have found the articles.
   */
  search(words: QueryWord[], fuzzy: boolean, limit: number): IndexSearch {
    const queryTerms = [...new Set(words.flatMap((word) => word.terms))];
    const termStride = Math.ceil(queryTerms.length / 32) || 1;
    const wordStride = Math.ceil(words.length / 32) || 1;
    const { scores, termBits, wordBits, found } = this.scratch.prepare(this.internals._nextId, termStride, wordStride);
    let count = 0;
    const wordTerms = words.map(() => new Set<string>());
    words.forEach((word, w) => {
      const query = wordQuery(word, fuzzy);
      const wordSlot = w >> 5;
      const wordBit = 1 << (w & 31);
      for (const term of query.queries) {
        const t = queryTerms.indexOf(term);
        const termSlot = t >> 5;
        const termBit = 1 << (t & 31);
        const touch = (doc: number) => {
          if (scores[doc] === 0) found[count++] = doc;
          termBits[doc * termStride + termSlot]! |= termBit;
          wordBits[doc * wordStride + wordSlot]! |= wordBit;
        };
        for (const reached of this.reach(term, query.prefix(term), query.fuzzy && query.fuzzy(term))) {
          if (this.addScores(reached, query.boostTerm(term), scores, touch)) wordTerms[w]!.add(reached.term);
        }
      }
    });
    const ids = this.internals._documentIds;
    const top: { id: number; score: number }[] = [];
    const wordArticles = words.map(() => 0);
    for (let f = 0; f < count; f++) {
      const doc = found[f]!;
      let matchedTerms = 0;
      for (let slot = 0; slot < termStride; slot++) matchedTerms += bitCount(termBits[doc * termStride + slot]!);
      for (let w = 0; w < words.length; w++) if (wordBits[doc * wordStride + (w >> 5)]! & (1 << (w & 31))) wordArticles[w]!++;
      const score = scores[doc]! * matchedTerms;
      // A stable sort by descending score, cut to `limit`: later equal scores go after earlier ones.
      if (top.length === limit && !(score > top[limit - 1]!.score)) continue;
      let i = top.length;
      while (i > 0 && score > top[i - 1]!.score) i--;
      top.splice(i, 0, { id: ids.get(doc)!, score });
      if (top.length > limit) top.pop();
    }
    this.scratch.clear(count, termStride, wordStride);
    return { count, top, words: words.map((_, w) => ({ terms: wordTerms[w]!, articles: wordArticles[w]! })) };
  }

  /** The index terms `term` reaches: itself, as MiniSearch's `executeQuerySpec` expands it. */
  private reach(term: string, prefix: boolean, fuzzy: number | false): Reached[] {
    const index = this.internals._index;
    const exact = index.get(term);
    const reached: Reached[] = exact ? [{ term, data: exact, weight: 1 }] : [];
    const prefixed = new Set<string>();
    if (prefix) {
      for (const [longer, data] of index.atPrefix(term)) {
        const distance = longer.length - term.length;
        if (!distance) continue;
        prefixed.add(longer);
        reached.push({ term: longer, data, weight: (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance) });
      }
    }
    const maxDistance = fuzzy === false ? 0 : fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
    if (maxDistance) {
      for (const [near, [data, distance]] of index.fuzzyGet(term, maxDistance)) {
        if (!distance || prefixed.has(near)) continue;
        reached.push({ term: near, data, weight: (FUZZY_WEIGHT * near.length) / (near.length + distance) });
      }
    }
    return reached;
  }

  /**
   * Adds the BM25+ score of one reached term to each live article that contains it (in each field, boosted
   * as the options say), calling `touch` first for each. True if any live article contains it.
   */
  private addScores(reached: Reached, boost: number, scores: Float64Array, touch: (doc: number) => void): boolean {
    const { _fieldIds, _avgFieldLength, _documentCount, _dirtCount } = this.internals;
    let matched = false;
    for (const field of MINISEARCH_OPTIONS.fields) {
      const fieldId = _fieldIds[field]!;
      const freqs = reached.data.get(fieldId);
      if (!freqs) continue;
      const lengths = this.lengths[fieldId]!;
      let df = freqs.size;
      if (_dirtCount > 0) for (const doc of freqs.keys()) if (lengths[doc] === DISCARDED) df--;
      const idf = Math.log(1 + (_documentCount - df + 0.5) / (df + 0.5));
      const weight = reached.weight * boost * (FIELD_BOOSTS[field] ?? 1) * idf;
      const norm = BM25.k / _avgFieldLength[fieldId]!;
      freqs.forEach((tf, doc) => {
        const length = lengths[doc]!;
        if (length === DISCARDED) return;
        touch(doc);
        scores[doc]! += weight * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b) + BM25.b * norm * length));
        matched = true;
      });
    }
    return matched;
  }
}

/** MiniSearch's `SearchableMap` class (not exported), whose constructor takes a tree. */
function searchableMap(internals: Internals): new (tree: TreeNode) => Internals['_index'] {
  return internals._index.constructor as new (tree: TreeNode) => Internals['_index'];
}

/** The key of a leaf in MiniSearch's radix tree. */
const LEAF = '';

/** A term's postings as saved: per field, its id and then document ids and term frequencies, in pairs. */
type PostingsJSON = (number | number[])[];

/** A tree node as saved: its keys and values in turn (a child node, or the postings under a leaf). */
type TreeJSON = (string | TreeJSON | PostingsJSON)[];

/**
 * A subtree two edges below the root: `[edge, next edge, node]`, or the postings when the next edge is a
 * leaf. The snapshot writes one to a line, so that no line grows with the whole index.
 */
type TreePiece = [string, string, TreeJSON | PostingsJSON];

/** An index as `ArticleIndex.toJSON` saves it. */
export interface IndexJSON {
  /** MiniSearch's own `toJSON()` without its terms: counts, document ids, field lengths. */
  head: Omit<AsPlainObject, 'index'>;
  tree: TreePiece[];
}

function postingsJSON(data: TermData): PostingsJSON {
  const json: PostingsJSON = [];
  for (const [fieldId, freqs] of data) {
    const pairs: number[] = [];
    freqs.forEach((tf, doc) => pairs.push(doc, tf));
    json.push(fieldId, pairs);
  }
  return json;
}

function termDataOf(json: PostingsJSON): TermData {
  const data: TermData = new Map();
  for (let i = 0; i < json.length; i += 2) {
    const pairs = json[i + 1] as number[];
    const freqs = new Map<number, number>();
    for (let j = 0; j < pairs.length; j += 2) freqs.set(pairs[j]!, pairs[j + 1]!);
    data.set(json[i] as number, freqs);
  }
  return data;
}

function treeJSON(node: TreeNode): TreeJSON {
  const json: TreeJSON = [];
  for (const [key, value] of node) json.push(key, key === LEAF ? postingsJSON(value as TermData) : treeJSON(value as TreeNode));
  return json;
}

function treeOf(json: TreeJSON): TreeNode {
  const node: TreeNode = new Map();
  for (let i = 0; i < json.length; i += 2) {
    const key = json[i] as string;
    node.set(key, key === LEAF ? termDataOf(json[i + 1] as PostingsJSON) : treeOf(json[i + 1] as TreeJSON));
  }
  return node;
}

/**
 * The arrays a search sums its scores in, kept from one search to the next (a search runs start to end
 * without yielding): allocated anew for each query, at 100,000 articles they were 1.6 MB a query of
 * garbage, and the collections it caused showed in every other answer's latency. All zero between searches.
 */
class SearchScratch {
  scores = new Float64Array(0);
  /** Per article, which query terms and which words it matched, as bit sets (`stride` words each). */
  termBits = new Uint32Array(0);
  wordBits = new Uint32Array(0);
  /** The articles touched, in the order first touched. */
  found = new Int32Array(0);

  /** The arrays, large enough for `docs` articles and these strides. */
  prepare(docs: number, termStride: number, wordStride: number): this {
    const room = (needed: number, have: number) => (needed > have ? Math.ceil(needed * 1.25) : 0);
    const grow = room(docs, this.scores.length);
    if (grow) {
      this.scores = new Float64Array(grow);
      this.found = new Int32Array(grow);
    }
    const terms = room(docs * termStride, this.termBits.length);
    if (terms) this.termBits = new Uint32Array(terms);
    const words = room(docs * wordStride, this.wordBits.length);
    if (words) this.wordBits = new Uint32Array(words);
    return this;
  }

  /** Zeroes what a search over `count` articles with these strides touched. */
  clear(count: number, termStride: number, wordStride: number): void {
    for (let f = 0; f < count; f++) {
      const doc = this.found[f]!;
      this.scores[doc] = 0;
      this.termBits.fill(0, doc * termStride, (doc + 1) * termStride);
      this.wordBits.fill(0, doc * wordStride, (doc + 1) * wordStride);
    }
  }
}

/** The fields' boosts of `MINISEARCH_OPTIONS` (a field not named counts once). */
const FIELD_BOOSTS: Record<string, number> = MINISEARCH_OPTIONS.searchOptions!.boost!;

/** The number of bits set in a 32-bit integer. */
function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
