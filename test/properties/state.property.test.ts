/**
 * The state store under any interleaving of `/digest on`, `/digest off` and digest ticks loses nothing:
 * whatever order the asynchronous steps run in (fast-check's scheduler picks it), each channel ends with
 * what its last on/off wrote, and every tick's digest log is kept beside it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DigestRunner } from '../../src/digest/runner.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import type { Subscription } from '../../src/state/types.ts';
import { article, captureLogs, corpusOf, setFacts, tempDir } from '../digest/helpers.ts';

const CHANNELS = ['C1', 'C2', 'C3'];
const TIMES = ['07:00', '08:00', '09:30'];
const story = article('story.md', { title: 'OpenAI raises again', outlet: 'Reuters', date: '2026-02-04' }, 'OpenAI is raising a new round.');

type Step = { kind: 'on'; channel: string; time: string } | { kind: 'off'; channel: string } | { kind: 'tick'; hour: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('on' as const), channel: fc.constantFrom(...CHANNELS), time: fc.constantFrom(...TIMES) }),
  fc.record({ kind: fc.constant('off' as const), channel: fc.constantFrom(...CHANNELS) }),
  fc.record({ kind: fc.constant('tick' as const), hour: fc.integer({ min: 0, max: 47 }) }),
);

function subscription(channel: string, time: string, active: boolean): Subscription {
  return { channel, time, timeZone: 'Europe/Berlin', quiet: false, active, disabledReason: null, activeSince: '2026-02-04T00:00:00.000Z' };
}

describe('digest state under any interleaving', () => {
  it('keeps what the last on/off of each channel wrote, and the digest logs of every tick', async () => {
    captureLogs();
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(step, { minLength: 1, maxLength: 12 }), async (s, steps) => {
        const store = new FileStateStore(tempDir('state'));
        const corpus = setFacts(corpusOf([story]), [], []);
        await store.recordIngested([{ article: story.id, url: null, textHash: null, source: 'folder', arrivedAt: '2026-02-04T01:00:00.000Z' }]);
        const posted: string[] = [];
        const runner = new DigestRunner({ store, corpus, graceMs: 48 * 3_600_000, post: async (channel) => void posted.push(channel) });
        const last = new Map<string, Subscription>();
        const done = steps.map((st) =>
          s.schedule(Promise.resolve(st)).then(async () => {
            if (st.kind === 'tick') return void (await runner.tick(new Date(Date.parse('2026-02-05T00:00:00Z') + st.hour * 3_600_000)));
            const previous = (await store.getSubscription(st.channel)) ?? subscription(st.channel, '08:00', false);
            const next = st.kind === 'on' ? subscription(st.channel, st.time, true) : { ...previous, active: false };
            await store.putSubscription(next);
            last.set(st.channel, next);
          }),
        );
        await s.waitAll();
        await Promise.all(done);
        const stored = new Map((await new FileStateStore(store.dataDir).listSubscriptions()).map((sub) => [sub.channel, sub]));
        expect(stored).toEqual(last);
        // A channel that got a digest has its log: nothing a tick wrote was overwritten by a subscription change.
        for (const channel of new Set(posted)) expect((await store.getDigestLog(channel)).lastOutcome).toMatch(/sent|nothing_new|skipped/);
      }),
      { numRuns: 100 },
    );
  });
});
