/**
 * The one analyzer shared by indexing and querying: Unicode folding (case, diacritics, ß), stop words,
 * German/English Snowball stemming (from @orama/stemmers), and a bilingual synonym map for queries.
 */
import { stemmer as germanStem } from '@orama/stemmers/german';
import { stemmer as englishStem } from '@orama/stemmers/english';
import type { Lang } from '../extract/types.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';

export interface Token {
  /** The folded surface form (lower case, no diacritics). */
  folded: string;
  start: number;
  end: number;
}

/** Words too common to search for (both languages), folded. */
export const STOP_WORDS = new Set(
  (
    'der die das den dem des ein eine einer einem einen eines und oder aber nicht kein keine ist sind war waren ' +
    'wird werden wurde hat haben hatte mit von vom zu zum zur im in am an auf aus bei fur uber unter nach vor ' +
    'als auch so wie was wer wo da dass es er sie wir ihr ich du sich sein seine ihre ihren noch nur schon mehr ' +
    'the a an and or but not no is are was were be been being has have had with of to in on at by for from ' +
    'as also so how what who where which that this these those it its he she we they i you his her their ' +
    'than then there here do does did will would can could should may might much many about into over'
  ).split(' '),
);

/** Lower case, diacritics removed, ß → ss: `Übernahme` and `Ubernahme` fold alike. */
const ASCII = /^[\x00-\x7f]*$/;

export function fold(word: string): string {
  // Most words are plain ASCII: lower case is all they need (the Unicode steps cost more than the rest).
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss');
}

/** Letters and digits; combining marks belong to their word (a decomposed `Ü` typed in a query). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)?/gu;

/** Splits text into folded word tokens with their offsets. Hyphenated compounds split at the hyphen. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = fold(match[0]).replace(/['’]s?$/, '');
    if (folded) tokens.push({ folded, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * German stems, corrected for Latin plurals the Snowball stemmer leaves apart: `Zentrum`/`Zentren`,
 * `Museum`/`Museen` both stem to `zentr`/`muse`, so `Rechenzentrum` finds `Rechenzentren`.
 */
function stemGerman(word: string): string {
  const stem = germanStem(word);
  return stem.length > 6 && stem.endsWith('um') ? stem.slice(0, -2) : stem;
}

/**
 * German `Billion`/`Billionen` (also in compounds: `Billionenmarke`) is 10^12, an English *trillion*, while
 * English `billion` is German `Milliarde`. German text indexes these words as `trillion…`, so that an English
 * `billion` never finds a German trillion.
 */
const GERMAN_FALSE_FRIEND = /^billion(?=en|$)/;

/** The index term for one folded word of a text in `lang`. Numbers are kept as they are. */
export function stem(folded: string, lang: Lang): string {
  if (/^\d/.test(folded) || folded.length < 4) return folded;
  return lang === 'de' ? stemGerman(folded.replace(GERMAN_FALSE_FRIEND, 'trillion')) : englishStem(folded);
}

/**
 * The first letters that any folded word stemming to `term` starts with (stems only shorten a word's end,
 * except the false-friend rewrite above): a cheap test of whether a text can contain the term at all.
 */
export function termProbes(term: string, length = 4): string[] {
  const probe = term.slice(0, length);
  return term.startsWith('trillion') ? [probe, 'billion'.slice(0, length)] : [probe];
}

/** The terms a text contributes to the index: stop words out, stemmed by the text's language. */
export function indexTerms(text: string, lang: Lang): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (!STOP_WORDS.has(token.folded)) terms.push(stem(token.folded, lang));
  }
  return terms;
}

/** One word (or synonym phrase) of a query and every index term that counts as a match for it. */
export interface QueryWord {
  /** What the user typed, folded. */
  text: string;
  /** Index terms: German and English stems of the word and of its synonyms. */
  terms: string[];
  /**
   * Folded surface forms: the word itself and its one-word synonyms (`rechenzentren`, `stellen`). A text
   * word equal to one of them is the best match; one that only shares a stem or a prefix ranks lower.
   */
  forms: string[];
}

/**
 * Both languages' stems: a query does not know which language the matching article is in. A stem cut
 * below four letters (German `invest` → `inv`) would match far too much, so it is dropped.
 */
function bothStems(folded: string): string[] {
  if (ENGLISH_ONLY.has(folded)) return [stem(folded, 'en')];
  const stems = [stem(folded, 'de'), stem(folded, 'en')].filter((s) => s === folded || s.length >= 4);
  return [...new Set(stems.length ? stems : [folded])];
}

/**
 * Query words read as English only, whatever the query's language: `billion` is a Milliarde (the German
 * reading, a trillion, is asked for as `Billionen` or `trillion`).
 */
const ENGLISH_ONLY = new Set(['billion', 'billions']);

const SYNONYMS = buildSynonymIndex(SYNONYM_GROUPS);

/** Maps each folded word or phrase of a synonym group to all members of the group. */
function buildSynonymIndex(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const group of groups) {
    const members = group.map((member) => tokenize(member).map((t) => t.folded).join(' '));
    for (const member of members) index.set(member, [...new Set([...(index.get(member) ?? []), ...members])]);
  }
  return index;
}

const LONGEST_SYNONYM = Math.max(...[...SYNONYMS.keys()].map((k) => k.split(' ').length));

/**
 * Analyses a query: stop words out, multi-word synonyms ("data center") recognised first, each word
 * expanded to its stems and its synonyms' stems.
 */
export function analyzeQuery(query: string): QueryWord[] {
  const words = tokenize(query).map((t) => t.folded);
  const result: QueryWord[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(LONGEST_SYNONYM, words.length - i); n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const group = SYNONYMS.get(phrase);
      if (!group) continue;
      // Phrase members ("data center", "net income") are English: their words get English stems only.
      const terms = group.flatMap((member) =>
        member.includes(' ')
          ? member.split(' ').filter((w) => !STOP_WORDS.has(w)).map((w) => stem(w, 'en'))
          : bothStems(member),
      );
      const forms = [phrase, ...group.filter((member) => !member.includes(' '))];
      result.push({ text: phrase, terms: [...new Set(terms)], forms: [...new Set(forms)] });
      i += n;
      matched = true;
    }
    if (matched) continue;
    const word = words[i++]!;
    if (!STOP_WORDS.has(word)) result.push({ text: word, terms: bothStems(word), forms: [word] });
  }
  return result;
}
