/** Facts for tests: a deal and a source with every field, each field overridable. */
import type { Deal, FactSource } from '../../src/extract/types.ts';

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
