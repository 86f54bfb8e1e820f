/** FactStore: a company's deals and figures newest first, in order again after every change. */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.ts';
import { FactStore } from '../../src/extract/fact-store.ts';

const article = (name: string, date: string, text: string) => parseArticle({ name, raw: `---\nlang: en\ndate: ${date}\n---\n${text}\n` });

describe('FactStore newest first', () => {
  it('lists a company\'s deals newest first, and again after an article is added or removed', () => {
    const store = new FactStore();
    store.addArticle(article('a.md', '2025-03-01', 'Nvidia invested $2 billion in Mistral AI.'));
    store.addArticle(article('b.md', '2026-01-10', 'Microsoft invested $5 billion in Mistral AI.'));
    const amounts = () => store.dealsNewestFirst('mistral-ai').map((d) => d.amount?.value);
    expect(amounts()).toEqual([5e9, 2e9]);
    store.addArticle(article('c.md', '2026-02-10', 'Samsung invested $1 billion in Mistral AI.'));
    expect(amounts()).toEqual([1e9, 5e9, 2e9]);
    store.removeArticle('c.md');
    expect(amounts()).toEqual([5e9, 2e9]);
  });

  it('within a month, named investors first, then the bigger amount', () => {
    const store = new FactStore();
    store.addArticle(article('a.md', '2026-01-10', 'Mistral AI raised $9 billion.'));
    store.addArticle(article('b.md', '2026-01-12', 'Nvidia invested $1 billion in Mistral AI.'));
    store.addArticle(article('c.md', '2026-01-14', 'Microsoft invested $3 billion in Mistral AI.'));
    expect(store.dealsNewestFirst('mistral-ai').map((d) => d.amount?.value)).toEqual([3e9, 1e9, 9e9]);
  });

  it('lists figures newest first by period, else by the date of their article; per company and per metric', () => {
    const store = new FactStore();
    store.addArticle(article('a.md', '2024-05-01', 'Anthropic is valued at $18 billion.'));
    store.addArticle(article('b.md', '2025-09-02', 'Anthropic is valued at $183 billion.'));
    store.addArticle(article('c.md', '2025-01-01', 'Anthropic expects revenue of $26 billion in 2026.'));
    expect(store.figuresNewestFirst('anthropic').map((f) => f.value)).toEqual([26e9, 183e9, 18e9]);
    expect([...store.figuresOfMetricsNewestFirst(['valuation'])].map((f) => f.value)).toEqual([183e9, 18e9]);
    expect([...store.figuresOfMetricsNewestFirst([])].map((f) => f.value)).toEqual([26e9, 183e9, 18e9]);
  });

  it('lists figures by the year of their period or a year their sentences name, also one a later source adds', () => {
    const store = new FactStore();
    store.addArticle(article('a.md', '2024-05-01', 'Anthropic expects revenue of $26 billion in 2026.'));
    store.addArticle(article('b.md', '2025-09-02', 'Anthropic is valued at $183 billion.'));
    const of = (metrics: string[], year: string) => [...store.figuresOfMetricsNewestFirst(metrics, year)].map((f) => f.value);
    expect(of(['revenue'], '2026')).toEqual([26e9]);
    expect(of([], '2026')).toEqual([26e9]);
    expect(of(['valuation'], '2025')).toEqual([]);
    // The same valuation, reported again in a sentence that names 2025.
    store.addArticle(article('c.md', '2025-09-03', 'In September 2025 Anthropic was valued at $183 billion.'));
    expect(of(['valuation'], '2025')).toEqual([183e9]);
  });

  it('a snapshot\'s store is in the same order, with the articles\' dates', () => {
    const store = new FactStore();
    const articles = [article('a.md', '2024-05-01', 'Anthropic is valued at $18 billion.'), article('b.md', '2025-09-02', 'Anthropic is valued at $183 billion.')];
    for (const a of articles) store.addArticle(a);
    const loaded = FactStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())), undefined, articles);
    expect(loaded.figuresNewestFirst('anthropic').map((f) => f.value)).toEqual([183e9, 18e9]);
  });
});
