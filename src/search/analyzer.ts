/**
 * The one analyzer shared by indexing and querying: the words of `text/` (folding, tokens, stems) minus
 * stop words for the index, and for queries both languages' stems plus a bilingual synonym map.
 */
import type { Lang } from '../text/lang.ts';
import { stem } from '../text/stem.ts';
import { tokenize, type Token } from '../text/words.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';

/**
 * Words too common to search for (both languages), in lower case as written: `über` is one, the company
 * `Uber` is not (folding would make them the same word).
 */
export const STOP_WORDS = new Set(
  (
    'der die das den dem des ein eine einer einem einen eines und oder aber nicht kein keine ist sind war waren ' +
    'wird werden wurde hat haben hatte mit von vom zu zum zur im in am an auf aus bei für über unter nach vor ' +
    'als auch so wie was wer wo da dass es er sie wir ihr ich du sich sein seine ihre ihren noch nur schon mehr ' +
    'the a an and or but not no is are was were be been being has have had with of to in on at by for from ' +
    'as also so how what who where which that this these those it its he she we they i you his her their ' +
    'than then there here do does did will would can could should may might much many about into over'
  ).split(' '),
);

/** Whether the token of `text` is a stop word, judged as written (see `STOP_WORDS`). */
export function isStopWord(text: string, token: Token): boolean {
  return STOP_WORDS.has(text.slice(token.start, token.end).toLowerCase());
}

/** The terms a text contributes to the index: stop words out, stemmed by the text's language. */
export function indexTerms(text: string, lang: Lang): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (!isStopWord(text, token)) terms.push(stem(token.folded, lang));
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
  const tokens = tokenize(query);
  const words = tokens.map((t) => t.folded);
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
    const word = words[i]!;
    if (!isStopWord(query, tokens[i++]!)) result.push({ text: word, terms: bothStems(word), forms: [word] });
  }
  return result;
}
