/**
 * Figures of a market rather than of a company: "IDC expects GenAI spending to hit $202 billion by 2028,
 * equal to 32% of overall AI spending", "Der Markt für KI-Chips soll bis 2030 auf 400 Milliarden Dollar
 * wachsen". The market is named by a phrase the text prints ("GenAI spending", "Markt für KI-Chips"); a
 * figure whose market the sentence does not name ("spending will post a 29% growth rate") belongs to no one.
 */
import type { Lang } from '../text/lang.ts';
import type { Quantity } from './types.ts';
import type { SentenceView } from './reading.ts';

/** A market named in the sentence, where the text names it. */
export interface MarketPhrase {
  name: string;
  start: number;
  end: number;
}

/**
 * What follows a market that is a clause's subject: a verb ("GenAI spending to hit", "der KI-Markt wuchs"), a
 * bracket or a dash that opens an aside. "Stock market investors poured …" is about the investors.
 */
const SUBJECT_FOLLOW = String.raw`\s*(?:[(–—,]|(?:will|is|are|was|were|to|has|have|had|could|would|should|may|might|grew|grows|rose|rises|fell|reached|hit|climbed|jumped|increased|declined|stood|totall?ed|amounted|expanded|soared|surged|doubled|soll|sollen|wird|werden|wuchs|wuchsen|wächst|stieg|stiegen|steigt|lag|lagen|liegt|liegen|erreicht|erreichte|beträgt|betrug|dürfte|dürften|könnte|könnten|ist|sind|war|waren|hat|haben)\b)`;

/**
 * Phrases naming a market, as data per language: a head noun (spending, market, Ausgaben, Markt) with the
 * modifier that says which ("GenAI spending", "the AI chip market", "spending on artificial intelligence",
 * "die weltweiten Ausgaben für KI", "der KI-Markt"). A bare "spending" or "der Markt" names no market.
 */
const MARKET_PHRASES: Record<Lang, RegExp> = {
  en: new RegExp(
    [
      String.raw`(?:(?:[Gg]lobal|[Ww]orldwide|[Oo]verall|[Tt]otal)\s+)?spending\s+on\s+(?:artificial intelligence|generative AI|[\p{Lu}][\p{L}\d-]*(?:\s+[\p{Lu}][\p{L}\d-]*){0,2})`,
      String.raw`(?:(?:[Gg]lobal|[Ww]orldwide|[Oo]verall|[Tt]otal)\s+)?(?:[\p{Lu}][\p{L}\d-]*\s+){1,2}(?:spending|market)(?:\s+for\s+[\p{L}\d-]+(?:\s+[\p{L}\d-]+)?)?`,
    ].map((phrase) => `(?:${phrase})(?=${SUBJECT_FOLLOW})`).join('|'),
    'gu',
  ),
  de: new RegExp(
    [
      String.raw`(?:(?:[Ww]eltweite[nm]?|[Gg]lobale[nm]?|[Gg]esamte[nm]?)\s+)?Ausgaben\s+für\s+(?:künstliche Intelligenz|[\p{Lu}][\p{L}\d-]*)`,
      String.raw`Markt\s+für\s+(?:künstliche Intelligenz|[\p{Lu}][\p{L}\d-]*)`,
      String.raw`(?:\p{Ll}+e[nmrs]?\s+)?(?:[\p{Lu}][\p{L}\d]*-)+(?:Ausgaben|Markt(?:es|s)?)`,
    ].map((phrase) => `(?:${phrase})(?=${SUBJECT_FOLLOW})`).join('|'),
    'gu',
  ),
};

/**
 * What may stand between a clause's start and its market, so that the market is what the clause speaks of:
 * nothing, an article, a forecaster ("IDC expects", "Gartner prognostiziert, dass die"). "will outgrow the AI
 * market" makes the market an object, not the subject.
 */
const SUBJECT_LEAD = /^\s*(?:[\p{Lu}][\p{L}\d]*(?:\s+\([^()]{1,12}\))?\s+(?:expects?|forecasts?|predicts?|projects?|estimates?|sees|erwartet|prognostiziert|schätzt)\s+(?:that\s+|dass\s+)?)?(?:(?:[Tt]he|[Dd]ie|[Dd]er|[Dd]as|[Dd]en)\s+)?$/u;
const CLAUSE_BREAK = /[,;:–—]\s*(?=[^,;:–—]*$)/u;
/** A market statistic's head without a modifier, as the clause's subject: "spending will post a 29% CAGR". */
const BARE_HEAD = /(?:^|[,;:–—]\s*)(?:(?:the|die|der)\s+)?(?:spending|market|ausgaben|markt)\s+(?:will|is|are|was|were|to|soll|sollen|wird|werden|stieg|stiegen|wuchs|wuchsen)\b/iu;

/** Every market the sentence names as a clause's subject, in text order. */
export function marketPhrases(v: SentenceView, lang: Lang): MarketPhrase[] {
  const found: MarketPhrase[] = [];
  for (const m of v.text.matchAll(MARKET_PHRASES[lang])) {
    const start = m.index!;
    const lead = v.text.slice(0, start);
    const clauseStart = CLAUSE_BREAK.exec(lead);
    if (!SUBJECT_LEAD.test(clauseStart ? lead.slice(clauseStart.index + clauseStart[0].length) : lead)) continue;
    // "Microsoft spending on AI" is a company's.
    if (v.mentions.some((e) => e.start < start + m[0].length && e.end > start)) continue;
    // "The European market" is the European market.
    const article = /^(?:The|Die|Der|Das)\s+/u.exec(m[0])?.[0].length ?? 0;
    found.push({ name: m[0].slice(article).replace(/\s+/gu, ' '), start: start + article, end: start + m[0].length });
  }
  return found;
}

/**
 * The market a figure belongs to: the nearest market before it that no company stands between ("GenAI
 * spending to hit $202 billion …, equal to 32% of overall AI spending" → GenAI spending for both). `null`
 * when the clause speaks of an unnamed market ("spending will post …"): such a figure is nobody's. Undefined
 * when the figure is not a market's: the company rules decide.
 */
export function marketOf(quantity: Quantity, v: SentenceView, lang: Lang): MarketPhrase | null | undefined {
  const before = marketPhrases(v, lang).filter((p) => p.end <= quantity.start).at(-1);
  if (before && !v.mentions.some((m) => m.start >= before.end && m.end <= quantity.start)) return before;
  return BARE_HEAD.test(v.text.slice(0, quantity.start)) && !v.mentions.some((m) => m.end <= quantity.start) ? null : undefined;
}

/** After a percentage, the whole it is a part of: "32% of overall AI spending", "30 Prozent des Marktes". */
const OF_WHOLE = /^\s*(?:of|des|der)\s+(?:[\p{L}-]+\s+){0,3}?(?:spending|market|ausgaben|marktes|markts)\b/iu;

/** A market's metric: money is its size; a percentage its growth, or its share of a larger whole; nothing else. */
export function marketMetric(quantity: Quantity, v: SentenceView, growthNamed: boolean): string | null {
  if (quantity.kind === 'money') return 'market_size';
  if (quantity.kind !== 'percent') return null;
  if (OF_WHOLE.test(v.text.slice(quantity.end))) return 'market_share';
  return growthNamed ? 'growth' : null;
}
