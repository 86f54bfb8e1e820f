/** How facts are shown and compared: one formatter, one deal and figure line, one conflict rule, one citation builder. */
import { describe, expect, it } from 'vitest';
import { citeSources, conflictLine, dealJson, dealLine, figureLine, findConflicts, formatAmount, type Printable } from '../../src/answer/facts.ts';
import type { Article } from '../../src/corpus/types.ts';
import { parseQuantities } from '../../src/extract/money.ts';
import type { Deal, Figure } from '../../src/extract/types.ts';
import { deal, figure, source } from '../helpers/facts.ts';

const money = (value: number | null, currency: string | null, qualifier: Printable['qualifier'] = 'exact', max: number | null = null): Printable => ({
  value,
  max,
  currency,
  unit: currency ?? '',
  qualifier,
  kind: 'money',
});

describe('formatAmount', () => {
  it.each<[Printable, string]>([
    [money(50e9, 'USD', 'up_to'), 'up to $50B'],
    [money(1.2e9, 'EUR', 'about'), 'about €1.2B'],
    [money(175e9, 'USD', 'range', 185e9), '$175–185B'],
    [money(10e9, 'USD', 'below'), 'below $10B'],
    [money(13e9, 'USD', 'more_than'), 'more than $13B'],
    [money(6.2e9, 'USD'), '$6.2B'],
    [money(730e6, 'USD'), '$730M'],
    [money(8e12, 'USD'), '$8T'],
    [money(5, 'CHF'), 'CHF 5'],
    [money(3e6, 'GBP'), '£3M'],
    [money(2e9, 'JPY'), '¥2B'],
    [money(2e9, 'CAD'), 'CAD 2B'],
    [money(30e9, null), '30B'],
    [money(null, null), 'billions (no figure)'],
    [{ ...money(24, null), kind: 'percent', unit: 'percent' }, '24%'],
    [{ ...money(3, null, 'range', 5), kind: 'percent', unit: 'percent' }, '3–5%'],
    [{ ...money(30000, null, 'about'), kind: 'count', unit: 'jobs' }, 'about 30,000 jobs'],
    [{ ...money(40e6, null, 'up_to'), kind: 'count', unit: 'jobs' }, 'up to 40M jobs'],
  ])('%j → %s', (amount, text) => expect(formatAmount(amount)).toBe(text));

  it('prints what the parser read, in either language', () => {
    expect(parseQuantities('bis zu 30 Milliarden US-Dollar und rund 16.000 Stellen', 'de').map(formatAmount)).toEqual(['up to $30B', 'about 16,000 jobs']);
  });
});


describe('deal and figure lines', () => {
  it.each<[Partial<Deal>, string]>([
    [{}, 'Amazon → OpenAI: up to $50B'],
    [{ investor: null, investorId: null, investorIds: [] }, 'investors not named → OpenAI: up to $50B'],
    [{ amount: null }, 'Amazon → OpenAI: amount not given'],
    [{ additional: true, amount: { value: 4e9, max: null, currency: 'USD', qualifier: 'exact' } }, 'Amazon → OpenAI: a further $4B'],
    [{ kind: 'debt' }, 'Amazon → OpenAI: up to $50B · debt'],
    [{ kind: 'unknown' }, 'Amazon → OpenAI: up to $50B'],
    [
      {
        investors: ['Andreessen Horowitz', 'Sequoia Capital', 'Index Ventures'],
        lead: ['Sequoia Capital'],
        round: 'Series B',
        target: 'Anysphere',
        amount: { value: 120e6, max: null, currency: 'USD', qualifier: 'exact' },
      },
      'Anysphere: Series B · led by Sequoia Capital, with Andreessen Horowitz and Index Ventures · $120M',
    ],
    [{ lead: ['Thrive Capital', 'Amazon'], investors: ['Amazon', 'Thrive Capital'], round: null }, 'OpenAI: led by Thrive Capital and Amazon · up to $50B'],
    [{ round: 'Seed', investors: [], investor: null, amount: null }, 'OpenAI: Seed · investors not named · amount not given'],
    [{ round: 'Series C', kind: 'debt', investors: ['Amazon', 'Nvidia'] }, 'OpenAI: Series C (debt) · from Amazon and Nvidia · up to $50B'],
  ])('deal %j → %s', (overrides, line) => expect(dealLine(deal(overrides))).toBe(line));

  it('deal JSON: the lead(s) first among the investors, whatever order the extractor kept', () => {
    expect(dealJson(deal({ investors: ['Amazon', 'Nvidia', 'Thrive Capital'], lead: ['Thrive Capital'] }))).toMatchObject({
      investors: ['Thrive Capital', 'Amazon', 'Nvidia'],
      lead: ['Thrive Capital'],
      investor: 'Thrive Capital',
    });
  });

  it('a figure is its subject and its value', () => {
    expect(figureLine(figure(350e9, 'a.md'))).toBe('Anthropic valuation: about $350B');
    expect(figureLine(figure(16000, 'a.md', { unit: 'jobs', subject: 'Amazon job cuts', qualifier: 'exact' }))).toBe('Amazon job cuts: 16,000 jobs');
  });
});

describe('the conflict rule', () => {
  it.each<[string, Figure[], number[][]]>([
    ['values within rounding (2 %) agree', [figure(350e9, 'a.md'), figure(351e9, 'b.md')], []],
    ['different values from different articles conflict', [figure(350e9, 'a.md'), figure(380e9, 'b.md')], [[0, 1]]],
    ['one article contradicting itself is no conflict between sources', [figure(350e9, 'a.md'), figure(380e9, 'a.md')], []],
    ['another period is another figure', [figure(350e9, 'a.md', { period: '2025' }), figure(380e9, 'b.md', { period: '2026' })], []],
    ['another unit is another figure', [figure(350e9, 'a.md'), figure(380e9, 'b.md', { unit: 'EUR' })], []],
    ['a figure about no known company never conflicts', [figure(350e9, 'a.md', { entityId: null }), figure(380e9, 'b.md', { entityId: null })], []],
  ])('%s', (_name, figures, groups) => expect(findConflicts(figures)).toEqual(groups));

  it('names every side with its outlets', () => {
    const articles = new Map([
      ['a.md', { outlet: 'Reuters' }],
      ['b.md', { outlet: 'Handelsblatt' }],
    ]) as unknown as Map<string, Article>;
    expect(conflictLine([figure(350e9, 'a.md'), figure(380e9, 'b.md')], articles)).toBe(
      'Sources differ on Anthropic valuation: about $350B (Reuters) vs. about $380B (Handelsblatt)',
    );
  });
});

describe('citeSources', () => {
  it('cites each article once, with the figure highlighted, and skips articles the corpus does not hold', () => {
    const article = { id: 'a.md', outlet: 'Reuters', date: '2026-01-30', title: 'T' } as Article;
    const articles = new Map([['a.md', article]]);
    const citations = citeSources([source('a.md', 'First.'), source('a.md', 'Second.'), source('gone.md')], articles);
    expect(citations).toEqual([{ article: 'a.md', outlet: 'Reuters', date: '2026-01-30', title: 'T', quote: 'First.', highlights: [[0, 1]] }]);
  });
});
