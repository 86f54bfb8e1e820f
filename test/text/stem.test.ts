import { describe, expect, it } from 'vitest';
import { stem, termProbes } from '../../src/text/stem.ts';

describe('stem', () => {
  it.each([
    ['rechenzentren', 'rechenzentrum', 'de'],
    ['beteiligungen', 'beteiligung', 'de'],
    ['investments', 'investment', 'en'],
    ['centers', 'center', 'en'],
  ] as const)('%s and %s share a stem (%s)', (a, b, lang) => expect(stem(a, lang)).toBe(stem(b, lang)));

  it('keeps numbers and short words as they are', () => {
    expect(stem('2026', 'de')).toBe('2026');
    expect(stem('ki', 'de')).toBe('ki');
  });

  it('a German Billion is a trillion, an English billion is not', () => {
    expect(stem('billionen', 'de')).toMatch(/^trillion/);
    expect(stem('billion', 'en')).toMatch(/^billion/);
  });

  it('gives the same stem from the cache as the first time', () => {
    const first = stem('bewertungen', 'de');
    expect(stem('bewertungen', 'de')).toBe(first);
  });
});

describe('termProbes', () => {
  it('probes the first letters; a trillion also as the German word it came from', () => {
    expect(termProbes('rechenzentr')).toEqual(['rech']);
    expect(termProbes(stem('billionen', 'de'))).toEqual(['tril', 'bill']);
  });
});
