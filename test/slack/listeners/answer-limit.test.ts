/** The answer limit: a window of answers in progress that narrows when answers are slow and widens when quick. */
import { describe, expect, it } from 'vitest';
import { AnswerLimit } from '../../../src/slack/listeners/answer-limit.ts';

/** A job that finishes when `finish()` is called. */
function job() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe('AnswerLimit', () => {
  it('refuses past `limit` answers in progress, and admits again once one is done', async () => {
    const limit = new AnswerLimit(2);
    const [a, b] = [job(), job()];
    const runs = [limit.run(a.work), limit.run(b.work)];
    expect(limit.full).toBe(true);
    expect(await limit.run(async () => 'x')).toEqual({ busy: true });
    a.finish();
    await runs[0];
    expect(limit.full).toBe(false);
    b.finish();
    await runs[1];
  });

  it('halves the window after a slow answer, widens it by one after each quick one, never past `limit`', async () => {
    let now = 0;
    const limit = new AnswerLimit(20, 1000, () => now);
    expect(limit.allowed).toBe(16);
    const slow = job();
    const run = limit.run(slow.work);
    now += 5000;
    slow.finish();
    await run;
    expect(limit.allowed).toBe(8);
    // Eight slow ones at once fill the window: a ninth question is refused.
    const held = Array.from({ length: 8 }, job);
    const runs = held.map((h) => limit.run(h.work));
    expect(await limit.run(async () => 'x')).toEqual({ busy: true });
    now += 1500;
    held.forEach((h) => h.finish());
    await Promise.all(runs);
    expect(limit.allowed).toBe(1);
    // Quick answers widen it again, up to `limit`.
    for (let i = 0; i < 30; i++) await limit.run(async () => 'quick');
    expect(limit.allowed).toBe(20);
  });

  it('without a latency bound the window is the limit', () => {
    expect(new AnswerLimit(200).allowed).toBe(200);
  });
});
