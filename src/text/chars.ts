/**
 * The character classes that typography varies: hyphens, dashes, spaces and apostrophes as news sites
 * print them. One home, so the cleaner, the money parser and the name matcher agree on what a hyphen is.
 * Each class is a string of characters, for use inside a regular expression's `[…]`.
 */

/** Hyphen look-alikes that the cleaner folds to '-': hyphen, non-breaking hyphen (U+2011), figure dash, minus, small and full-width hyphen-minus. */
export const HYPHEN_LOOKALIKES = '\u2010\u2011\u2012\u2212\ufe63\uff0d';

/** The hyphen-minus and its look-alikes. */
export const HYPHENS = `-${HYPHEN_LOOKALIKES}`;

/** Hyphens plus the dashes that separate rather than join: en dash, em dash, horizontal bar. */
export const DASHES = `${HYPHENS}\u2013\u2014\u2015`;

/** No-break, figure, thin, hair, zero-width and narrow no-break spaces: all read as a plain space. */
export const SPACES = '\u00a0\u2007\u2009\u200a\u200b\u202f';

/** Apostrophes: ASCII, left and right single quotes, modifier letter apostrophe, prime (Swiss "30′000"). */
export const APOSTROPHES = "'\u2018\u2019\u02bc\u2032";

/** Regular-expression source `[…]` matching one character of `chars` (a class above), hyphen escaped. */
export function classSource(chars: string): string {
  return `[${chars.replace(/[-\\\]^]/g, '\\$&')}]`;
}

/** The first `max` UTF-16 units of `text`, one fewer where the last would be half of a surrogate pair (an emoji). */
export function headOf(text: string, max: number): string {
  const end = Math.min(max, text.length);
  return end > 0 && end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!) ? text.slice(0, end - 1) : text.slice(0, end);
}
