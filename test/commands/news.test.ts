/** `/news`: issue 2's "Done when", every bad input, the JSON contract, citations and highlights. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answer } from '../../commands/index.ts';
import { MAX_QUERY_LENGTH, news } from '../../commands/news.ts';
import { UsageError } from '../../commands/types.ts';
import { errorJsonSchema, newsHitSchema, newsJsonSchema } from '../../src/answer/contracts.ts';
import type { Answer } from '../../src/answer/model.ts';
import { renderText } from '../../src/answer/text.ts';
import { seedContext, tempCorpus } from '../helpers/corpus.ts';

const ctx = seedContext();
const ask = (line: string): Promise<Answer> => answer(line, ctx);

const INDIANA = 'Bereits im Oktober eröffnete Amazon in Indiana ein 11-Milliarden-Dollar-Rechenzentrumscampus für Anthropic.';
const FILE_003 = '003_74890980bce22e95.txt';

/** The JSON contract of issue 2 (src/answer/contracts.ts), strictly: no other keys, nothing empty, ISO dates. */
const hitSchema = z.strictObject({
  ...newsHitSchema.shape,
  article: z.string().min(1),
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/).nullable(),
  snippet: z.string().min(1),
});
const newsSchema = z.strictObject({ ...newsJsonSchema.shape, hits: z.array(hitSchema) });
const errorSchema = z.strictObject({ command: errorJsonSchema.shape.command, error: z.string().min(1) });

/** The JSON as `ask --json` prints it, parsed back and validated. */
function contract(result: Answer) {
  return newsSchema.parse(JSON.parse(JSON.stringify(result.json)));
}
function quotes(result: Answer): string[] {
  return result.items.flatMap((item) => item.citations.map((c) => c.quote));
}
function boldWords(result: Answer): string[] {
  return result.items.flatMap((item) => item.citations.flatMap((c) => c.highlights.map(([s, e]) => c.quote.slice(s, e))));
}

describe('/news: done when', () => {
  it('/news Indiana → the Indiana data-centre sentence of 003 first, cited', async () => {
    const result = await ask('/news Indiana');
    expect(result.error).toBeUndefined();
    const [first] = result.items;
    expect(first?.citations).toHaveLength(1);
    expect(first!.citations[0]).toEqual({
      article: FILE_003,
      outlet: 'wallstreet-online',
      date: '2026-01-30',
      title: 'Amazon erwägt Beteiligung von bis zu 50 Milliarden US-Dollar an OpenAI',
      url: null,
      quote: INDIANA,
      highlights: [[INDIANA.indexOf('Indiana'), INDIANA.indexOf('Indiana') + 'Indiana'.length]],
    });
    expect(contract(result).hits[0]).toMatchObject({ article: FILE_003, snippet: INDIANA, outlet: 'wallstreet-online', date: '2026-01-30' });
    // The text rendering shows the quote with the word in bold and the citation line.
    const text = renderText(result);
    expect(text).toContain('Amazon in **Indiana** ein');
    expect(text).toContain('— wallstreet-online · 2026-01-30 · Amazon erwägt Beteiligung von bis zu 50 Milliarden US-Dollar an OpenAI');
    expect(text).not.toContain('003_74890980bce22e95.txt');
  });

  it('/news Rechenzentrum → Rechenzentren (stem) and Rechenzentrumscampus (compound) in 003', async () => {
    const result = await ask('/news Rechenzentrum');
    const in003 = result.items.flatMap((i) => i.citations).filter((c) => c.article === FILE_003);
    const words = in003.flatMap((c) => c.highlights.map(([s, e]) => c.quote.slice(s, e)));
    expect(words).toContain('Rechenzentren');
    expect(words).toContain('Rechenzentrumscampus');
    expect(in003.map((c) => c.quote)).toContain(INDIANA);
  });

  it('/news data center → the same passages through the synonym map', async () => {
    const german = contract(await ask('/news Rechenzentrum')).hits.map((h) => `${h.article}|${h.snippet}`);
    const english = contract(await ask('/news data center')).hits.map((h) => `${h.article}|${h.snippet}`);
    expect(english).toEqual(german);
    expect(boldWords(await ask('/news data center'))).toEqual(expect.arrayContaining(['Rechenzentren', 'Rechenzentrumscampus']));
  });

  it.each(['Riesenqualle', 'CHF', '5 CHF 15 CHF', 'Kommentar', 'keystone', 'BFMTV Forbes', 'vorwärts'])(
    '/news %s never quotes boilerplate',
    async (query) => {
      const result = await ask(`/news ${query}`);
      for (const quote of quotes(result)) {
        expect(quote).not.toMatch(/Riesenqualle|CHF|Kommentar|keystone|BFMTV|Forbes|vorwärts|unterstütze/);
      }
      for (const hit of contract(result).hits) expect(hit.snippet).not.toMatch(/Riesenqualle|CHF|keystone|BFMTV/);
    },
  );

  it('highlights point at the matched words, in every citation', async () => {
    for (const query of ['Amazon OpenAI Beteiligung', 'valuation', 'jobs', 'Milliarden Rechenzentren']) {
      const result = await ask(`/news ${query}`);
      expect(result.items.length, query).toBeGreaterThan(0);
      for (const citation of result.items.flatMap((i) => i.citations)) {
        expect(citation.highlights.length).toBeGreaterThan(0);
        for (const [s, e] of citation.highlights) expect(citation.quote.slice(s, e)).toMatch(/^[\p{L}\p{N}]+$/u);
      }
    }
    expect(boldWords(await ask('/news valuation')).every((w) => /^[Bb]ewert/.test(w))).toBe(true);
    expect(boldWords(await ask('/news Amazon OpenAI'))).toEqual(expect.arrayContaining(['Amazon', 'OpenAI']));
  });

  it('every item is cited: file always, outlet/date/title where known', async () => {
    const result = await ask('/news Prometheus');
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) {
      expect(item.citations).toHaveLength(1);
      const c = item.citations[0]!;
      expect(c.article).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(c.title).toBeTruthy(); // printed title or first sentence
      expect(item.text).toBe(c.title);
    }
  });
});

describe('/news: the JSON contract', () => {
  it('has exactly {command, query, hits[{article,title,outlet,date,snippet,score}]}, best first', async () => {
    const json = contract(await ask('/news Amazon OpenAI Beteiligung'));
    expect(json.command).toBe('news');
    expect(json.query).toBe('Amazon OpenAI Beteiligung');
    expect(json.hits.length).toBeGreaterThan(0);
    expect(json.hits.length).toBeLessThanOrEqual(5);
    const scores = json.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(json.hits.every((h) => h.score > 0)).toBe(true);
  });

  it('null where the article prints nothing', async () => {
    const json = contract(await ask('/news Trainingsräder'));
    expect(json.hits[0]).toMatchObject({ article: '001_ca898e26b61cf4bd.txt', outlet: null, date: null });
    expect(json.hits[0]!.title).toMatch(/^Alter, du wirst es nicht glauben/);
  });

  it('bad input gives {command, error}', async () => {
    const result = await ask('/news');
    expect(errorSchema.parse(result.json)).toEqual({ command: 'news', error: expect.any(String) });
  });
});

describe('/news: bad input', () => {
  it('empty → usage and an error', async () => {
    for (const line of ['/news', '/news    ', '/news \t\n']) {
      const result = await ask(line);
      expect(result.error).toBeTruthy();
      expect(result.items).toEqual([]);
      expect(result.notes.join('\n')).toContain('Usage: /news');
    }
    expect(() => news.parse('  ')).toThrow(UsageError);
  });

  it('a 10,000-character query is answered, with a truncation note', async () => {
    const long = `Rechenzentrum ${'Indiana '.repeat(1300)}`.slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    const started = Date.now();
    const result = await ask(`/news ${long}`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.error).toBeUndefined();
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.notes.join(' ')).toMatch(new RegExp(`first ${MAX_QUERY_LENGTH} characters`));
    const json = contract(result);
    expect(json.query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(json.query.length).toBeGreaterThan(MAX_QUERY_LENGTH - 10);
    // Cut between words, not inside one.
    expect(json.query.split(' ').every((w) => w === 'Rechenzentrum' || w === 'Indiana')).toBe(true);
  });

  it('a long query of emoji is cut between two of them, never inside one (no lone surrogate)', () => {
    // Each emoji is two UTF-16 units: one that starts at unit 299 would be cut in half at 300.
    const { query } = news.parse(`x${'😀'.repeat(400)}`);
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(query).toBe(`x${'😀'.repeat((MAX_QUERY_LENGTH - 2) / 2)}`);
    expect(query).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('a long query of one unbroken word is answered too', async () => {
    const result = await ask(`/news ${'x'.repeat(10_000)}`);
    expect(result.error).toBeUndefined();
    expect(result.notes.join(' ')).toMatch(/first \d+ characters/);
  });

  it('only stop words or punctuation → "nothing to search for"', async () => {
    for (const query of ['der die das', 'the of and', '?!', '… – ,;:', 'und oder aber']) {
      const result = await ask(`/news ${query}`);
      expect(result.error, query).toMatch(/nothing to search for/i);
      expect(result.items).toEqual([]);
      errorSchema.parse(result.json);
    }
  });

  it('no hits → a clear "no passage matches" with a hint, not an error', async () => {
    const result = await ask('/news xyzzyplugh');
    expect(result.error).toBeUndefined();
    expect(result.items).toEqual([]);
    expect(result.title).toMatch(/no passage matches/i);
    expect(result.notes.join(' ')).toMatch(/try/i);
    expect(contract(result)).toEqual({ command: 'news', query: 'xyzzyplugh', hits: [] });
  });

  it('an empty corpus folder → a clear message', async () => {
    const empty = tempCorpus().context();
    const result = await answer('/news Amazon', empty);
    expect(result.error).toMatch(/corpus is empty/i);
    expect(result.notes.join(' ')).toMatch(/CORPUS_DIR/);
    errorSchema.parse(result.json);
  });

  it('command names are case-insensitive; the query keeps its case in the JSON', async () => {
    const result = await ask('/NEWS Indiana');
    expect(contract(result)).toMatchObject({ query: 'Indiana' });
    expect(contract(result).hits[0]?.snippet).toBe(INDIANA);
  });

  it('finds what people type: short names whose stem would be cut (Acme), names that fold into a stop word (Uber)', async () => {
    const ctx = tempCorpus({
      'acme.md': '---\nlang: en\ntitle: Acme raises money\n---\nThe robotics start-up Acme raised $40 million from Sequoia.\n',
      'uber.md': '---\nlang: de\ntitle: Uber investiert\n---\nDer Fahrdienst Uber investiert über eine Milliarde Dollar in autonome Autos.\n',
    }).context();
    expect((await answer('/news Acme', ctx)).items[0]?.citations[0]?.quote).toMatch(/start-up Acme raised/);
    const uber = await answer('/news Uber', ctx);
    expect(uber.error).toBeUndefined();
    expect(uber.items[0]?.citations[0]?.quote).toMatch(/Fahrdienst Uber/);
    // "über" itself is still too common to search for.
    expect((await answer('/news über', ctx)).error).toMatch(/nothing to search for/i);
  });

  it('a name as typed ranks first: Cohere before an article that says "coherent" three times', async () => {
    const ctx = tempCorpus({
      'a.md': '---\nlang: en\ntitle: Coherent plans\n---\nThe plan is coherent. A coherent strategy is a coherent plan.\n',
      'b.md': '---\nlang: en\ntitle: Funding news\n---\nCohere raised $500 million from investors.\n',
    }).context();
    const quotes = (await answer('/news Cohere', ctx)).items.map((i) => i.citations[0]!.quote);
    expect(quotes[0]).toBe('Cohere raised $500 million from investors.');
    expect(quotes).toHaveLength(2);
  });
});
