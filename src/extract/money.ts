/**
 * Money amounts, percentages and counts of things in German and English news text.
 *
 * A small hand-written grammar (no library handles German money). The vocabulary is data in
 * `money-data.ts`; this file holds the rules. Pipeline:
 *
 *  1. Normalise look-alike characters without changing string length (all dashes → "-",
 *     NBSP/narrow spaces → " ", typographic apostrophes → "'"), so spans stay valid for `text`.
 *  2. Tokenise into words, numbers and single symbols. Numbers are read language-aware
 *     (German "6,2" / "16.000", English "6.2" / "30,000", Swiss "30'000", "30 000").
 *  3. At each token, try an amount:
 *       [qualifier/additional words] [currency] NUMBER [scale] [currency | percent]
 *       [range separator + second amount] [count noun]
 *     or a vague amount without a figure ("milliardenschwer"). The scan is linear over tokens
 *     with bounded look-ahead/look-behind, and no regular expression can backtrack, so long
 *     inputs stay fast.
 */
import type { Qualifier, Quantity } from './types.ts';
import { APOSTROPHES, classSource, DASHES, SPACES } from '../text/chars.ts';
import type { Lang } from '../text/lang.ts';
import {
  ADDITIONAL,
  COUNT_NOUNS,
  CURRENCIES,
  HEADCOUNT_ADJECTIVES,
  ISO_CODES,
  NON_COUNT_NOUNS,
  NUMBER_WORDS,
  PERCENT_MARKERS,
  QUALIFIERS,
  RANGES,
  SCALES,
  UEBER,
  UEBER_AS_OF_NOUNS,
  UEBER_CLOSING,
  VAGUE_DE_ENDINGS,
  VAGUE_DE_STEM,
  VAGUE_EN,
  VAGUE_LINKERS,
  VAGUE_QUANTIFIER_WORDS,
  type ScaleEntry,
} from './money-data.ts';

// ---------------------------------------------------------------------------------------------
// Normalisation and tokens

const DASH = new RegExp(classSource(DASHES), 'g');
const SPACE = new RegExp(classSource(SPACES), 'g');
/** Typographic apostrophes and primes (Swiss "30’000") read as "'". */
const APOSTROPHE = new RegExp(classSource(APOSTROPHES), 'g');
const SOFT_HYPHEN = '\u00ad';

/** Same length as the input, so every index is also an index into the original text. */
function normalise(text: string): string {
  return text.replace(DASH, '-').replace(SPACE, ' ').replace(APOSTROPHE, "'");
}

interface NumberInfo {
  /** Plain decimal string ("30000", "6.2"); combined with a scale's exponent for an exact double. */
  mantissa: string;
  value: number;
  /** Written with digits only, no separators: the only form a year can take. */
  plainDigits: boolean;
}

interface Token {
  kind: 'word' | 'num' | 'sym';
  /** As printed (normalised characters). */
  text: string;
  /** Lower case, soft hyphens removed. */
  lc: string;
  start: number;
  end: number;
  /** For `num`: the parsed number, or null for something number-like that is not one ("06.02.2026"). */
  num?: NumberInfo | null;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const LETTER = /[\p{L}\p{M}\u00ad]/u;
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

/**
 * Reads a number starting at `pos`. Separators, by language:
 * - the language's decimal mark (de ",", en ".") is a decimal point;
 * - the other mark ("." in de, "," in en) groups thousands when exactly 3 digits follow,
 *   otherwise it is a decimal point (German "1.5 Mrd." = 1.5);
 * - "'" groups thousands (Swiss "30'000"); a single space groups thousands only in "30 000"
 *   form (first group ≤ 3 digits, then groups of exactly 3), so "bis 2045 8 Billionen" stays apart.
 * Two decimal points, or grouping after a decimal point, make the token a non-number ("06.02.2026").
 */
function readNumber(s: string, pos: number, lang: Lang): { end: number; num: NumberInfo | null } {
  const decimalMark = lang === 'de' ? ',' : '.';
  const groupMark = lang === 'de' ? '.' : ',';
  let i = pos;
  while (isDigit(s[i])) i++;
  let intPart = s.slice(pos, i);
  let fraction: string | null = null;
  let grouped = false;
  let valid = true;
  for (;;) {
    const sep = s[i];
    if (sep === undefined || !isDigit(s[i + 1])) break;
    let j = i + 1;
    while (isDigit(s[j])) j++;
    const group = s.slice(i + 1, j);
    if (sep === ' ' || sep === "'") {
      if (group.length !== 3 || fraction !== null || (sep === ' ' && !grouped && intPart.length > 3)) break;
      grouped = true;
      intPart += group;
    } else if (sep === groupMark && group.length === 3 && fraction === null) {
      grouped = true;
      intPart += group;
    } else if (sep === decimalMark || sep === groupMark) {
      if (fraction !== null) valid = false;
      fraction = group;
    } else {
      break;
    }
    i = j;
  }
  if (!valid) return { end: i, num: null };
  const mantissa = fraction === null ? intPart : `${intPart}.${fraction}`;
  return { end: i, num: { mantissa, value: Number(mantissa), plainDigits: !grouped && fraction === null } };
}

function tokenise(s: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (isSpace(c)) {
      i++;
    } else if (isDigit(c)) {
      const { end, num } = readNumber(s, i, lang);
      const text = s.slice(i, end);
      tokens.push({ kind: 'num', text, lc: text, start: i, end, num });
      i = end;
    } else if (LETTER.test(c) && c !== SOFT_HYPHEN) {
      let j = i + 1;
      while (j < s.length && LETTER.test(s[j]!)) j++;
      const text = s.slice(i, j);
      tokens.push({ kind: 'word', text, lc: text.toLowerCase().replaceAll(SOFT_HYPHEN, ''), start: i, end: j });
      i = j;
    } else {
      tokens.push({ kind: 'sym', text: c, lc: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Phrase tables: data-file strings compiled to token sequences

interface PhrasePart {
  lc: string;
  /** All-caps tokens of ≥ 2 letters ("USD", "US") must match case-sensitively. */
  exact: string | null;
  /** Whitespace between this part and the previous one (otherwise they are adjacent). */
  spaced: boolean;
}

interface Phrase<T> {
  parts: PhrasePart[];
  value: T;
}

/** Phrases sorted longest first, so the longest match wins ("US-Dollar" over "US", "eine halbe" over "eine"). */
class PhraseTable<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  readonly all: Phrase<T>[];

  constructor(entries: Iterable<readonly [string, T]>) {
    const all: Phrase<T>[] = [];
    for (const [phrase, value] of entries) {
      const toks = tokenise(phrase, 'en');
      const parts = toks.map((t, k) => ({
        lc: t.lc,
        exact: t.kind === 'word' && t.text.length >= 2 && t.text === t.text.toUpperCase() ? t.text : null,
        spaced: k > 0 && t.start > toks[k - 1]!.end,
      }));
      all.push({ parts, value });
    }
    all.sort((a, b) => b.parts.length - a.parts.length);
    this.all = all;
    for (const p of all) {
      const key = p.parts[0]!.lc;
      const list = this.byFirst.get(key) ?? [];
      list.push(p);
      this.byFirst.set(key, list);
    }
  }

  /** Longest phrase starting at token `k`: its value and the index after it. */
  at(ts: TokenStream, k: number): { value: T; end: number } | null {
    const tok = ts.tokens[k];
    if (!tok) return null;
    for (const p of this.byFirst.get(tok.lc) ?? []) {
      if (ts.matches(k, p.parts)) return { value: p.value, end: k + p.parts.length };
    }
    return null;
  }

  /** Longest phrase ending just before token `k` and starting at or after `floor`. */
  before(ts: TokenStream, k: number, floor: number): { value: T; start: number } | null {
    if (k <= floor || !ts.linked(k)) return null;
    for (const p of this.all) {
      const start = k - p.parts.length;
      if (start >= floor && ts.matches(start, p.parts)) return { value: p.value, start };
    }
    return null;
  }
}

const table = <T>(entries: Iterable<readonly [string, T]>): PhraseTable<T> => new PhraseTable(entries);
const phraseSet = (phrases: readonly string[]): PhraseTable<true> => table(phrases.map((p) => [p, true] as const));
const byLang = <T>(make: (lang: Lang) => T): Record<Lang, T> => ({ de: make('de'), en: make('en') });

const CURRENCY_BEFORE = table<string>([
  ...CURRENCIES.flatMap((c) => c.before.map((p) => [p, c.code] as const)),
  ...ISO_CODES.map((code) => [code, code] as const),
]);
const CURRENCY_AFTER = table<string>([
  ...CURRENCIES.flatMap((c) => c.after.map((p) => [p, c.code] as const)),
  ...ISO_CODES.map((code) => [code, code] as const),
]);
const SCALE_TABLE = byLang((lang) =>
  table<ScaleEntry>(SCALES.filter((s) => !s.lang || s.lang === lang).flatMap((s) => s.words.map((w) => [w, s] as const))),
);
const NUMBER_WORD_TABLE = byLang((lang) =>
  table(NUMBER_WORDS[lang].map((w) => [w.phrase, { value: w.value, article: w.article === true }] as const)),
);
const QUALIFIER_TABLE = byLang((lang) => table(QUALIFIERS[lang].map((q) => [q.phrase, q.qualifier] as const)));
const ADDITIONAL_TABLE = byLang((lang) => phraseSet(ADDITIONAL[lang]));
const RANGE_OPEN = byLang((lang) => phraseSet(RANGES[lang].open));
const RANGE_JOIN = byLang((lang) => phraseSet(RANGES[lang].join));
const RANGE_SEPARATOR = byLang((lang) => phraseSet(RANGES[lang].separators));
const PERCENT_TABLE = phraseSet(PERCENT_MARKERS);
const COUNT_ENTRIES = Object.entries(COUNT_NOUNS).flatMap(([unit, words]) => words.map((w) => [w, unit] as const));
/** Count nouns as phrases ("data centers", "start-ups"). */
const COUNT_TABLE = table<string>(COUNT_ENTRIES);
/** Single-word count nouns, for the last part of a compound ("Elite-Forscher"). */
const COUNT_WORDS = new Map(COUNT_ENTRIES.filter(([w]) => /^\p{L}+$/u.test(w)));
/** The same, for the German ending match ("Bürojobs" ends in "jobs"); longest first, ≥ 4 letters. */
const COUNT_ENDINGS = [...COUNT_WORDS].filter(([w]) => w.length >= 4).sort((a, b) => b[0].length - a[0].length);
const NON_COUNT = new Set(NON_COUNT_NOUNS);
const HEADCOUNT = new Set(HEADCOUNT_ADJECTIVES);
const VAGUE_DE = new Set(VAGUE_DE_ENDINGS.map((e) => VAGUE_DE_STEM + e));
const VAGUE_EN_TABLE = table(VAGUE_EN.map((v) => [v.phrase, v.withCurrency === true] as const));
const VAGUE_LINK_TABLE = phraseSet(VAGUE_LINKERS);
const VAGUE_QUANTIFIERS = byLang((lang) => phraseSet(VAGUE_QUANTIFIER_WORDS[lang]));

// ---------------------------------------------------------------------------------------------
// Token stream helpers

class TokenStream {
  constructor(
    readonly tokens: Token[],
    private readonly s: string,
  ) {}

  /** Token k follows token k-1 on the same line (adjacent or separated by spaces only). */
  linked(k: number): boolean {
    const prev = this.tokens[k - 1];
    const tok = this.tokens[k];
    if (!prev || !tok) return false;
    for (let i = prev.end; i < tok.start; i++) if (this.s[i] === '\n') return false;
    return true;
  }

  /** Token k touches token k-1 (no whitespace). */
  adjacent(k: number): boolean {
    const prev = this.tokens[k - 1];
    const tok = this.tokens[k];
    return !!prev && !!tok && prev.end === tok.start;
  }

  matches(k: number, parts: PhrasePart[]): boolean {
    for (let p = 0; p < parts.length; p++) {
      const tok = this.tokens[k + p];
      const part = parts[p]!;
      if (!tok) return false;
      if (part.exact !== null ? tok.text !== part.exact : tok.lc !== part.lc) return false;
      if (p > 0 && (part.spaced ? this.adjacent(k + p) || !this.linked(k + p) : !this.adjacent(k + p))) return false;
    }
    return true;
  }

  /**
   * Where the next piece of the same expression may start after the token ending at k-1:
   * at k if it is on the same line, or after an attached hyphen ("11-Milliarden-Dollar"). -1 if neither.
   */
  join(k: number): number {
    const tok = this.tokens[k];
    if (tok?.lc === '-' && this.adjacent(k) && this.adjacent(k + 1)) return k + 1;
    return this.linked(k) ? k : -1;
  }

  is(k: number, lc: string): boolean {
    return this.tokens[k]?.lc === lc;
  }
}

// ---------------------------------------------------------------------------------------------
// Grammar

/** `[currency] NUMBER [scale]`: the figure itself. */
interface Core {
  /** First token (currency symbol or number). */
  first: number;
  /** Index after the core. */
  next: number;
  mantissa: string;
  exp: number | null;
  prefixCurrency: string | null;
  /** Written as a word ("acht", "eine halbe"). */
  word: boolean;
}

/** What follows the figure. */
type Tail = { kind: 'currency'; code: string; next: number } | { kind: 'percent'; next: number };

/** Words before the figure. */
interface Lead {
  start: number;
  qualifier: Qualifier | null;
  additional: boolean;
  /** "zwischen"/"between" opened a range. */
  between: boolean;
  /** The qualifier was German "über" (may close with "hinaus"). */
  ueber: boolean;
}

const isYear = (n: NumberInfo): boolean => n.plainDigits && n.mantissa.length === 4 && n.value >= 1900 && n.value <= 2100;
const isCapitalised = (w: string): boolean => w[0] !== undefined && w[0] !== w[0].toLowerCase();

class Parser {
  private readonly ts: TokenStream;
  private readonly tokens: Token[];
  /** Tokens before this index belong to an earlier match and cannot be reused as lead words. */
  private floor = 0;

  constructor(
    private readonly original: string,
    private readonly lang: Lang,
  ) {
    const normalised = normalise(original);
    this.tokens = tokenise(normalised, lang);
    this.ts = new TokenStream(this.tokens, normalised);
  }

  parse(): Quantity[] {
    const out: Quantity[] = [];
    let i = 0;
    while (i < this.tokens.length) {
      const m = this.vagueAt(i) ?? this.amountAt(i);
      if (m) {
        out.push(m.q);
        i = m.next;
        this.floor = m.next;
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * A figure: optional prefix currency, then digits or number words, then an optional scale.
   * Digits are rejected when they are part of a name or version ("GPT-4", "A100"), a time
   * ("06:58"), a German ordinal or date ("2. Februar"), or a year ("2026") — unless a currency
   * symbol is printed before them. `rangeCurrency`: the currency printed before the first half of a range
   * this figure ends ("$1–2B"), which lets a glued scale ("2B") count as it would after the symbol.
   */
  private coreAt(i: number, rangeCurrency: string | null = null): Core | null {
    const { ts, tokens, lang } = this;
    let k = i;
    const cur = CURRENCY_BEFORE.at(ts, k);
    let prefixCurrency: string | null = null;
    if (cur) {
      if (!ts.linked(cur.end)) return null;
      prefixCurrency = cur.value;
      k = cur.end;
    }
    const tok = tokens[k];
    if (!tok) return null;
    let mantissa: string;
    let word = false;
    let article = false;
    if (tok.kind === 'num') {
      if (!tok.num || (!prefixCurrency && this.isNonAmountNumber(k, tok.num))) return null;
      mantissa = tok.num.mantissa;
      k++;
    } else {
      const w = NUMBER_WORD_TABLE[lang].at(ts, k);
      if (!w) return null;
      mantissa = w.value.value;
      article = w.value.article;
      word = true;
      k = w.end;
    }
    let exp: number | null = null;
    const j = ts.join(k);
    const scale = j >= 0 ? SCALE_TABLE[lang].at(ts, j) : null;
    if (scale) {
      const s = scale.value;
      const attachedOk = !s.attachedOnly || (j === k && ts.adjacent(j) && !word && (!!(prefixCurrency ?? rangeCurrency) || this.currencyAfter(scale.end)));
      if (attachedOk) {
        // German nouns are capitalised: a lower-case "billion" in German text is an English quote (10^9).
        exp = lang === 'de' && s.exp === 12 && /^billions?$/.test(this.tokens[j]!.text) ? 9 : s.exp;
        k = scale.end;
        if (s.abbrev && ts.is(k, '.') && ts.adjacent(k)) k++;
      }
    }
    // "ein", "a" are numbers only before a scale, and not in "a billion-dollar deal" (adjectival).
    if (article && (exp === null || (ts.is(k, '-') && ts.adjacent(k)))) return null;
    return { first: i, next: k, mantissa, exp, prefixCurrency, word };
  }

  private isNonAmountNumber(k: number, n: NumberInfo): boolean {
    const { ts, tokens } = this;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (isYear(n)) return true;
    // Glued to a word, directly or by hyphen: model names and versions ("GPT-4", "A100", "Top-10").
    if (prev && ts.adjacent(k)) {
      if (prev.kind === 'word') return true;
      if (prev.lc === '-' && tokens[k - 2]?.kind === 'word' && ts.adjacent(k - 1)) return true;
      if (prev.lc === ':' && tokens[k - 2]?.kind === 'num') return true;
    }
    // Times "06:58".
    if (next?.lc === ':' && ts.adjacent(k + 1) && tokens[k + 2]?.kind === 'num' && ts.adjacent(k + 2)) return true;
    // German ordinals and dates: "2. Februar", "15. 3.".
    if (this.lang === 'de' && next?.lc === '.' && ts.adjacent(k + 1)) return true;
    return false;
  }

  private currencyAfter(k: number): boolean {
    const j = this.ts.join(k);
    return j >= 0 && CURRENCY_AFTER.at(this.ts, j) !== null;
  }

  /** Currency or percent marker after the figure. With a prefix currency only the same currency may repeat. */
  private tailAt(core: Core): Tail | null {
    const { ts } = this;
    const j = ts.join(core.next);
    if (j < 0) return null;
    const cur = CURRENCY_AFTER.at(ts, j);
    if (cur && (core.prefixCurrency === null || cur.value === core.prefixCurrency)) {
      return { kind: 'currency', code: cur.value, next: cur.end };
    }
    if (core.prefixCurrency !== null || j !== core.next) return null;
    const pct = PERCENT_TABLE.at(ts, j);
    return pct ? { kind: 'percent', next: pct.end } : null;
  }

  /**
   * Lead words, nearest first: one qualifier ("bis zu", "rund", "über") or range opener
   * ("zwischen"), then optionally an "additional" marker before it ("weitere bis zu 5 Mrd.").
   * German "über" counts only directly before the figure and not after a noun like "Runde" or
   * "Verhandlungen", where it means "of" ("Finanzierungsrunde über $100 Milliarden" is exact).
   */
  private leadBefore(first: number, allowBetween: boolean): Lead {
    const { ts, tokens, lang, floor } = this;
    const lead: Lead = { start: first, qualifier: null, additional: false, between: false, ueber: false };
    const q = QUALIFIER_TABLE[lang].before(ts, first, floor);
    const isUeber = q !== null && q.start + 1 === first && tokens[q.start]?.lc === UEBER;
    const ueberMeansOf =
      isUeber && ts.linked(q.start) && UEBER_AS_OF_NOUNS.some((n) => (tokens[q.start - 1]?.lc ?? '').endsWith(n));
    if (q && !ueberMeansOf) {
      lead.qualifier = q.value;
      lead.ueber = isUeber;
      lead.start = q.start;
    } else if (allowBetween && !ueberMeansOf) {
      const b = RANGE_OPEN[lang].before(ts, first, floor);
      if (b) {
        lead.between = true;
        lead.start = b.start;
      }
    }
    if (ueberMeansOf) return lead;
    const add = ADDITIONAL_TABLE[lang].before(ts, lead.start, floor);
    if (add) {
      lead.additional = true;
      lead.start = add.start;
    }
    return lead;
  }

  /**
   * The second half of a range after `k`: "bis"/"to"/"-" (or "und"/"and" after "zwischen"/"between"),
   * then another figure. Scale and currency are shared ("175 bis 185 Milliarden Dollar" → both in
   * billions of dollars); the two halves must agree on currency and percent, and lower < upper.
   */
  private rangeAfter(a: Core, tailA: Tail | null, k: number, between: boolean) {
    const { ts, lang } = this;
    if (!ts.linked(k)) return null;
    const sep = (between ? RANGE_JOIN : RANGE_SEPARATOR)[lang].at(ts, k);
    if (!sep || !ts.linked(sep.end)) return null;
    const b = this.coreAt(sep.end, a.prefixCurrency);
    if (!b) return null;
    const tailB = this.tailAt(b);
    const percentA = tailA?.kind === 'percent';
    const percentB = tailB?.kind === 'percent';
    if (percentA !== percentB && !(percentB && tailA === null && a.exp === null)) return null;
    const curA = a.prefixCurrency ?? (tailA?.kind === 'currency' ? tailA.code : null);
    const curB = b.prefixCurrency ?? (tailB?.kind === 'currency' ? tailB.code : null);
    if (curA && curB && curA !== curB) return null;
    const lower = toValue(a.mantissa, a.exp ?? b.exp);
    const upper = toValue(b.mantissa, b.exp ?? a.exp);
    if (!(lower < upper)) return null;
    return { b, tailB, lower, upper, currency: curA ?? curB, percent: percentA || percentB, next: tailB?.next ?? b.next };
  }

  /** A figure with everything around it; decides money / percent / count. */
  private amountAt(i: number): { q: Quantity; next: number } | null {
    const { ts, tokens } = this;
    const a = this.coreAt(i);
    if (!a) return null;
    let lead = this.leadBefore(a.first, true);
    const tailA = this.tailAt(a);
    let next = tailA?.next ?? a.next;
    let value = toValue(a.mantissa, a.exp);
    let max: number | null = null;
    let currency = a.prefixCurrency ?? (tailA?.kind === 'currency' ? tailA.code : null);
    let percent = tailA?.kind === 'percent';
    let exp = a.exp;
    const range = this.rangeAfter(a, tailA, next, lead.between);
    if (range) {
      ({ currency, percent, next } = range);
      value = range.lower;
      max = range.upper;
      exp = a.exp ?? range.b.exp;
    } else if (lead.between) {
      lead = this.leadBefore(a.first, false);
    }
    const word = a.word || (range?.b.word ?? false);

    let kind: Quantity['kind'];
    let unit: string;
    if (percent) {
      kind = 'percent';
      unit = 'percent';
      currency = null;
    } else if (currency) {
      kind = 'money';
      unit = currency;
    } else {
      const count = word ? null : this.countAt(next, value, exp, a.prefixCurrency ? a.first + 1 : a.first);
      if (count) {
        kind = 'count';
        unit = count.unit;
        next = count.next;
      } else if (exp !== null && exp >= 6) {
        // "weitere 30 Milliarden" with the currency never said: still money.
        kind = 'money';
        unit = '';
      } else {
        return null; // a bare number
      }
    }
    // "mehrere hundert Milliarden", "several hundred billion": no figure after all.
    const vague = a.word && kind === 'money' && lead.qualifier === null && VAGUE_QUANTIFIERS[this.lang].before(ts, a.first, this.floor);
    if (vague) return { q: this.quantity('money', null, null, currency, unit, 'exact', lead.additional, vague.start, next), next };
    if (lead.ueber && ts.linked(next) && tokens[next]?.lc === UEBER_CLOSING) next++;
    const qualifier: Qualifier = range ? 'range' : (lead.qualifier ?? 'exact');
    return { q: this.quantity(kind, value, max, currency, unit, qualifier, lead.additional, lead.start, next), next };
  }

  /**
   * A counted thing after the number ("16.000 Stellen", "2,000 employees", "100 Elite-Forscher"):
   * a table noun (German also by its ending: "Bürojobs"), or in German any other capitalised noun
   * when the number is ≥ 10 and the noun is not a unit of time/measure or a month. Only the last
   * part of a hyphen compound decides the unit. Without a scale, the number must be whole.
   */
  private countAt(k: number, value: number, exp: number | null, numberToken: number): { unit: string; next: number } | null {
    const { ts, tokens, lang } = this;
    if (exp === null && !Number.isInteger(value)) return null;
    // "the 70-person staff": the number and its counted thing glued by a hyphen.
    if (ts.is(k, '-') && ts.adjacent(k) && ts.adjacent(k + 1) && HEADCOUNT.has(tokens[k + 1]?.lc ?? '')) return { unit: 'employees', next: k + 2 };
    if (!tokens[k] || ts.adjacent(k) || !ts.linked(k)) return null;
    // One lower-case adjective before a table noun: "800 Millionen wöchentliche Nutzer", "16,000 new jobs".
    const adjective = tokens[k]!.kind === 'word' && !isCapitalised(tokens[k]!.text) && !ts.adjacent(k + 1) && ts.linked(k + 1);
    const afterAdjective = adjective ? COUNT_TABLE.at(ts, k + 1) : null;
    if (afterAdjective) return { unit: afterAdjective.value, next: afterAdjective.end };
    const phrase = COUNT_TABLE.at(ts, k);
    if (phrase && !(tokens[phrase.end]?.lc === '-' && ts.adjacent(phrase.end))) return { unit: phrase.value, next: phrase.end };
    if (tokens[k]!.kind !== 'word') return null;
    // Hyphen compound: word(-word)*
    let end = k + 1;
    while (ts.is(end, '-') && ts.adjacent(end) && tokens[end + 1]?.kind === 'word' && ts.adjacent(end + 1)) end += 2;
    const last = tokens[end - 1]!.lc;
    const exact = COUNT_WORDS.get(last);
    if (exact) return { unit: exact, next: end };
    if (lang !== 'de') return null;
    const ending = COUNT_ENDINGS.find(([w]) => last.endsWith(w));
    if (ending) return { unit: ending[1], next: end };
    // The fallback skips numbers right after a capitalised word, which are names: "Llama 405 Modelle".
    const named = ts.linked(numberToken) && isCapitalised(tokens[numberToken - 1]?.text ?? '');
    if (value >= 10 && !named && isCapitalised(tokens[k]!.text) && !NON_COUNT.has(last)) return { unit: last, next: end };
    return null;
  }

  /**
   * Money without a figure → value null: German "milliardenschwer", "Milliardensumme",
   * "(Hunderte) Milliarden (Dollar)"; English "billions (of dollars)", "multibillion-dollar",
   * "billion-dollar". A currency right after is taken into the match.
   */
  private vagueAt(i: number): { q: Quantity; next: number } | null {
    const { ts, tokens, lang } = this;
    const tok = tokens[i];
    if (!tok || tok.kind !== 'word') return null;
    let next: number;
    let needsCurrency = false;
    if (lang === 'de') {
      if (!VAGUE_DE.has(tok.lc)) return null;
      next = i + 1;
    } else {
      const v = VAGUE_EN_TABLE.at(ts, i);
      if (!v) return null;
      needsCurrency = v.value;
      next = v.end;
    }
    let j = ts.join(next);
    const link = j >= 0 ? VAGUE_LINK_TABLE.at(ts, j) : null;
    if (link && ts.linked(link.end)) j = link.end;
    const cur = j >= 0 ? CURRENCY_AFTER.at(ts, j) : null;
    if (needsCurrency && !(cur && j === next + 1)) return null;
    if (cur) next = cur.end;
    const lead = this.leadBefore(i, false);
    const currency = cur?.value ?? null;
    return {
      q: this.quantity('money', null, null, currency, currency ?? '', lead.qualifier ?? 'exact', lead.additional, lead.start, next),
      next,
    };
  }

  private quantity(
    kind: Quantity['kind'],
    value: number | null,
    max: number | null,
    currency: string | null,
    unit: string,
    qualifier: Qualifier,
    additional: boolean,
    firstToken: number,
    nextToken: number,
  ): Quantity {
    const start = this.tokens[firstToken]!.start;
    const end = this.tokens[nextToken - 1]!.end;
    return { kind, value, max, currency, unit, qualifier, additional, start, end, text: this.original.slice(start, end) };
  }
}

/** mantissa × 10^exp computed through the decimal string, so "1.3" × 10^9 is exactly 1.3e9. */
function toValue(mantissa: string, exp: number | null): number {
  return Number(`${mantissa}e${exp ?? 0}`);
}

/**
 * Every money amount, percentage and count of things in `text`, in order of appearance.
 * `lang` decides decimal marks ("6,2" vs "6.2"), "Billion" (10^12 in German, 10^9 in English),
 * and which qualifier and number words apply. Never throws; linear in the length of the text.
 */
export function parseQuantities(text: string, lang: Lang): Quantity[] {
  try {
    return new Parser(text, lang).parse();
  } catch {
    return [];
  }
}
