import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../../src/slack/listeners/dedupe.ts';

describe('RecentIds', () => {
  it('says true once per id and forgets the oldest beyond its capacity', () => {
    const seen = new RecentIds(2);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('a')).toBe(false);
    expect(seen.firstTime('b')).toBe(true);
    expect(seen.firstTime('c')).toBe(true); // forgets a
    expect(seen.firstTime('b')).toBe(false);
    expect(seen.firstTime('a')).toBe(true);
  });
});
