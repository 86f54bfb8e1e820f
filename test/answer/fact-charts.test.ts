/** Facts as chart points: one unit per chart, dated points only, and what was left out said. */
import { describe, expect, it } from 'vitest';
import { dealChart, figureChart } from '../../src/answer/fact-charts.ts';
import type { Article } from '../../src/corpus/types.ts';
import type { Figure } from '../../src/extract/types.ts';
import { deal, figure, source } from '../helpers/facts.ts';

const articles = new Map<string, Article>([
  ['a.md', { id: 'a.md', outlet: 'Reuters', date: '2026-01-30' } as Article],
  ['b.md', { id: 'b.md', outlet: 'Handelsblatt', date: '2025-09-02' } as Article],
  ['undated.md', { id: 'undated.md', outlet: 'Blog', date: null } as unknown as Article],
]);

/** Anthropic's valuation from `a.md` (Reuters, 2026-01-30). */
const valuation = (value: number | null, overrides: Partial<Figure> = {}): Figure => figure(0, 'a.md', { value, ...overrides });

describe('figureChart', () => {
  it('one point per figure and outlet, dated by a month period or else by the article; other units and undated ones counted', () => {
    const { request, leftOut } = figureChart(
      [
        valuation(350e9, { sources: [source('a.md'), source('b.md')] }),
        valuation(183e9, { period: '2025-09', sources: [source('a.md')] }),
        valuation(100e9, { unit: 'EUR' }),
        valuation(61.5e9, { sources: [source('undated.md')] }),
        valuation(null),
      ],
      articles,
      'Anthropic valuation over time',
    );
    expect(request).toMatchObject({ kind: 'line', title: 'Anthropic valuation over time', yTitle: 'USD' });
    expect(request!.points).toEqual([
      { date: '2025-09', value: 183e9, label: 'about $183B', source: 'Reuters' },
      { date: '2025-09-02', value: 350e9, label: 'about $350B', source: 'Handelsblatt' },
      { date: '2026-01-30', value: 350e9, label: 'about $350B', source: 'Reuters' },
    ]);
    expect(leftOut).toEqual(['1 in another unit', '1 without a date']);
  });

  it('nothing to draw: no request', () => {
    expect(figureChart([valuation(null)], articles, 't').request).toBeNull();
  });
});

describe('dealChart', () => {
  it('one bar per deal with an amount and a month, in the first currency; the others counted', () => {
    const { request, leftOut } = dealChart(
      [
        deal(),
        deal({ investor: 'Nvidia', date: '2026-01-30', amount: { value: 30e9, max: null, currency: 'USD', qualifier: 'exact' }, sources: [source('b.md')] }),
        deal({ amount: { value: 5e8, max: null, currency: 'EUR', qualifier: 'exact' } }),
        deal({ date: '2026' }),
        deal({ amount: null }),
      ],
      articles,
      'Deals involving OpenAI',
    );
    expect(request!.kind).toBe('bar');
    expect(request!.points).toEqual([
      { date: '2026-01', value: 50e9, label: 'up to $50B', source: 'Reuters', name: 'Amazon → OpenAI' },
      { date: '2026-01-30', value: 30e9, label: '$30B', source: 'Handelsblatt', name: 'Nvidia → OpenAI' },
    ]);
    expect(leftOut).toEqual(['1 in another currency', '1 without a month']);
  });
});
