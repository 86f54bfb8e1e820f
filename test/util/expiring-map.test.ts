import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '../../src/util/expiring-map.ts';

describe('ExpiringMap', () => {
  it('forgets an entry once its time is up', () => {
    let now = 0;
    const map = new ExpiringMap<string, number>(1000, 10, () => now);
    map.set('a', 1);
    now = 999;
    expect(map.get('a')).toBe(1);
    now = 1000;
    expect(map.get('a')).toBeUndefined();
    expect(map.has('a')).toBe(false);
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const map = new ExpiringMap<string, number>(Infinity, 2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect([map.has('a'), map.get('b'), map.get('c')]).toEqual([false, 2, 3]);
  });
});
