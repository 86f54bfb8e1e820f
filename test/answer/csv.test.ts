/** Deal exports: the columns, the quoting, the byte-order mark, and article text that must not run as a formula. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEAL_CSV_COLUMNS, dealsCsvFile } from '../../src/answer/csv.ts';
import { fileStem } from '../../src/answer/files.ts';
import type { Article } from '../../src/corpus/types.ts';
import { factId } from '../../src/extract/fact-id.ts';
import { deal, source } from '../helpers/facts.ts';

const article = (id: string, outlet: string, url: string | null): Article => ({ id, outlet, url, date: '2026-01-30', title: `Title of ${id}` }) as Article;
const articles = new Map([
  ['a.md', article('a.md', 'Reuters', 'https://example.org/a')],
  ['b.md', article('b.md', 'Handelsblatt', 'https://example.org/b')],
  ['c.md', article('c.md', 'FT', null)],
]);

function rowsOf(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\uFEFF'), 'a byte-order mark, for spreadsheets').toBe(true);
  return parse(text.slice(1));
}

describe('deal export', () => {
  it('has the header, then one row per deal with its first source in full and the others by link', () => {
    const file = dealsCsvFile(
      [deal({ sources: [source('a.md', 'Amazon talks, “up to” $50B, says Reuters.'), source('b.md'), source('c.md')] }), deal({ investors: ['Nvidia', 'SoftBank'], lead: ['SoftBank'], sources: [source('b.md')] })],
      articles,
      'deals-openai.csv',
      'Deals involving OpenAI (CSV)',
    );
    expect(file).toMatchObject({ name: 'deals-openai.csv', mime: 'text/csv', title: 'Deals involving OpenAI (CSV)' });
    const [header, first, second] = rowsOf(file.bytes);
    expect(header).toEqual([...DEAL_CSV_COLUMNS]);
    const row = Object.fromEntries(header!.map((column, i) => [column, first![i]]));
    expect(row).toMatchObject({
      date: '2026-01',
      status: 'talks',
      target: 'OpenAI',
      investors: 'Amazon',
      amount: '50000000000',
      currency: 'USD',
      qualifier: 'up_to',
      amount_text: 'up to $50B',
      outlet: 'Reuters',
      url: 'https://example.org/a',
      quote: 'Amazon talks, “up to” $50B, says Reuters.',
      sources: '3',
      other_urls: 'https://example.org/b; c.md',
    });
    expect(second![header!.indexOf('investors')]).toBe('SoftBank; Nvidia');
    expect(second![header!.indexOf('lead')]).toBe('SoftBank');
  });

  it('keeps umlauts, quotes, commas and line breaks in one cell each', () => {
    const quote = 'Die Münchner „Übernahme“, sagte er: "groß"\nund weiter.';
    const [, row] = rowsOf(dealsCsvFile([deal({ target: 'Düsseldorf AG', sources: [source('a.md', quote)] })], articles, 'x.csv', 'x').bytes);
    expect(row).toContain(quote);
    expect(row).toContain('Düsseldorf AG');
  });

  it('never lets a cell start a formula in a spreadsheet', () => {
    const hostile = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)'];
    const [, ...rows] = rowsOf(dealsCsvFile(hostile.map((target) => deal({ target })), articles, 'x.csv', 'x').bytes);
    for (const [i, row] of rows.entries()) {
      const cell = row[DEAL_CSV_COLUMNS.indexOf('target')]!;
      expect(cell).toBe(`'${hostile[i]}`);
    }
  });
});

describe('a deal the team marked wrong', () => {
  it('keeps its row, with the mark in its own column', () => {
    const wrong = deal({ investor: 'Nvidia', investors: ['Nvidia'], investorIds: ['nvidia'], sources: [source('b.md')] });
    const mark = { number: 3, fact: { id: factId(wrong), text: 'x', articles: ['a.md'], rule: 'test' }, active: true, by: 'U123', at: '2026-02-14T10:00:00.000Z', reason: 'wrong_amount' as const, note: null };
    const [header, right, marked] = rowsOf(dealsCsvFile([deal(), wrong], articles, 'x.csv', 'x', new Map([[factId(wrong), mark]])).bytes);
    const column = header!.indexOf('marked_wrong');
    expect(right![column]).toBe('');
    expect(marked![column]).toBe('#3 marked wrong by U123 on 2026-02-14: wrong amount');
  });
});

describe('fileStem', () => {
  it.each([
    [['Mistral AI'], 'mistral-ai'],
    [['Aleph Alpha', 'Schwarz Gruppe', '2026'], 'aleph-alpha-schwarz-gruppe-2026'],
    [['Über/../etc'], 'uber-etc'],
    [['😀'], 'export'],
  ])('%j → %s', (words, stem) => expect(fileStem(...words)).toBe(stem));
});
