/** The engine thread: answers, thread lines and digest posts cross threads as plain data; failures are contained. */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { totalmem } from 'node:os';
import { defaultEngineHeapMb, ENGINE_YOUNG_GENERATION_MB, EngineThread } from '../../src/app/engine-thread.ts';
import type { EngineConfig } from '../../src/app/engine-protocol.ts';
import type { Answer } from '../../src/answer/model.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { SEEDS_DIR, TEST_NOW, tempDir } from '../helpers/corpus.ts';

function config(overrides: Partial<EngineConfig> = {}): EngineConfig {
  const dir = tempDir('dealdesk-engine-');
  return {
    corpusDir: SEEDS_DIR, indexDir: dir, dataDir: dir, entitiesFile: null, DIGEST_TIME: '08:00', DIGEST_TZ: 'Europe/Berlin',
    FEEDS: [], INGEST_INTERVAL_S: 300, DIGEST_GRACE_HOURS: 6, ...overrides,
  };
}

describe('EngineThread over the seed corpus', () => {
  const engine = EngineThread.start({ config: config() }, { post: async () => {} });
  afterAll(async () => (await engine).stop());

  it('answers a command on the worker, as the same answer the commands give', async () => {
    const answer = await (await engine).answer('/deal anthropic', { channel: 'C1', now: TEST_NOW, surface: 'slack' });
    expect(answer.command).toBe('deal');
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.items[0]!.citations[0]!.quote.length).toBeGreaterThan(0);
  }, 60_000);

  it('runs with a heap of three quarters of the machine (Node would stop at about 4 GB) and a larger young generation', async () => {
    expect((await engine).heapLimits).toEqual({ oldMb: defaultEngineHeapMb(), youngMb: ENGINE_YOUNG_GENERATION_MB });
    expect(defaultEngineHeapMb()).toBe(Math.floor((totalmem() / 2 ** 20) * 0.75));
  }, 60_000);

  it('reads a follow-up in a thread with the corpus\'s names', async () => {
    const line = await (await engine).threadLine('and Nvidia?', [{ ts: '1', user: 'U1', text: '<@UBOT> /deal openai' }], 'UBOT');
    expect(line).toBe('/deal openai Nvidia');
  }, 60_000);

  it('a failing command fails the request, not the engine', async () => {
    const answer = await (await engine).answer('/foo', { channel: 'C1', now: TEST_NOW });
    expect(answer.error).toBeDefined();
    expect((await (await engine).answer('/help', { channel: 'C1', now: TEST_NOW })).command).toBe('help');
  }, 60_000);
});

describe('EngineThread background jobs', () => {
  it('posts a due digest through this thread; a Slack error code goes back, and the engine switches the digest off', async () => {
    const settings = config();
    const store = new FileStateStore(settings.dataDir);
    // Due an hour ago, within the grace period: sent when the jobs start.
    const due = new Date(Date.now() - 3_600_000);
    const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await store.putSubscription({ channel: 'COK', time, timeZone: 'UTC', quiet: false, active: true, disabledReason: null, activeSince: since });
    await store.putSubscription({ channel: 'CGONE', time, timeZone: 'UTC', quiet: false, active: true, disabledReason: null, activeSince: since });
    const posted: { channel: string; answer: Answer }[] = [];
    const engine = await EngineThread.start({ config: settings }, {
      post: async (channel, answer) => {
        if (channel === 'CGONE') throw Object.assign(new Error('An API error occurred: not_in_channel'), { data: { error: 'not_in_channel' } });
        posted.push({ channel, answer });
      },
    });
    try {
      engine.startJobs();
      await vi.waitFor(async () => expect((await store.getSubscription('CGONE'))?.disabledReason).toBe('not_in_channel'), { timeout: 30_000 });
      expect(posted.map((p) => p.channel)).toEqual(['COK']);
      expect(posted[0]!.answer.command).toBe('digest');
    } finally {
      await engine.stop();
    }
  }, 60_000);
});

describe('EngineThread failures', () => {
  it('a worker that dies fails the request in progress and is replaced; the next request is answered', async () => {
    const engine = await EngineThread.start({ config: config() }, {
      post: async () => {},
      workerModule: new URL('../fixtures/workers/crashing-engine-worker.ts', import.meta.url),
    });
    try {
      await expect(engine.answer('/news one', { channel: 'C1', now: TEST_NOW })).rejects.toThrow(/engine thread stopped \(exit 3\)/);
      expect((await engine.answer('/news two', { channel: 'C1', now: TEST_NOW })).title).toBe('/news two');
    } finally {
      await engine.stop();
    }
  }, 60_000);

  it('a corpus that cannot be loaded fails the start', async () => {
    await expect(EngineThread.start({ config: config(), snapshot: { file: '/nonexistent/snapshot.json', fingerprint: 'x' } }, { post: async () => {} })).rejects.toThrow(/before it was ready/);
  }, 60_000);
});
