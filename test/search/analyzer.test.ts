import { describe, expect, it } from 'vitest';
import { analyzeQuery, indexTerms } from '../../src/search/analyzer.ts';
import { fold, tokenize } from '../../src/text/words.ts';
import { stem } from '../../src/text/stem.ts';
import type { Lang } from '../../src/text/lang.ts';

/** The single index term a one-word text contributes. */
function term(word: string, lang: Lang = 'de'): string {
  const terms = indexTerms(word, lang);
  expect(terms, word).toHaveLength(1);
  return terms[0]!;
}

/** All index terms a query expands to (a single query word or phrase expected). */
function queryTerms(query: string): string[] {
  const words = analyzeQuery(query);
  expect(words, query).toHaveLength(1);
  return words[0]!.terms;
}

describe('folding', () => {
  it('folds case, diacritics and ß alike for indexing and querying', () => {
    expect(term('Bewertung')).toBe(term('bewertung'));
    expect(term('Milliarden')).toBe(term('milliarden'));
    expect(term('Übernahme')).toBe(term('Ubernahme'));
    expect(term('Straße')).toBe(term('Strasse'));
    expect(fold('Straße')).toBe('strasse');
    expect(fold('ÜBERNAHME')).toBe('ubernahme');
    expect(analyzeQuery('Ubernahme')).toEqual(analyzeQuery('Übernahme'));
    expect(analyzeQuery('BEWERTUNG')).toEqual(analyzeQuery('bewertung'));
  });

  it('folds decomposed umlauts (U + combining diaeresis) like composed ones', () => {
    expect(fold('U\u0308bernahme')).toBe(fold('Übernahme'));
    expect(queryTerms('U\u0308bernahme')).toContain(term('Übernahme'));
  });

  it('tokenizes with offsets into the text, splitting hyphenated compounds', () => {
    const text = 'Amazon‑CEO Andy Jassy';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.folded)).toEqual(['amazon', 'ceo', 'andy', 'jassy']);
    for (const t of tokens) expect(fold(text.slice(t.start, t.end))).toBe(t.folded);
  });
});

describe('stemming', () => {
  it('stems German plurals and Latin plurals together', () => {
    expect(term('Rechenzentren')).toBe(term('Rechenzentrum'));
    expect(term('Beteiligungen')).toBe(term('Beteiligung'));
    expect(term('Investitionen')).toBe(term('Investition'));
  });

  it('stems English inflections together', () => {
    expect(term('investments', 'en')).toBe(term('investment', 'en'));
    expect(term('valuations', 'en')).toBe(term('valuation', 'en'));
    expect(stem('centers', 'en')).toBe(stem('center', 'en'));
  });

  it('queries carry both languages’ stems: the query language is unknown', () => {
    expect(queryTerms('Rechenzentrum')).toContain(term('Rechenzentren', 'de'));
    expect(queryTerms('investments')).toContain(term('investment', 'en'));
  });

  it('keeps numbers as they are', () => {
    expect(indexTerms('2026 16.000', 'de')).toEqual(['2026', '16', '000']);
  });
});

describe('synonyms', () => {
  it('data center (a phrase) expands to the German Rechenzentrum terms', () => {
    const words = analyzeQuery('data center');
    expect(words).toHaveLength(1);
    expect(words[0]!.text).toBe('data center');
    expect(words[0]!.terms).toEqual(expect.arrayContaining([term('Rechenzentrum'), term('Rechenzentren')]));
    expect(queryTerms('data centre')).toContain(term('Rechenzentrum'));
    expect(queryTerms('Data Center')).toEqual(words[0]!.terms);
  });

  it('the German word expands to the English ones too', () => {
    expect(queryTerms('Rechenzentrum')).toContain(term('center', 'en'));
    expect(queryTerms('Bewertung')).toContain(term('valuation', 'en'));
  });

  it('valuation → Bewertung, revenue → Umsatz, billion → Milliarden', () => {
    expect(queryTerms('valuation')).toContain(term('Bewertung'));
    expect(queryTerms('valuation')).toContain(term('bewertet'));
    expect(queryTerms('revenue')).toContain(term('Umsatz'));
    expect(queryTerms('billion')).toContain(term('Milliarden'));
    expect(queryTerms('billions')).toContain(term('Milliarde'));
  });

  it('jobs → Stellen and Arbeitsplätze', () => {
    const terms = queryTerms('jobs');
    expect(terms).toContain(term('Stellen'));
    expect(terms).toContain(term('Arbeitsplätze'));
  });

  it('English billion never means a German Billion (10^12)', () => {
    const billion = queryTerms('billion');
    for (const word of ['Billion', 'Billionen', 'Billionenmarke']) expect(billion).not.toContain(term(word, 'de'));
    expect(billion).not.toContain('trillion');
    // …while trillion and Billionen find the German trillions.
    expect(queryTerms('trillion')).toContain(term('Billionen', 'de'));
    expect(queryTerms('trillion')).toContain(term('Billion', 'de'));
    expect(queryTerms('Billionen')).toContain(term('Billion', 'de'));
    expect(queryTerms('Billionen')).not.toContain(term('Milliarden', 'de'));
  });
});

describe('stop words', () => {
  it('a query of only stop words or punctuation has no words', () => {
    expect(analyzeQuery('der die das')).toEqual([]);
    expect(analyzeQuery('the of and is')).toEqual([]);
    expect(analyzeQuery('?!… -- ,;')).toEqual([]);
    expect(analyzeQuery('')).toEqual([]);
    expect(indexTerms('und der die das', 'de')).toEqual([]);
  });

  it('drops stop words and keeps the rest', () => {
    expect(analyzeQuery('the valuation of OpenAI').map((w) => w.text)).toEqual(['valuation', 'openai']);
  });
});
