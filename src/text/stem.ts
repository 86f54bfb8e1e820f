/** German and English Snowball stems (from @orama/stemmers), with the corrections this product needs. */
import { stemmer as germanStem } from '@orama/stemmers/german';
import { stemmer as englishStem } from '@orama/stemmers/english';
import type { Lang } from './lang.ts';

/**
 * German stems, corrected for Latin plurals the Snowball stemmer leaves apart: `Rechenzentrum` and
 * `Rechenzentren` both stem to `rechenzentr` (for stems longer than six letters), so one finds the other.
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

/** Stems are pure functions of (word, language): cached, each cache emptied when it grows past this. */
const STEM_CACHE_LIMIT = 200_000;
const stemCache: Record<Lang, Map<string, string>> = { de: new Map(), en: new Map() };

/**
 * The index term for one folded word of a text in `lang`. Numbers, words under four letters and words whose
 * stem would be (`acme` → `acm`: a query keeps no stem that short, so the name could not be found) are kept
 * as they are.
 */
export function stem(folded: string, lang: Lang): string {
  if (/^\d/.test(folded) || folded.length < 4) return folded;
  const cache = stemCache[lang];
  let term = cache.get(folded);
  if (term === undefined) {
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    term = lang === 'de' ? stemGerman(folded.replace(GERMAN_FALSE_FRIEND, 'trillion')) : englishStem(folded);
    if (term.length < 4) term = folded;
    cache.set(folded, term);
  }
  return term;
}

/**
 * The first letters that any folded word stemming to `term` starts with (stems only shorten a word's end,
 * except the false-friend rewrite above): a cheap test of whether a text can contain the term at all.
 */
export function termProbes(term: string, length = 4): string[] {
  const probe = term.slice(0, length);
  return term.startsWith('trillion') ? [probe, 'billion'.slice(0, length)] : [probe];
}
