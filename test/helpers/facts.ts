/** Facts for tests: a deal, a figure and a source with every field, each field overridable. */
import type { Deal, FactSource, Figure } from '../../src/extract/types.ts';

export const source = (article: string, quote = 'A sentence.'): FactSource => ({ article, quote, start: 0, end: quote.length, highlight: [0, 1] });

/** Amazon → OpenAI: up to $50B, in talks, January 2026, from `a.md`; `overrides` change any field. */
export function deal(overrides: Partial<Deal> = {}): Deal {
  return {
    investorId: 'amazon',
    investorIds: ['amazon'],
    investor: 'Amazon',
    investors: ['Amazon'],
    lead: [],
    kind: 'equity',
    round: null,
    rule: { id: 'test', reason: 'a test deal' },
    targetId: 'openai',
    target: 'OpenAI',
    amount: { value: 50e9, max: null, currency: 'USD', qualifier: 'up_to' },
    additional: false,
    status: 'talks',
    date: '2026-01',
    dateFrom: 'text',
    sources: [source('a.md')],
    ...overrides,
  };
}

/** Anthropic's valuation of about `value` dollars, from `article`; `overrides` change any field. */
export function figure(value: number, article: string, overrides: Partial<Figure> = {}): Figure {
  return {
    entityId: 'anthropic',
    entity: 'Anthropic',
    metric: 'valuation',
    period: null,
    subject: 'Anthropic valuation',
    value,
    max: null,
    unit: 'USD',
    qualifier: 'about',
    basis: null,
    conditional: false,
    rule: { id: 'test', reason: 'a test figure' },
    sources: [source(article)],
    ...overrides,
  };
}
