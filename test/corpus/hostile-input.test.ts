/**
 * Linear on hostile text: each parser that reads article text is fed a megabyte of the input most likely
 * to make it slow (one endless sentence, only periods, only amounts, only names …) and must finish within
 * a bound a quadratic one would miss by minutes. The cases are data: parsers × inputs, run by one test.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/corpus/clean.ts';
import { MAX_ARTICLE_CHARS, parseArticle } from '../../src/corpus/load.ts';
import { findDates } from '../../src/extract/dates.ts';
import { bundledCatalog } from '../../src/extract/entities.ts';
import { extractFacts, MAX_FACT_SENTENCE_CHARS } from '../../src/extract/facts.ts';
import { parseQuantities } from '../../src/extract/money.ts';
import { indexTerms } from '../../src/search/analyzer.ts';
import { captureLog } from '../slack/fixtures.ts';

const MB = 1_000_000;
/** A megabyte of `unit`, repeated. */
const mb = (unit: string) => unit.repeat(Math.ceil(MB / unit.length));

const INPUTS: Record<string, string> = {
  'one endless sentence of amounts': mb('$1–2B up to €3 Mrd. bis zu 5 Milliarden Dollar und '),
  'amounts in sentences just under the limit': mb(`${'OpenAI raised $6.6 billion from Thrive at $157 billion and '.repeat(Math.floor(MAX_FACT_SENTENCE_CHARS / 62))}end. `),
  'only periods': mb('a.'),
  'abbreviations': mb('ca. Mio. Mrd. z.B. u.a. '),
  'company names': mb('Amazon Anthropic OpenAI Nvidia Microsoft '),
  'digits and separators': mb('1,2.3 4.5,6 '),
  'dates': mb('am 6. Februar 2026, seit 2023, bis März 2027 '),
  'no spaces': mb('x'),
  'hyphens and dashes': mb('a-–—'),
  'capitals': mb('Aa Bb Cc Dd '),
  'table rows': mb('| a | b | $5B |\n'),
};

const catalog = bundledCatalog();
const PARSERS: Record<string, (text: string) => unknown> = {
  'the cleaner and sentence splitter': (text) => cleanArticle(text),
  'the money parser': (text) => parseQuantities(text, 'en'),
  'the company finder': (text) => catalog.find(text),
  'the date finder': (text) => findDates(text, '2026-02-14'),
  'the search analyzer': (text) => indexTerms(text, 'de'),
  'the whole article: load and facts': (text) => extractFacts(parseArticle({ name: 'hostile.txt', raw: text } as never, { lang: 'en' }), catalog),
};

/** Far above what a linear pass over a megabyte takes (well under a second here), far below a quadratic one. */
const BOUND_MS = 5_000;

describe('a megabyte of hostile text', () => {
  const logged = captureLog('error');
  const cases = Object.keys(PARSERS).flatMap((parser) => Object.keys(INPUTS).map((input) => ({ parser, input })));

  it.each(cases)('$parser reads “$input” in linear time', ({ parser, input }) => {
    const started = performance.now();
    PARSERS[parser]!(INPUTS[input]!);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });

  it('cuts an article past MAX_ARTICLE_CHARS, and says so in the log', () => {
    const warned = captureLog('warn');
    try {
      const article = parseArticle({ name: 'huge.txt', raw: mb('Amazon investiert. ') } as never, { lang: 'de' });
      const lastSentence = article.passages.flatMap((p) => p.sentences).at(-1)!;
      expect(lastSentence.end).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
      expect(lastSentence.end).toBeGreaterThan(MAX_ARTICLE_CHARS - 100);
      expect(warned.lines.map((l) => l.msg)).toContain('article too long: only its beginning is read');
    } finally {
      warned.restore();
    }
  });

  afterAll(() => logged.restore());
});
