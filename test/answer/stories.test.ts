/** One story per deal: which reports join, which stay apart, and what a story says about its sources. */
import { describe, expect, it } from 'vitest';
import { groupStories, reportedBy, sameStory, storyItem } from '../../src/answer/stories.ts';
import type { Article } from '../../src/corpus/types.ts';
import type { Deal } from '../../src/extract/types.ts';
import { deal, source } from '../helpers/facts.ts';

const outlets: Record<string, [string, string | null]> = {
  'reuters.md': ['Reuters', '2026-01-10'],
  'ft.md': ['FT', '2026-01-12'],
  'hb.md': ['Handelsblatt', '2026-01-11'],
  'bloomberg.md': ['Bloomberg', '2026-02-01'],
  'blog.md': ['Blog', null],
};
const articles = new Map(Object.entries(outlets).map(([id, [outlet, date]]) => [id, { id, outlet, date, title: id, url: null } as unknown as Article]));

const usd = (value: number, qualifier: 'exact' | 'about' | 'up_to' = 'exact') => ({ value, max: null, currency: 'USD', qualifier });
/** A Mistral round as one article reports it. */
const mistral = (article: string, overrides: Partial<Deal> = {}): Deal =>
  deal({ investorId: null, investorIds: [], investor: null, investors: [], targetId: 'mistral', target: 'Mistral AI', amount: usd(2e9), status: 'announced', date: outlets[article]![1], sources: [source(article)], ...overrides });

describe('sameStory', () => {
  it.each<[string, Deal, Deal]>([
    ['about $2B and $2.1B, both dated', mistral('reuters.md', { amount: usd(2e9, 'about') }), mistral('ft.md', { amount: usd(2.1e9) })],
    ['in talks, then completed, by the same investor', mistral('reuters.md', { investorIds: ['asml'], investor: 'ASML', status: 'talks' }), mistral('bloomberg.md', { investorIds: ['asml'], investor: 'ASML', status: 'completed' })],
    ['one names the investor, the other does not', mistral('reuters.md', { investorIds: ['asml'], investor: 'ASML' }), mistral('hb.md')],
    ['the same round, one without an amount', mistral('reuters.md', { round: 'Series C' }), mistral('hb.md', { round: 'Series-C-Runde', amount: null })],
  ])('joins: %s', (_what, a, b) => expect(sameStory(a, b)).toBe(true));

  it.each<[string, Deal, Deal]>([
    ['two deals one article tells apart', mistral('reuters.md', { amount: usd(6.2e9), status: 'completed' }), mistral('reuters.md', { amount: usd(6e9, 'up_to'), status: 'planned' })],
    ['amounts 30 % apart', mistral('reuters.md'), mistral('ft.md', { amount: usd(2.6e9) })],
    ['amounts apart with nothing else in common and no dates', mistral('blog.md', { date: null }), mistral('ft.md', { date: null, amount: usd(2.2e9) })],
    ['Series B and Series C', mistral('reuters.md', { round: 'Series B' }), mistral('ft.md', { round: 'Series C' })],
    ['three months apart', mistral('reuters.md', { date: '2025-10-01' }), mistral('ft.md')],
    ['other investors', mistral('reuters.md', { investorIds: ['asml'] }), mistral('ft.md', { investorIds: ['nvidia'] })],
    ['another currency', mistral('reuters.md'), mistral('ft.md', { amount: { ...usd(2e9), currency: 'EUR' } })],
    ['background and news', mistral('reuters.md', { status: 'historic' }), mistral('ft.md')],
    ['debt and equity', mistral('reuters.md', { kind: 'debt' }), mistral('ft.md', { kind: 'equity' })],
    ['a further amount and the round', mistral('reuters.md', { additional: true }), mistral('ft.md')],
    ['another target', mistral('reuters.md'), mistral('ft.md', { targetId: 'aleph-alpha', target: 'Aleph Alpha' })],
    ['no amount and nothing specific in common', mistral('reuters.md'), mistral('ft.md', { amount: null })],
  ])('keeps apart: %s', (_what, a, b) => expect(sameStory(a, b)).toBe(false));
});

describe('groupStories and storyItem', () => {
  it('one item for the story, first reporter first, the amounts and statuses it disagrees on, every article cited', () => {
    const stories = groupStories(
      [
        mistral('ft.md', { amount: usd(2.1e9), status: 'completed', sources: [source('ft.md'), source('bloomberg.md')] }),
        mistral('reuters.md', { amount: usd(2e9, 'about'), status: 'talks' }),
        mistral('hb.md', { targetId: 'aleph-alpha', target: 'Aleph Alpha' }),
      ],
      articles,
    );
    expect(stories).toHaveLength(2);
    const [story] = stories;
    expect(story!.deal.amount!.value).toBe(2.1e9); // most sources
    expect(story!.outlets).toEqual(['Reuters', 'FT', 'Bloomberg']);
    expect(story!.differences).toEqual([
      { aspect: 'amount', readings: [{ text: '$2.1B', outlets: ['FT', 'Bloomberg'] }, { text: 'about $2B', outlets: ['Reuters'] }] },
      { aspect: 'status', readings: [{ text: 'completed', outlets: ['FT', 'Bloomberg'] }, { text: 'talks', outlets: ['Reuters'] }] },
    ]);
    const item = storyItem(story!, articles);
    expect(item.text).toBe('investors not named → Mistral AI: $2.1B');
    expect(item.detail).toBe(
      'completed · 2026-01-12 · reported by Reuters, FT and 1 more · sources differ on the amount: $2.1B (FT, Bloomberg) vs. about $2B (Reuters) · sources differ on the status: completed (FT, Bloomberg) vs. talks (Reuters)',
    );
    expect(item.citations.map((c) => c.outlet)).toEqual(['FT', 'Bloomberg', 'Reuters']);
  });

  it('a deal one outlet reports is a story of one, with no "reported by"', () => {
    const [story] = groupStories([mistral('reuters.md')], articles);
    expect(story!.differences).toEqual([]);
    expect(storyItem(story!, articles).detail).toBe('announced · 2026-01-10');
  });

  it('a report that differs from the merged status keeps its own (the source status)', () => {
    const merged = mistral('reuters.md', { status: 'talks', sources: [{ ...source('reuters.md'), status: 'talks' }, { ...source('bloomberg.md'), status: 'completed' }] });
    const [story] = groupStories([merged], articles);
    expect(story!.differences).toEqual([{ aspect: 'status', readings: [{ text: 'talks', outlets: ['Reuters'] }, { text: 'completed', outlets: ['Bloomberg'] }] }]);
  });
});

describe('reportedBy', () => {
  it.each([
    [['Reuters'], 'reported by Reuters'],
    [['Reuters', 'FT'], 'reported by Reuters and FT'],
    [['Reuters', 'Handelsblatt', 'FT', 'Bloomberg', 'Blog'], 'reported by Reuters, Handelsblatt and 3 more'],
  ])('%j', (list, text) => expect(reportedBy(list)).toBe(text));
});
