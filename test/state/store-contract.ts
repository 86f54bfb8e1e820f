/**
 * What every state store must do, whatever holds the state (JSON files, PostgreSQL): one suite, run against
 * each store by `store-contract.test.ts`. `open(place)` opens a store on a place (a folder, a database);
 * opening it again on the same place is a restart.
 */
import { describe, expect, it } from 'vitest';
import type { NewCorrection } from '../../src/state/feedback.ts';
import type { StateStore, Subscription } from '../../src/state/types.ts';
import type { Watch } from '../../src/state/watches.ts';

export interface StoreMaker<P> {
  /** A new, empty place. */
  place(): Promise<P>;
  open(place: P): StateStore;
  /** Releases what `open` holds (a connection pool). */
  close?(store: StateStore): Promise<void>;
}

export const subscription = (channel: string, time = '08:00'): Subscription => ({
  channel,
  time,
  timeZone: 'Europe/Berlin',
  quiet: false,
  active: true,
  disabledReason: null,
  disabledAt: null,
  activeSince: '2026-02-01T00:00:00.000Z',
});

const watch = (channel: string): Omit<Watch, 'id'> => ({
  channel,
  user: 'U1',
  query: 'anthropic',
  filter: { entityId: 'anthropic', entityName: 'Anthropic', kinds: [], minAmount: { value: 1e9, currency: 'USD' }, facts: 'deals' },
  createdAt: '2026-02-01T00:00:00.000Z',
  active: true,
  checkedUntil: '2026-02-01T00:00:00.000Z',
});

const mark = (id: string, active = true): NewCorrection => ({
  fact: { id, text: 'Amazon → OpenAI: up to $50B', articles: ['a.md'], rule: 'deal.noun' },
  active,
  by: 'U1',
  at: '2026-02-14T10:00:00.000Z',
  reason: active ? 'wrong_amount' : null,
  note: null,
});

export function describeStateStore<P>(name: string, maker: StoreMaker<P>): void {
  describe(`${name}: the state store contract`, () => {
    async function fresh() {
      const place = await maker.place();
      const opened: StateStore[] = [];
      const open = () => {
        const store = maker.open(place);
        opened.push(store);
        return store;
      };
      const closeAll = () => Promise.all(opened.map((s) => maker.close?.(s)));
      return { open, closeAll };
    }

    it('keeps subscriptions and digest logs, replaces them whole, and has them after a restart', async () => {
      const { open, closeAll } = await fresh();
      try {
        const store = open();
        await store.putSubscription(subscription('C1'));
        await store.putSubscription(subscription('C2'));
        await store.putSubscription({ ...subscription('C1', '07:30'), active: false, disabledReason: 'not_in_channel', disabledAt: '2026-02-03T00:00:00.000Z' });
        await store.putDigestLog('C1', { lastSlot: '2026-02-05T07:00:00.000Z', lastOutcome: 'sent', lastSentAt: '2026-02-05T07:00:01.000Z', coveredUntil: '2026-02-05T07:00:01.000Z', skippedSlots: ['2026-02-04T07:00:00.000Z'] });
        const restarted = open();
        expect(await restarted.getSubscription('C1')).toEqual({ ...subscription('C1', '07:30'), active: false, disabledReason: 'not_in_channel', disabledAt: '2026-02-03T00:00:00.000Z' });
        expect((await restarted.listSubscriptions()).map((s) => s.channel).sort()).toEqual(['C1', 'C2']);
        expect(await restarted.getSubscription('C9')).toBeNull();
        expect(await restarted.getDigestLog('C1')).toEqual({ lastSlot: '2026-02-05T07:00:00.000Z', lastOutcome: 'sent', lastSentAt: '2026-02-05T07:00:01.000Z', coveredUntil: '2026-02-05T07:00:01.000Z', skippedSlots: ['2026-02-04T07:00:00.000Z'] });
        expect(await restarted.getDigestLog('C9')).toEqual({ lastSlot: null, lastOutcome: null, lastSentAt: null, coveredUntil: null, skippedSlots: [] });
      } finally {
        await closeAll();
      }
    });

    it('swaps a digest log only from the state expected: of ten racing claims exactly one wins', async () => {
      const { open, closeAll } = await fresh();
      try {
        const empty = await open().getDigestLog('C1');
        const claims = Array.from({ length: 10 }, (_, i) => ({ ...empty, lastSlot: '2026-02-05T07:00:00.000Z', lastOutcome: 'sending' as const, claimedAt: '2026-02-05T07:00:05.000Z', claimedBy: `process-${i}` }));
        const won = await Promise.all(claims.map((claim) => open().swapDigestLog('C1', empty, claim)));
        expect(won.filter(Boolean)).toHaveLength(1);
        const winner = claims[won.indexOf(true)]!;
        expect(await open().getDigestLog('C1')).toEqual(winner);
        const sent = { lastSlot: winner.lastSlot, lastOutcome: 'sent' as const, lastSentAt: '2026-02-05T07:00:06.000Z', coveredUntil: '2026-02-05T07:00:06.000Z', skippedSlots: [] };
        expect(await open().swapDigestLog('C1', empty, sent), 'from a state that is gone').toBe(false);
        expect(await open().swapDigestLog('C1', winner, sent)).toBe(true);
        expect(await open().getDigestLog('C1')).toEqual(sent);
      } finally {
        await closeAll();
      }
    });

    it('records arrivals in order; an article recorded again keeps its first arrival', async () => {
      const { open, closeAll } = await fresh();
      try {
        const store = open();
        const arrival = (article: string, at: string) => ({ article, url: null, textHash: null, source: 'folder', arrivedAt: at });
        await store.recordIngested([arrival('b.md', '2026-02-02T00:00:00.000Z'), arrival('a.md', '2026-02-02T00:00:01.000Z')]);
        await store.recordIngested([arrival('a.md', '2026-02-09T00:00:00.000Z'), { ...arrival('c.md', '2026-02-03T00:00:00.000Z'), url: 'https://example.org/c', textHash: 'h' }]);
        await store.recordIngested([]);
        expect(await open().listIngested()).toEqual([
          arrival('b.md', '2026-02-02T00:00:00.000Z'),
          arrival('a.md', '2026-02-02T00:00:01.000Z'),
          { ...arrival('c.md', '2026-02-03T00:00:00.000Z'), url: 'https://example.org/c', textHash: 'h' },
        ]);
      } finally {
        await closeAll();
      }
    });

    it('numbers watches and alerts, replaces them by id, refuses an unknown id, and forgets alerts after 30 days', async () => {
      const { open, closeAll } = await fresh();
      try {
        const store = open();
        const first = await store.addWatch(watch('C1'));
        const second = await store.addWatch(watch('C2'));
        expect([first.id, second.id]).toEqual([1, 2]);
        await store.putWatch({ ...first, active: false, checkedUntil: '2026-02-06T00:00:00.000Z' });
        await expect(store.putWatch({ ...first, id: 99 })).rejects.toThrow(/99/);
        expect(await open().listWatches()).toEqual([{ ...first, active: false, checkedUntil: '2026-02-06T00:00:00.000Z' }, second]);

        const alert = { watchId: 1, channel: 'C1', ts: '1.2', kind: 'deal' as const, fact: { target: 'OpenAI', sources: [{ article: 'a.md' }] }, articles: ['a.md'] };
        const old = await store.addAlert({ ...alert, at: '2026-01-01T00:00:00.000Z' });
        const recent = await store.addAlert({ ...alert, at: '2026-01-20T00:00:00.000Z' });
        await store.putAlert({ ...recent, articles: ['a.md', 'b.md'] });
        expect(await store.listAlerts()).toEqual([old, { ...recent, articles: ['a.md', 'b.md'] }]);
        const later = await store.addAlert({ ...alert, at: '2026-02-15T00:00:00.000Z' });
        expect((await open().listAlerts()).map((a) => a.id)).toEqual([recent.id, later.id]);
      } finally {
        await closeAll();
      }
    });

    it('claims a watch’s check for one process at a time; a stale claim can be taken over; finishing moves the check on', async () => {
      const { open, closeAll } = await fresh();
      try {
        const w = await open().addWatch(watch('C1'));
        const claim = (by: string, at: string, staleBefore = '2026-02-06T00:00:00.000Z') => open().claimWatch(w.id, w.checkedUntil, by, at, staleBefore);
        expect(await claim('a', '2026-02-06T09:00:00.000Z')).toBe(true);
        expect(await claim('b', '2026-02-06T09:00:01.000Z'), 'a fresh claim is held').toBe(false);
        expect(await claim('b', '2026-02-06T09:20:00.000Z', '2026-02-06T09:10:00.000Z'), 'a stale claim is taken over').toBe(true);
        await open().finishWatchCheck(w.id, 'a', '2026-02-06T08:59:00.000Z'); // a's claim is gone: nothing happens
        expect((await open().listWatches())[0]).toMatchObject({ checkedUntil: w.checkedUntil, claimedBy: 'b' });
        await open().finishWatchCheck(w.id, 'b', '2026-02-06T09:19:00.000Z');
        const [done] = await open().listWatches();
        expect(done).toMatchObject({ checkedUntil: '2026-02-06T09:19:00.000Z', active: true });
        expect(done!.claimedBy ?? null).toBeNull();
        expect(await claim('c', '2026-02-06T09:30:00.000Z'), 'from a place the check has left').toBe(false);
      } finally {
        await closeAll();
      }
    });

    it('keeps feedback in order and numbers the correction log', async () => {
      const { open, closeAll } = await fresh();
      try {
        const store = open();
        const feedback = (id: string) => ({ id, at: '2026-02-14T10:00:00.000Z', user: 'U1', channel: 'C1', line: '/deal openai', verdict: 'helpful' as const, fact: null, reason: null, note: null, everyone: false });
        await store.recordFeedback(feedback('f1'));
        await store.recordFeedback(feedback('f2'));
        expect((await open().listFeedback()).map((f) => f.id)).toEqual(['f1', 'f2']);
        expect((await store.appendCorrection(mark('d1'))).number).toBe(1);
        expect((await store.appendCorrection(mark('d2'))).number).toBe(2);
        expect((await store.appendCorrection(mark('d1', false))).number).toBe(3);
        expect(await open().listCorrections()).toEqual([{ ...mark('d1'), number: 1 }, { ...mark('d2'), number: 2 }, { ...mark('d1', false), number: 3 }]);
      } finally {
        await closeAll();
      }
    });

    it('loses nothing when forty writers subscribe at once, each through its own store', async () => {
      const { open, closeAll } = await fresh();
      try {
        const channels = Array.from({ length: 40 }, (_, i) => `C${String(i).padStart(3, '0')}`);
        await Promise.all(channels.map((channel) => open().putSubscription(subscription(channel))));
        expect((await open().listSubscriptions()).map((s) => s.channel).sort()).toEqual(channels);
      } finally {
        await closeAll();
      }
    });
  });
}
