/** factId: the same fact gets the same id however it was built, loaded or merged; other facts other ids. */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.ts';
import { FACT_ID, factId, factIds } from '../../src/extract/fact-id.ts';
import { correctionOf } from '../../src/answer/corrections.ts';
import { FactStore } from '../../src/extract/fact-store.ts';
import type { Article } from '../../src/corpus/types.ts';
import { deal, source } from '../helpers/facts.ts';

const article = (name: string, date: string, text: string) => parseArticle({ name, raw: `---\nlang: en\ndate: ${date}\n---\n${text}\n` });

const A = article('a.md', '2026-01-10', 'Mistral AI raised $2 billion, the company said. Anthropic is valued at $350 billion.');
const B = article('b.md', '2026-01-12', 'Nvidia invested $2 billion in Mistral AI. Microsoft invested $5 billion in Mistral AI.');

function ids(articles: Article[]): string[] {
  const store = new FactStore();
  for (const a of articles) store.addArticle(a);
  return [...store.deals, ...store.figures].map(factId).sort();
}

describe('factId', () => {
  it('is short, says whether it names a deal or a figure, and differs between facts', () => {
    // Two deals into Mistral AI; its funding and Anthropic's valuation.
    const all = ids([A, B]);
    for (const id of all) expect(id).toMatch(FACT_ID);
    expect(all.filter((id) => id.startsWith('d'))).toHaveLength(2);
    expect(all.filter((id) => id.startsWith('f'))).toHaveLength(2);
    expect(new Set(all).size).toBe(4);
  });

  it('does not change when the articles come in another order, though the merged reports then differ', () => {
    // a.md names no investor; merged with b.md's report, the deal gains Nvidia either way round.
    expect(ids([B, A])).toEqual(ids([A, B]));
  });

  it('survives a snapshot: the store read back from JSON gives the same ids', () => {
    const store = new FactStore();
    for (const a of [A, B]) store.addArticle(a);
    const loaded = FactStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())), undefined, [A, B]);
    expect([...loaded.deals, ...loaded.figures].map(factId)).toEqual([...store.deals, ...store.figures].map(factId));
  });

  it('ignores what a merge may change (investors, qualifier, kind, status, currency), not where the fact was read', () => {
    const base = deal();
    const merged = deal({ investorIds: [], investors: [], investor: null, kind: 'unknown', status: 'completed', amount: { value: 50e9, max: null, currency: null, qualifier: 'exact' } });
    expect(factId(merged)).toBe(factId(base));
    expect(factId(deal({ sources: [source('b.md'), source('a.md')] }))).toBe(factId(base));
    expect(factId(deal({ sources: [source('b.md')] }))).not.toBe(factId(base));
    expect(factId(deal({ targetId: 'anthropic', target: 'Anthropic' }))).not.toBe(factId(base));
    expect(factId(deal({ additional: true }))).not.toBe(factId(base));
  });

  it('keeps every id a fact was known by: a mark made before a report that sorts earlier was merged in still finds it', () => {
    const before = deal({ sources: [source('feed_b.md')] });
    const after = deal({ sources: [source('feed_b.md'), source('feed_a.md')] });
    expect(factId(after)).not.toBe(factId(before)); // the anchor moved to feed_a.md
    expect(factIds(after)).toContain(factId(before));
    const mark = { number: 1, fact: { id: factId(before), text: 'x', articles: ['feed_b.md'], rule: 'test' }, active: true, by: 'U1', at: '2026-02-14T10:00:00.000Z', reason: 'wrong_amount' as const, note: null };
    expect(correctionOf([after], new Map([[factId(before), mark]]))).toBe(mark);
  });
});
