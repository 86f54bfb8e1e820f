/** One set of character classes: the cleaner, the money parser and the name matcher read typography alike. */
import { describe, expect, it } from 'vitest';
import { normalizeWithOffsets } from '../../src/corpus/normalize.ts';
import { bundledCatalog } from '../../src/extract/entities.ts';
import { parseQuantities } from '../../src/extract/money.ts';
import { APOSTROPHES, classSource, DASHES, HYPHEN_LOOKALIKES, HYPHENS, SPACES } from '../../src/text/chars.ts';

describe('character classes', () => {
  it('classSource matches exactly the characters of a class (the hyphen-minus is no range)', () => {
    for (const chars of [HYPHENS, DASHES, SPACES, APOSTROPHES]) {
      const re = new RegExp(`^${classSource(chars)}$`, 'u');
      for (const ch of chars) expect(re.test(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
      for (const other of ['a', '0', ',', '.', ' ', '\\']) expect(re.test(other)).toBe(chars.includes(other));
    }
  });

  it('hyphens are dashes; the cleaner folds every look-alike to the hyphen-minus', () => {
    for (const ch of HYPHENS) expect(DASHES).toContain(ch);
    for (const ch of HYPHEN_LOOKALIKES) expect(normalizeWithOffsets(`KI${ch}Start-up`).text).toBe('KI-Start-up');
  });

  it.each([...SPACES].map((space) => [space.codePointAt(0)!.toString(16), space]))('the money parser reads U+%s as a space', (_code, space) => {
    expect(parseQuantities(`50${space}Milliarden Dollar`, 'de')[0]).toMatchObject({ value: 50e9, currency: 'USD' });
  });

  // The quotes news sites print (the modifier-letter apostrophe U+02BC is a letter to \p{L}, so not here).
  it.each([..."'’‘"].map((a) => [a.codePointAt(0)!.toString(16), a]))('names match with apostrophe U+%s', (_code, apostrophe) => {
    expect(bundledCatalog().find(`Nvidia${apostrophe}s Anteil`).map((m) => m.entity.id)).toEqual(['nvidia']);
  });
});
