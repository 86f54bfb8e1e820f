/**
 * The alert runner over a real file store and a small corpus whose facts the tests set: one alert per deal,
 * later reports in its thread, nothing for background or for what came before the watch, and restarts.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, PostAnswer } from '../../src/answer/model.ts';
import type { Article } from '../../src/corpus/types.ts';
import type { Deal, Figure } from '../../src/extract/types.ts';
import type { Corpus } from '../../src/search/corpus.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import type { WatchFilter } from '../../src/state/watches.ts';
import { AlertRunner } from '../../src/watch/alerts.ts';
import { article, captureLogs, corpusOf, setFacts, sourceIn, tempDir } from '../digest/helpers.ts';

const WATCHED_AT = '2026-02-06T08:00:00.000Z';
const reuters = article('reuters.md', { title: 'Mistral raises', outlet: 'Reuters', date: '2026-02-06', url: 'https://example.org/r' }, 'Mistral AI raised 1.7 billion euros led by ASML.');
const hb = article('hb.md', { title: 'Mistral sammelt ein', outlet: 'Handelsblatt', date: '2026-02-07' }, 'Mistral AI sammelt 1,8 Milliarden Euro ein, angeführt von ASML.');
const ft = article('ft.md', { title: 'ASML backs Mistral', outlet: 'FT', date: '2026-02-07' }, 'ASML put 1.7 billion euros into Mistral AI.');
const history = article('history.md', { title: 'Mistral history', outlet: 'Blog', date: '2026-02-07' }, 'In 2023 Mistral AI raised 105 million euros in its seed round.');
const before = article('before.md', { title: 'Earlier', outlet: 'Wire', date: '2026-02-01' }, 'Mistral AI raised 500 million euros from General Catalyst.');

function mistralDeal(a: Article, amount: string, value: number, overrides: Partial<Deal> = {}): Deal {
  return {
    investorId: 'asml', investorIds: ['asml'], investor: 'ASML', investors: ['ASML'], lead: ['ASML'], kind: 'equity', round: null,
    rule: { id: 'test', reason: 'a test deal' }, targetId: 'mistral-ai', target: 'Mistral AI',
    amount: { value, max: null, currency: 'EUR', qualifier: 'exact' }, additional: false, status: 'announced',
    date: a.date, dateFrom: 'article', sources: [sourceIn(a, amount)], ...overrides,
  };
}

const FILTER: WatchFilter = { entityId: 'mistral-ai', entityName: 'Mistral AI', kinds: [], minAmount: { value: 100e6, currency: 'EUR' }, facts: 'deals' };

interface Posted {
  channel: string;
  answer: Answer;
  threadTs?: string;
}

async function setup(facts: Deal[], figures: Figure[] = []) {
  captureLogs();
  const store = new FileStateStore(tempDir('watch'));
  const corpus: Corpus = setFacts(corpusOf([reuters, hb, ft, history, before]), facts, figures);
  const posted: Posted[] = [];
  const post: PostAnswer = async (channel, answer, { threadTs } = {}) => {
    posted.push({ channel, answer, ...(threadTs ? { threadTs } : {}) });
    return { ts: `1700000000.00${posted.length}` };
  };
  const watch = await store.addWatch({ channel: 'C1', user: 'U1', query: 'mistral ai over €100M', filter: FILTER, createdAt: WATCHED_AT, active: true, checkedUntil: WATCHED_AT });
  const arrive = (a: Article, at: string) => store.recordIngested([{ article: a.id, url: null, textHash: null, source: 'folder', arrivedAt: at }]);
  const runner = () => new AlertRunner({ store, corpus, post });
  return { store, corpus, posted, watch, arrive, runner };
}

describe('AlertRunner', () => {
  it('alerts once for a new deal, with its quote and link, then puts later reports of it in the thread, across restarts', async () => {
    const first = mistralDeal(reuters, '1.7 billion euros', 1.7e9);
    const { posted, arrive, runner, store, corpus } = await setup([first]);
    await arrive(before, '2026-02-06T07:00:00.000Z'); // before the watch: never alerted
    await arrive(reuters, '2026-02-06T09:00:00.000Z');
    expect(await runner().tick(new Date('2026-02-06T09:00:30Z'))).toEqual([{ watch: 1, channel: 'C1', alerts: 1, replies: 0 }]);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.answer.title).toBe('Watch 1 (Mistral AI: deals over €100M): new deal');
    expect(posted[0]!.answer.items[0]).toMatchObject({ text: 'Mistral AI: led by ASML · €1.7B', citations: [{ outlet: 'Reuters', url: 'https://example.org/r', quote: 'Mistral AI raised 1.7 billion euros led by ASML.' }] });
    expect((await store.listAlerts())[0]).toMatchObject({ watchId: 1, ts: '1700000000.001', articles: ['reuters.md'] });

    // The Handelsblatt's report merged into the same fact; the FT's is another report of the same story.
    first.sources.push(sourceIn(hb, '1,8 Milliarden Euro'));
    setFacts(corpus, [first, mistralDeal(ft, '1.7 billion euros', 1.71e9, { lead: [] })], []);
    await arrive(hb, '2026-02-07T10:00:00.000Z');
    await arrive(ft, '2026-02-07T10:05:00.000Z');
    // A new runner, as after a restart: what was alerted, and how far the watch was checked, are state.
    expect(await runner().tick(new Date('2026-02-07T10:06:00Z'))).toEqual([{ watch: 1, channel: 'C1', alerts: 0, replies: 2 }]);
    expect(posted.slice(1).map((p) => [p.answer.title, p.threadTs])).toEqual([
      ['Also reported by Handelsblatt', '1700000000.001'],
      ['Also reported by FT', '1700000000.001'],
    ]);
    expect(await runner().tick(new Date('2026-02-07T10:07:00Z'))).toEqual([]);
    expect(posted).toHaveLength(3);
  });

  it('alerts nobody for a deal told as background, one below the threshold, or one first reported before the watch', async () => {
    const old = mistralDeal(history, '105 million euros', 105e6, { status: 'historic', date: '2023' });
    const small = mistralDeal(hb, '1,8 Milliarden Euro', 50e6);
    const earlier = mistralDeal(before, '500 million euros', 500e6);
    earlier.sources.push(sourceIn(ft, '1.7 billion euros')); // reported again after the watch: an update, not news
    const { posted, arrive, runner } = await setup([old, small, earlier]);
    await arrive(before, '2026-02-01T10:00:00.000Z');
    for (const [a, at] of [[history, '2026-02-07T09:00:00.000Z'], [hb, '2026-02-07T09:01:00.000Z'], [ft, '2026-02-07T09:02:00.000Z']] as const) await arrive(a, at);
    expect(await runner().tick(new Date('2026-02-07T09:05:00Z'))).toEqual([{ watch: 1, channel: 'C1', alerts: 0, replies: 0 }]);
    expect(posted).toEqual([]);
  });

  it('a company watch alerts on its new valuation too; a stopped watch alerts nobody', async () => {
    const valuation: Figure = {
      entityId: 'mistral-ai', entity: 'Mistral AI', metric: 'valuation', period: null, subject: 'Mistral AI valuation', value: 11.7e9, max: null, unit: 'EUR',
      qualifier: 'exact', basis: null, conditional: false, rule: { id: 'test', reason: 'test' }, sources: [sourceIn(reuters, '1.7 billion euros')],
    };
    const { posted, arrive, runner, store, watch } = await setup([], [valuation]);
    await store.putWatch({ ...watch, filter: { ...FILTER, minAmount: null, facts: 'all' } });
    await store.addWatch({ ...watch, active: false });
    await arrive(reuters, '2026-02-06T09:00:00.000Z');
    expect(await runner().tick(new Date('2026-02-06T09:01:00Z'))).toEqual([{ watch: 1, channel: 'C1', alerts: 1, replies: 0 }]);
    expect(posted[0]!.answer.title).toBe('Watch 1 (Mistral AI: deals and figures): new figure');
    expect(posted[0]!.answer.items[0]!.text).toBe('Mistral AI valuation: €11.7B');
  });
});
