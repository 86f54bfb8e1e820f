import type { Lang } from '../text/lang.ts';

/** Frequent function words that tell German from English text. */
const GERMAN = new Set(
  'der die das und ist nicht mit von den dem des ein eine einer sich auf für ist im zu bei auch als wird hat nach über wie sind'.split(' '),
);
const ENGLISH = new Set(
  'the and is of to that it for with as was on are by this be from at has have an which its will their said would'.split(' '),
);

/**
 * Guesses German or English from function-word counts ("in" and "an" count for neither); umlauts and ß tip
 * a tie to German, otherwise ties (or no words) go to English.
 */
export function detectLanguage(text: string): Lang {
  let german = /[äöüß]/i.test(text) ? 0.5 : 0;
  let english = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (GERMAN.has(word)) german++;
    if (ENGLISH.has(word)) english++;
  }
  return german > english ? 'de' : 'en';
}
