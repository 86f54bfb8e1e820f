import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../../src/slack/listeners/dedupe.ts';

describe('RecentIds', () => {
  it('says true once per id and forgets the oldest beyond its capacity', async () => {
    const seen = new RecentIds(2);
    expect(await seen.firstTime('a')).toBe(true);
    expect(await seen.firstTime('a')).toBe(false);
    expect(await seen.firstTime('b')).toBe(true);
    expect(await seen.firstTime('c')).toBe(true); // forgets a
    expect(await seen.firstTime('b')).toBe(false);
    expect(await seen.firstTime('a')).toBe(true);
  });

  it('forgets an id after its time', async () => {
    let now = 0;
    const seen = new RecentIds(10, 1000, () => now);
    expect(await seen.firstTime('a')).toBe(true);
    now = 999;
    expect(await seen.firstTime('a')).toBe(false);
    now = 2001;
    expect(await seen.firstTime('a')).toBe(true);
  });
});

describe('failOpen', () => {
  it('counts a key it cannot check as new, and passes the others through', async () => {
    const { failOpen } = await import('../../../src/slack/listeners/dedupe.ts');
    const broken = failOpen({ firstTime: async () => { throw new Error('the database is unreachable'); } });
    expect(await broken.firstTime('a')).toBe(true);
    const memory = failOpen(new RecentIds(10));
    expect([await memory.firstTime('a'), await memory.firstTime('a')]).toEqual([true, false]);
  });
});
