/**
 * Which sentence of a found article to quote: each passage is scored by its best sentence, the weighted
 * share of the query's words it contains, each word counted by how well it matches there.
 */
import type { Article, Passage } from '../corpus/types.ts';
import { stem, termProbes } from '../text/stem.ts';
import { fold, tokenize } from '../text/words.ts';
import type { QueryWord } from './analyzer.ts';
import { MIN_PREFIX_LENGTH, ownTerms, type WordHits } from './article-index.ts';

export interface PassageHit {
  article: Article;
  passage: Passage;
  /** Index of the best sentence in the passage. */
  sentence: number;
  /** Words of the query found in that sentence, as spans. */
  highlights: [number, number][];
  score: number;
  /** Every query word stands in that sentence as typed (or as a synonym as written), not only as a stem or prefix. */
  exact: boolean;
}

/** A query word with what it matched in the index and how much it counts. */
export interface WordMatch {
  word: QueryWord;
  /** Index terms that matched the word anywhere in the corpus. */
  indexTerms: Set<string>;
  weight: number;
}

/** The least weight of a query word, so that a word found everywhere still counts a little. */
const MIN_WORD_WEIGHT = 0.05;

/**
 * A query word's match: the index terms the index found for it, so that quoting agrees with retrieval;
 * and its weight (BM25's idf over `articleCount` articles): a word found in every article (`Amazon` here)
 * counts little, a rare one (`Bürojobs`) a lot. A multi-word query thus quotes the sentence with its rare
 * words first, not any sentence naming the company.
 */
export function wordMatch(word: QueryWord, hits: WordHits, articleCount: number): WordMatch {
  const df = hits.articles;
  return { word, indexTerms: hits.terms, weight: Math.max(MIN_WORD_WEIGHT, Math.log(1 + (articleCount - df + 0.5) / (df + 0.5))) };
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
export function rankPassages(article: Article, matches: WordMatch[], articleScore: number): PassageHit[] {
  const total = matches.reduce((sum, m) => sum + m.weight, 0);
  // A sentence that can match holds the first letters of a matched term: a substring test skips the many
  // sentences that cannot, before any tokenising and stemming.
  const probes = [...new Set(matches.flatMap((m) => [...m.indexTerms].flatMap((term) => termProbes(term))))];
  const hits: PassageHit[] = [];
  for (const passage of article.passages) {
    let best: { sentence: number; score: number; highlights: [number, number][]; exact: boolean } | null = null;
    passage.sentences.forEach((sentence, i) => {
      const folded = fold(sentence.text);
      if (!probes.some((probe) => folded.includes(probe))) return;
      const quality = matches.map(() => 0);
      const highlights: [number, number][] = [];
      for (const token of tokenize(sentence.text)) {
        let matched = false;
        const term = stem(token.folded, article.lang);
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
      if (score > 0 && (!best || score > best.score)) best = { sentence: i, score, highlights, exact: quality.every((q) => q >= EXACT_QUALITY) };
    });
    if (!best) continue;
    const { sentence, score, highlights, exact } = best;
    hits.push({ article, passage, sentence, highlights, score: articleScore * score, exact });
  }
  return hits.sort(byExactThenScore);
}

/** The match quality of a word as typed or of a synonym as written (see `matchQuality`). */
const EXACT_QUALITY = 0.8;

/**
 * Passages where every query word stands as typed come first (`Cohere` before `coherent`, however often the
 * article says "coherent"), then by score.
 */
export function byExactThenScore(a: PassageHit, b: PassageHit): number {
  return Number(b.exact) - Number(a.exact) || b.score - a.score;
}
