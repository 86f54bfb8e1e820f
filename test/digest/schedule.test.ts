import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatInZone, nextRunAt, parseLocalTime, previousRunAt } from '../../src/digest/schedule.ts';
import { startBackgroundJobs } from '../../src/app/background.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import type { Answer } from '../../src/answer/model.ts';
import { captureLogs, corpusOf, tempDir } from './helpers.ts';

const EIGHT = { hour: 8, minute: 0 };
const BERLIN = 'Europe/Berlin';

afterEach(() => {
  vi.useRealTimers();
});

describe('parseLocalTime', () => {
  it('accepts 24-hour HH:MM and rejects the rest', () => {
    expect(parseLocalTime('08:00')).toEqual({ hour: 8, minute: 0 });
    expect(parseLocalTime('7:05')).toEqual({ hour: 7, minute: 5 });
    expect(parseLocalTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['25:99', '24:00', '08:60', '8', '08.00', 'eight']) expect(parseLocalTime(bad)).toBeNull();
  });
});

describe('nextRunAt / previousRunAt in Europe/Berlin', () => {
  it.each([
    ['before the March change (CET)', '2026-03-27T12:00:00Z', '2026-03-28T07:00:00.000Z'],
    ['across the March change (CEST from Sunday)', '2026-03-28T07:30:00Z', '2026-03-29T06:00:00.000Z'],
    ['on the night of the March change', '2026-03-29T01:30:00Z', '2026-03-29T06:00:00.000Z'],
    ['before the October change (CEST)', '2026-10-23T12:00:00Z', '2026-10-24T06:00:00.000Z'],
    ['across the October change (CET from Sunday)', '2026-10-24T06:30:00Z', '2026-10-25T07:00:00.000Z'],
    ['on the night of the October change', '2026-10-25T01:30:00Z', '2026-10-25T07:00:00.000Z'],
  ])('%s', (_label, now, expected) => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(now));
    const next = nextRunAt(EIGHT, BERLIN, new Date());
    expect(next.toISOString()).toBe(expected);
    expect(formatInZone(next, BERLIN)).toMatch(/, 08:00 \(Europe\/Berlin\)$/);
  });

  it('a send time exactly now is the previous run, the next one is tomorrow', () => {
    const at = new Date('2026-03-29T06:00:00Z');
    expect(previousRunAt(EIGHT, BERLIN, at).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(nextRunAt(EIGHT, BERLIN, at).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(previousRunAt(EIGHT, BERLIN, new Date('2026-03-29T05:59:00Z')).toISOString()).toBe('2026-03-28T07:00:00.000Z');
  });

  it('puts a time in the spring gap just after it, and sends a repeated autumn time once (first occurrence)', () => {
    const twoThirty = { hour: 2, minute: 30 };
    expect(nextRunAt(twoThirty, BERLIN, new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(nextRunAt(twoThirty, BERLIN, new Date('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    expect(nextRunAt(twoThirty, BERLIN, new Date('2026-10-25T00:30:00Z')).toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });

  it('works for zones west of UTC (New York, March change)', () => {
    expect(nextRunAt({ hour: 3, minute: 30 }, 'America/New_York', new Date('2026-03-07T12:00:00Z')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(nextRunAt(EIGHT, 'America/New_York', new Date('2026-03-07T12:00:00Z')).toISOString()).toBe('2026-03-07T13:00:00.000Z');
  });
});

describe('the digest ticker with fake timers', () => {
  async function postsBetween(start: string, days: number): Promise<string[]> {
    captureLogs();
    vi.useFakeTimers();
    vi.setSystemTime(new Date(start));
    const store = new FileStateStore(tempDir('state'));
    await store.putSubscription({
      channel: 'C1',
      time: '08:00',
      timeZone: BERLIN,
      quiet: false,
      active: true,
      disabledReason: null,
      activeSince: new Date(start).toISOString(),
    });
    const posted: string[] = [];
    const post = async (_channel: string, _answer: Answer) => {
      posted.push(new Date().toISOString());
    };
    const jobs = await startBackgroundJobs({
      config: { corpusDir: tempDir('corpus'), FEEDS: [], INGEST_INTERVAL_S: 3600, DIGEST_GRACE_HOURS: 6 },
      ctx: { corpus: corpusOf([]) },
      post,
      store,
      tickMs: 60_000,
    });
    await vi.advanceTimersByTimeAsync(days * 24 * 3_600_000);
    await jobs.stop();
    return posted;
  }

  it('posts at 08:00 local across the March change: 07:00Z, then 06:00Z', async () => {
    const posted = await postsBetween('2026-03-27T12:00:00Z', 3);
    expect(posted).toEqual(['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']);
  });

  it('posts at 08:00 local across the October change: 06:00Z, then 07:00Z', async () => {
    const posted = await postsBetween('2026-10-23T12:00:00Z', 3);
    expect(posted).toEqual(['2026-10-24T06:00:00.000Z', '2026-10-25T07:00:00.000Z', '2026-10-26T07:00:00.000Z']);
  });
});
