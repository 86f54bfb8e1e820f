/** Words of a text: folding (case, diacritics, ß) and tokens with their offsets. */
import { APOSTROPHES, classSource } from './chars.ts';

export interface Token {
  /** The folded surface form (lower case, no diacritics). */
  folded: string;
  start: number;
  end: number;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, diacritics removed, ß → ss: `Übernahme` and `Ubernahme` fold alike. */
export function fold(word: string): string {
  // Most words are plain ASCII: lower case is all they need (the Unicode steps cost more than the rest).
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss');
}

/**
 * Letters and digits; combining marks belong to their word (a decomposed `Ü` typed in a query); a word may
 * end in an apostrophe and letters (`Amazon’s`, `OpenAI's`).
 */
const WORD = new RegExp(`[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:${classSource(APOSTROPHES)}\\p{L}+)?`, 'gu');
/** A genitive `'s` (or a bare apostrophe) at a word's end, dropped from the folded form. */
const GENITIVE = new RegExp(`${classSource(APOSTROPHES)}s?$`);

/** Splits text into folded word tokens with their offsets. Hyphenated compounds split at the hyphen. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = fold(match[0]).replace(GENITIVE, '');
    if (folded) tokens.push({ folded, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The folded form of a word as `tokenize` gives it, genitive dropped: `Amazon’s` → `amazon`. */
export function foldWord(word: string): string {
  return fold(word).replace(GENITIVE, '');
}
