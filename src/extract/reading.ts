/**
 * What every extraction rule reads: one sentence prepared once (its words, entity mentions, quantities,
 * dates and clauses) and the state of the article being read.
 */
import type { Article, Sentence } from '../corpus/types.ts';
import { foldWord } from '../text/words.ts';
import { CONVERSION_OPEN } from './frame-cues.ts';
import { findDates, type DateMention } from './dates.ts';
import type { EntityCatalog, EntityMention } from './entities.ts';
import { parseQuantities } from './money.ts';
import { findUnknownCompanies } from './unknown-names.ts';
import type { FactSource, Quantity } from './types.ts';

/**
 * Every quantity the money parser reads has a digit, a scale, a currency or a percent word; most sentences
 * have none, and these two tests spare them the parser.
 */
const QUANTITY_WORD =
  /\d|milliard|million|billion|trillion|tausend|thousand|hundert|hundred|prozent|percent|mrd|mio|tsd|dollar|euro|franken|pfund|pound|yen|yuan|rupie|rupee|[$€£¥]/i;
/** ISO currency codes ("CHF 5") are upper case: tested without the case-folding of QUANTITY_WORD. */
const CURRENCY_CODE = /\b[A-Z]{3}\b/;

export interface Word {
  folded: string;
  start: number;
  end: number;
}

/** One sentence prepared for extraction. */
export interface SentenceView {
  sentence: Sentence;
  text: string;
  words: Word[];
  mentions: EntityMention[];
  quantities: Quantity[];
  dates: DateMention[];
  /** Clause boundaries: [start, end) ranges that never cut through a quantity. */
  clauses: [number, number][];
}

export interface ArticleState {
  article: Article;
  catalog: EntityCatalog;
  /** The company the article is mostly about: the fallback for "the company". Never a person, fund or state. */
  mainEntity: EntityMention | null;
  /**
   * Targets of the deals read so far: "SoftBank is in talks about a further 30 billion" continues the deal
   * the article is about, the target named most often (the latest on a tie).
   */
  targets: EntityMention[];
  /** A claim to check (`/check`), not an article: its amounts may leave out the currency ("will invest 200 billion"). */
  claim?: boolean;
}

/** The known mentions plus the companies the catalogue does not know, read from context (`findUnknownCompanies`), in text order. */
export function withUnknownCompanies(text: string, known: EntityMention[]): EntityMention[] {
  const unknown = findUnknownCompanies(text, known);
  return unknown.length ? [...known, ...unknown].sort((a, b) => a.start - b.start) : known;
}

/** Mentions that can take part in a deal: countries (as in "U.S. investors", "in Texas") cannot. */
export function parties(mentions: EntityMention[]): EntityMention[] {
  return mentions.filter((m) => m.entity.kind !== 'country');
}

/**
 * The view of one sentence. Quantities and mentions are needed for every sentence; words, dates and clauses
 * only for sentences with a quantity (most have none), so they are computed on first use.
 */
export function view(sentence: Sentence, article: Article, mentions: EntityMention[]): SentenceView {
  return new LazyView(sentence, article, mentions);
}

class LazyView implements SentenceView {
  readonly text: string;
  readonly quantities: Quantity[];
  private cachedWords: Word[] | undefined;
  private cachedDates: DateMention[] | undefined;
  private cachedClauses: [number, number][] | undefined;

  constructor(
    readonly sentence: Sentence,
    private readonly article: Article,
    readonly mentions: EntityMention[],
  ) {
    this.text = sentence.text;
    this.quantities = QUANTITY_WORD.test(this.text) || CURRENCY_CODE.test(this.text) ? parseQuantities(this.text, article.lang) : [];
  }

  get words(): Word[] {
    return (this.cachedWords ??= [...this.text.matchAll(/[\p{L}\p{N}'’]+/gu)].map((m) => ({
      folded: foldWord(m[0]),
      start: m.index,
      end: m.index + m[0].length,
    })));
  }

  get dates(): DateMention[] {
    return (this.cachedDates ??= findDates(this.text, this.article.date));
  }

  get clauses(): [number, number][] {
    return (this.cachedClauses ??= clauses(this.text, this.quantities));
  }
}

/** Splits at commas, semicolons, colons, dashes and "und/and/sowie", but never inside a quantity. */
function clauses(text: string, quantities: Quantity[]): [number, number][] {
  const cuts = [0];
  for (const match of text.matchAll(/,\s|;\s|:\s|\s[–—]\s|—|\s(?:und|and|sowie|while|während)\s/g)) {
    if (!quantities.some((q) => match.index >= q.start && match.index < q.end)) cuts.push(match.index);
  }
  cuts.push(text.length);
  return cuts.slice(0, -1).map((start, i) => [start, cuts[i + 1]!]);
}

/** The clause around `position` (the whole sentence when none holds it). */
export function clauseOf(v: SentenceView, position: number): [number, number] {
  return v.clauses.find(([s, e]) => position >= s && position < e) ?? [0, v.text.length];
}

/** The sentence's words inside `[start, end)`. */
export function wordsIn(v: SentenceView, [start, end]: [number, number]): Word[] {
  return v.words.filter((w) => w.start >= start && w.end <= end);
}

/** Whether one of the words is in `list` exactly (folded). */
export function hasWord(words: Word[], list: readonly string[]): boolean {
  return words.some((w) => list.includes(w.folded));
}

/** Like `hasWord`, but long cues also match inflected forms (`potenziell` → `potenzielle`). */
export function hasCue(words: Word[], cues: readonly string[]): boolean {
  return words.some((w) => cues.some((cue) => w.folded === cue || (cue.length >= 6 && w.folded.startsWith(cue))));
}

/** The item closest to the amount, before or after it (an overlapping one at distance 0); the first on a tie. */
export function nearest<T extends { start: number; end: number }>(items: T[], quantity: Quantity): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const item of items) {
    const distance = item.end <= quantity.start ? quantity.start - item.end : Math.max(0, item.start - quantity.end);
    if (distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where a fact was read: the sentence, its offsets in the article, and the amount to highlight. */
export function source(article: Article, sentence: Sentence, quantity: Quantity): FactSource {
  return {
    article: article.id,
    quote: sentence.text,
    start: sentence.start,
    end: sentence.end,
    highlight: [quantity.start, quantity.end],
  };
}

/** "€1.7 billion ($2 billion)": the amount in brackets converts the one before; it is no second fact. */
export function isConversion(quantity: Quantity, v: SentenceView): boolean {
  const before = v.text.slice(0, quantity.start);
  if (!CONVERSION_OPEN.test(before)) return false;
  const open = before.lastIndexOf('(');
  // "… auf nunmehr 91 (78,36 Mrd. Euro) bis 93 Mrd. Dollar": also after a bare number the amount hangs on.
  return v.quantities.some((q) => q !== quantity && q.kind === 'money' && q.end <= open && open - q.end <= 3) || /\d\s*$/u.test(before.slice(0, open));
}

/** "in total", "to date", "bringing its total funding to", "insgesamt eingesammelt": money raised over time, not one round. */
const RUNNING_TOTAL = /\b(?:in total|to date|so far|total funding|bringing (?:its|the|their) total(?: funding)?|insgesamt eingesammelt|bislang insgesamt|seit (?:seiner|ihrer) gründung)\b/iu;
/** A sentence that opens with it: "To date, Character has raised more than $150m". */
const RUNNING_TOTAL_OPENING = /^\W*(?:to date|so far|in total|all told|bislang|bisher|insgesamt)\b/iu;

/** Whether the clause (or the sentence's opening) says the amount is a running total. */
export function isRunningTotal(v: SentenceView, clause: [number, number]): boolean {
  return RUNNING_TOTAL.test(v.text.slice(...clause)) || RUNNING_TOTAL_OPENING.test(v.text);
}

/** A sentence about everyone who backed a company: "Its investors, among them …, put $414 million into the company". */
export const GENERIC_BACKERS = /^\W*(?:its|their|the company['’]s|seine|ihre)\s+(?:existing\s+|bisherigen\s+)?(?:investors|backers|shareholders|investoren|geldgeber|anteilseigner)\b/iu;

/** The words right after an amount, past the same amount converted in brackets ("$88 (£69) per share"). */
export function textAfterAmount(quantity: Quantity, v: SentenceView): string {
  return v.text.slice(quantity.end, quantity.end + 50).replace(/^\s*\([^()]{0,30}\)/u, '');
}
