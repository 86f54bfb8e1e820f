import { describe, expect, it } from 'vitest';
import { collectDigest } from '../../src/digest/collect.ts';
import { allotItems, digestAnswer, MAX_DIGEST_ITEMS } from '../../src/digest/compose.ts';
import type { Deal, Figure } from '../../src/extract/types.ts';
import type { IngestRecord } from '../../src/state/types.ts';
import { article, corpusOf, setFacts, sourceIn } from './helpers.ts';

const SINCE = new Date('2026-02-05T07:00:00Z');
const UNTIL = new Date('2026-02-06T07:00:00Z');
const frame = { channel: 'C1', timeZone: 'Europe/Berlin' };

const old = article('old.md', { title: 'Anthropic raises', outlet: 'Handelsblatt', date: '2026-02-01' }, 'Anthropic wird mit 350 Milliarden Dollar bewertet. Das ist ein Rekord.');
const fresh = article('fresh.md', { title: 'Anthropic valued higher', outlet: 'Reuters', date: '2026-02-05' }, 'Anthropic is valued at 380 billion dollars, people said. Microsoft invests 5 billion dollars.');

function arrived(id: string, at: string): IngestRecord {
  return { article: id, url: null, textHash: null, source: 'folder', arrivedAt: at };
}
const arrivals = [arrived('old.md', '2026-02-01T10:00:00Z'), arrived('fresh.md', '2026-02-05T18:00:00Z')];

function figure(a: typeof old, value: number, text: string): Figure {
  return { entityId: 'anthropic', entity: 'Anthropic', metric: 'valuation', period: null, subject: 'Anthropic valuation', value, max: null, unit: 'USD', qualifier: 'exact', basis: null, conditional: false, rule: { id: 'test', reason: 'a test figure' }, sources: [sourceIn(a, text)] };
}

function corpusWithFacts() {
  const corpus = setFacts(corpusOf([old, fresh]), [], []);
  const deal: Deal = {
    investorId: 'microsoft', investorIds: ['microsoft'], investor: 'Microsoft', investors: ['Microsoft'], lead: [], kind: 'equity', round: null,
    rule: { id: 'test', reason: 'a test deal' }, targetId: 'anthropic', target: 'Anthropic',
    amount: { value: 5e9, max: null, currency: 'USD', qualifier: 'exact' }, additional: false, status: 'announced',
    date: '2026-02-05', dateFrom: 'article',
    sources: [sourceIn(fresh, '5 billion dollars')],
  };
  return setFacts(corpus, [deal], [figure(old, 350e9, '350 Milliarden Dollar'), figure(fresh, 380e9, '380 billion dollars')]);
}

describe('collectDigest and digestAnswer', () => {
  it('shows a deal two new articles report as one story: who reported it, where they differ, both cited', () => {
    const second = article('second.md', { title: 'Microsoft backs Anthropic', outlet: 'FT', date: '2026-02-05' }, 'Microsoft puts 5.5 billion dollars into Anthropic, the FT learned.');
    const corpus = corpusWithFacts();
    const [deal] = corpus.facts.deals;
    const other: Deal = { ...deal!, amount: { value: 5.5e9, max: null, currency: 'USD', qualifier: 'exact' }, sources: [sourceIn(second, '5.5 billion dollars')] };
    const both = setFacts(corpusOf([old, fresh, second]), [deal!, other], []);
    const answer = digestAnswer(both, collectDigest(both, [...arrivals, arrived('second.md', '2026-02-05T19:00:00Z')], SINCE, UNTIL), frame);
    const deals = answer.items.filter((item) => item.text.startsWith('New deal'));
    expect(deals).toHaveLength(1);
    expect(deals[0]!.detail).toContain('reported by Reuters and FT');
    expect(deals[0]!.detail).toContain('sources differ on the amount: $5B (Reuters) vs. $5.5B (FT)');
    expect(deals[0]!.citations.map((c) => c.outlet)).toEqual(['Reuters', 'FT']);
    expect(answer.json.deals[0]).toMatchObject({ reported_by: ['Reuters', 'FT'], differences: [{ aspect: 'amount' }] });
  });

  it('uses the conflict rule of /number: values within rounding are no conflict', () => {
    const corpus = setFacts(corpusOf([old, fresh]), [], [figure(old, 350e9, '350 Milliarden Dollar'), figure(fresh, 351e9, '380 billion dollars')]);
    expect(collectDigest(corpus, arrivals, SINCE, UNTIL).conflicts).toEqual([]);
  });

  it('lists a new article with title, outlet and date, and leaves older ones out', () => {
    const corpus = setFacts(corpusOf([old, fresh]), [], []);
    const answer = digestAnswer(corpus, collectDigest(corpus, arrivals, SINCE, UNTIL), frame);
    expect(answer.items).toHaveLength(1);
    expect(answer.items[0]).toMatchObject({ text: 'New article: Anthropic valued higher', detail: 'Reuters · 2026-02-05' });
    expect(answer.items[0]!.citations[0]).toMatchObject({ article: 'fresh.md', outlet: 'Reuters', quote: 'Anthropic is valued at 380 billion dollars, people said.' });
    expect(answer.title).toBe('Digest: 1 new article since Thu, 5 Feb 2026, 08:00 (Europe/Berlin)');
    expect(answer.json).toMatchObject({ command: 'digest', channel: 'C1', since: SINCE.toISOString(), articles: [{ article: 'fresh.md', outlet: 'Reuters', date: '2026-02-05' }] });
  });

  it('reports new deals and figures with cited sources, and a conflict between sources', () => {
    const corpus = corpusWithFacts();
    const answer = digestAnswer(corpus, collectDigest(corpus, arrivals, SINCE, UNTIL), frame);
    const texts = answer.items.map((item) => item.text);
    // The same lines as /deal and /number print.
    expect(texts).toContain('New deal: Microsoft → Anthropic: $5B');
    expect(texts).toContain('New figure: Anthropic valuation: $380B');
    expect(texts).toContain('Sources differ on Anthropic valuation: $350B (Handelsblatt) vs. $380B (Reuters)');
    const deal = answer.items.find((item) => item.text.startsWith('New deal'))!;
    expect(deal.citations[0]).toMatchObject({ article: 'fresh.md', quote: 'Microsoft invests 5 billion dollars.', highlights: [[18, 35]] });
    const conflict = answer.items.find((item) => item.text.startsWith('Sources differ'))!;
    expect(conflict.citations.map((c) => c.article)).toEqual(['old.md', 'fresh.md']);
    expect(answer.json.conflicts).toEqual([
      expect.objectContaining({ subject: 'Anthropic valuation', values: [expect.objectContaining({ value: 350e9 }), expect.objectContaining({ value: 380e9 })] }),
    ]);
  });

  it('calls a known fact with a new source an update', () => {
    const corpus = corpusWithFacts();
    corpus.facts.figures[1]!.sources.push(sourceIn(old, '350 Milliarden Dollar'));
    const content = collectDigest(corpus, arrivals, SINCE, UNTIL);
    expect(content.figures.find((f) => f.fact.value === 380e9)?.change).toBe('updated');
  });

  it('is one line when nothing is new', () => {
    const corpus = corpusWithFacts();
    const answer = digestAnswer(corpus, collectDigest(corpus, arrivals, new Date('2026-02-06T00:00:00Z'), UNTIL), frame);
    expect(answer.title).toBe('Nothing new since Fri, 6 Feb 2026, 01:00 (Europe/Berlin).');
    expect(answer.items).toEqual([]);
    expect(answer.notes).toEqual([]);
  });

  it(`shows at most ${MAX_DIGEST_ITEMS} items and counts what it left out`, () => {
    const many = Array.from({ length: 15 }, (_, i) => article(`n${i}.md`, { title: `Story ${i}` }, `Story number ${i} is about money.`));
    const corpus = setFacts(corpusOf(many), [], []);
    const records = many.map((a, i) => arrived(a.id, `2026-02-05T1${i % 10}:00:00Z`));
    const answer = digestAnswer(corpus, collectDigest(corpus, records, SINCE, UNTIL), frame);
    expect(answer.items).toHaveLength(MAX_DIGEST_ITEMS);
    expect(answer.notes[0]).toBe('Left out to keep this short: 5 more articles. /news finds them.');
    expect(answer.json.omitted).toEqual({ articles: 5, deals: 0, figures: 0, conflicts: 0, corrected: 0 });
  });

  it('mentions digests skipped while the bot was down', () => {
    const corpus = corpusOf([old, fresh]);
    const answer = digestAnswer(corpus, collectDigest(corpus, arrivals, SINCE, UNTIL), { ...frame, skippedSlots: ['2026-02-05T07:00:00.000Z'] });
    expect(answer.notes).toContain('Not sent while the bot was down: the digest due Thu, 5 Feb 2026, 08:00 (Europe/Berlin). This one covers everything since then.');
  });
});

describe('allotItems', () => {
  it('gives articles, deals, conflicts and figures their first shares (4, 3, 2, 1), then the rest in the same order', () => {
    expect(allotItems([15, 0, 0, 0], 10)).toEqual([10, 0, 0, 0]);
    expect(allotItems([15, 8, 1, 0], 10)).toEqual([6, 3, 1, 0]);
    expect(allotItems([2, 1, 1, 30], 10)).toEqual([2, 1, 1, 6]);
    expect(allotItems([2, 12, 3, 30], 10)).toEqual([2, 5, 2, 1]);
  });
});

describe('what leads and what is left out', () => {
  const story = (i: number) => article(`s${i}.md`, { title: `Story ${i}`, outlet: 'Reuters', date: '2026-02-05' }, `Startup ${i} raised ${i + 1} million dollars. It has 100 researchers.`);
  const stories = Array.from({ length: 8 }, (_, i) => story(i));
  const deal = (a: ReturnType<typeof story>, i: number, overrides: Partial<Deal> = {}): Deal => ({
    investorId: null, investorIds: [], investor: null, investors: [], lead: [], kind: 'equity', round: null,
    rule: { id: 'test', reason: 'a test deal' }, targetId: null, target: `Startup ${i}`,
    amount: { value: (i + 1) * 1e6, max: null, currency: 'USD', qualifier: 'exact' }, additional: false, status: 'completed',
    date: '2026-02-05', dateFrom: 'article', sources: [sourceIn(a, `${i + 1} million dollars`)], ...overrides,
  });
  const count = (a: ReturnType<typeof story>): Figure => ({ ...figure(a, 100, '100 researchers'), metric: 'count', subject: 'researchers', unit: 'researchers' });

  it('new arrivals lead, then the biggest deals; the smallest deals and the figures are what is left out', () => {
    const corpus = setFacts(corpusOf(stories), stories.map((a, i) => deal(a, i)), stories.map(count));
    const records = stories.map((a, i) => arrived(a.id, `2026-02-05T1${i}:00:00Z`));
    const answer = digestAnswer(corpus, collectDigest(corpus, records, SINCE, UNTIL), frame);
    const texts = answer.items.map((i) => i.text);
    expect(texts.slice(0, 6).every((t) => t.startsWith('New article: '))).toBe(true);
    expect(texts.slice(6, 9)).toEqual(['New deal: investors not named → Startup 7: $8M', 'New deal: investors not named → Startup 6: $7M', 'New deal: investors not named → Startup 5: $6M']);
    expect(texts[9]).toMatch(/^New figure: /);
    expect(answer.json.omitted).toEqual({ articles: 2, deals: 5, figures: 7, conflicts: 0, corrected: 0 });
  });

  it('an old deal in a new article is never news: historic, or dated long before', () => {
    const [a, b, c] = stories;
    const corpus = setFacts(corpusOf([a!, b!, c!]), [deal(a!, 0, { status: 'historic' }), deal(b!, 1, { date: '2017', status: 'completed' }), deal(c!, 2)], []);
    const records = [a!, b!, c!].map((x, i) => arrived(x.id, `2026-02-05T1${i}:00:00Z`));
    const answer = digestAnswer(corpus, collectDigest(corpus, records, SINCE, UNTIL), frame);
    expect(answer.items.filter((i) => i.text.startsWith('New deal')).map((i) => i.text)).toEqual(['New deal: investors not named → Startup 2: $3M']);
    expect(answer.json.omitted.deals).toBe(0);
  });
});

describe('coverableUntil', () => {
  it('ends the window just before an arrival another process recorded and this one has not read yet', async () => {
    const { coverableUntil } = await import('../../src/digest/collect.ts');
    const corpus = corpusOf([old, fresh]);
    const records = [arrived('old.md', '2026-02-05T08:00:00.000Z'), arrived('elsewhere.md', '2026-02-05T09:00:00.000Z'), arrived('fresh.md', '2026-02-05T10:00:00.000Z')];
    expect(coverableUntil(corpus, records, SINCE, UNTIL).toISOString()).toBe('2026-02-05T08:59:59.999Z');
    expect(coverableUntil(corpus, records.filter((r) => r.article !== 'elsewhere.md'), SINCE, UNTIL)).toEqual(UNTIL);
  });
});
