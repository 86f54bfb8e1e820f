/**
 * Corrections in answers: a fact the team marked wrong is struck out in /deal, /number and /check (and no
 * longer counts), left out of the digest; /corrections lists the log and undoes a mark by appending to it.
 */
import { describe, expect, it } from 'vitest';
import { answer } from '../../commands/index.ts';
import type { AnswerItem } from '../../src/answer/model.ts';
import type { CommandContext } from '../../src/context.ts';
import { collectDigest } from '../../src/digest/collect.ts';
import { digestAnswer } from '../../src/digest/compose.ts';
import { activeCorrections } from '../../src/state/feedback.ts';
import { correctionsIn } from '../../src/answer/corrections.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { seedContext, tempDir } from '../helpers/corpus.ts';

/** The seed corpus with a state store of its own. */
function context(user?: string): CommandContext {
  return { ...seedContext(), store: new FileStateStore(tempDir('dealdesk-corrections-')), ...(user ? { user } : {}) };
}

/** Marks the fact of `item` wrong, as 👎 "for everyone" does. */
async function markWrong(ctx: CommandContext, item: AnswerItem, by = 'U1') {
  const fact = { id: item.fact!.id, text: item.text, articles: item.fact!.articles, rule: item.fact!.rule };
  return ctx.store.appendCorrection({ fact, active: true, by, at: '2026-02-09T10:00:00.000Z', reason: 'roles_reversed', note: null });
}

describe('facts the team marked wrong', () => {
  it('/deal strikes the story out at its place, with the mark in the JSON; other rows stay as they are', async () => {
    const ctx = context();
    const before = await answer('/deal openai', ctx);
    await markWrong(ctx, before.items[1]!);
    const after = await answer('/deal openai', ctx);
    expect(after.items.map((i) => i.text)).toEqual(before.items.map((i) => i.text));
    expect(after.items[1]!.correction).toMatchObject({ by: 'U1', reason: 'roles reversed', number: 1 });
    expect(after.items.filter((i) => i.correction)).toHaveLength(1);
    const rows = (after.json as any).deals;
    expect(rows[1].correction).toEqual({ number: 1, by: 'U1', at: '2026-02-09T10:00:00.000Z', reason: 'roles_reversed', note: null });
    expect(rows[0].correction).toBeUndefined();
  });

  it('/number: a figure marked wrong is in no conflict any more', async () => {
    const ctx = context();
    const before = await answer('/number Amazon Investitionen 2026', ctx);
    expect((before.json as any).conflicts).toHaveLength(1);
    await markWrong(ctx, before.items[0]!);
    const after = await answer('/number Amazon Investitionen 2026', ctx);
    expect((after.json as any).conflicts).toEqual([]);
    expect(after.notes.some((n) => n.startsWith('Sources differ'))).toBe(false);
    expect(after.items[0]!.correction).toBeDefined();
    expect(after.items[1]!.detail).toBeUndefined();
  });

  it('/check: a source marked wrong does not count for the verdict, and is listed last, struck out', async () => {
    const ctx = context();
    const before = await answer('/check Amazon will invest $50bn in OpenAI', ctx);
    expect((before.json as any).verdict).toBe('partly_supported');
    await markWrong(ctx, before.items[0]!);
    const after = await answer('/check Amazon will invest $50bn in OpenAI', ctx);
    expect((after.json as any).verdict).toBe('not_found');
    expect(after.items.at(-1)!.correction).toBeDefined();
    expect((after.json as any).matches.at(-1).correction).toMatchObject({ number: 1 });
    expect(after.notes).toContain('Not counted: one source the team marked wrong (struck out).');
  });

  it('the digest leaves a story marked wrong out, and says how many it left out', async () => {
    const ctx = context();
    const arrivals = ctx.corpus.articles.map((a) => ({ article: a.id, url: a.url, textHash: null, source: 'folder', arrivedAt: '2026-02-10T08:00:00.000Z' }));
    const content = collectDigest(ctx.corpus, arrivals, new Date('2026-02-10T07:00:00Z'), ctx.now);
    const compose = async () => digestAnswer(ctx.corpus, content, { channel: 'C1', timeZone: 'Europe/Berlin', corrections: await correctionsIn(ctx.store) });
    const before = await compose();
    const deal = before.items.find((i) => i.text.startsWith('New deal'))!;
    await markWrong(ctx, deal);
    const after = await compose();
    expect(after.items.map((i) => i.text)).not.toContain(deal.text);
    expect(after.json.omitted.corrected).toBe(1);
    expect(after.notes).toContain('Left out: 1 fact the team marked wrong (/corrections lists them).');
  });

  it('/corrections lists the marks; undo appends an entry by who asked, and the fact is shown as before', async () => {
    const ctx = context('U2');
    const before = await answer('/deal openai', ctx);
    await markWrong(ctx, before.items[0]!);
    const listed = await answer('/corrections', ctx);
    expect(listed.title).toBe('Corrections: 1 fact marked wrong');
    expect(listed.items[0]!.detail).toContain('undo: /corrections undo 1');
    expect((listed.json as any).corrections[0]).toMatchObject({ number: 1, active: true, undone: null, fact_id: before.items[0]!.fact!.id });

    const undone = await answer('/corrections undo 1', ctx);
    expect(undone.changedState).toBe(true);
    expect((undone.json as any).corrections[0]).toMatchObject({ active: false, undone: { by: 'U2', at: ctx.now.toISOString() } });
    const log = await ctx.store.listCorrections();
    expect(log.map((e) => [e.number, e.active, e.by])).toEqual([[1, true, 'U1'], [2, false, 'U2']]);
    expect(activeCorrections(log).size).toBe(0);
    expect((await answer('/deal openai', ctx)).items[0]!.correction).toBeUndefined();
    expect((await answer('/corrections', ctx)).title).toBe('Corrections: 0 facts marked wrong, 1 undone');
  });

  it.each([
    ['/corrections undo 1', 'There is no correction #1.'],
    ['/corrections undo', 'Say /corrections to list them, or /corrections undo <number>, e.g. /corrections undo 3.'],
    ['/corrections delete 1', 'Say /corrections to list them, or /corrections undo <number>, e.g. /corrections undo 3.'],
  ])('%s is refused with usage: %s', async (line, error) => {
    expect((await answer(line, context())).error).toBe(error);
  });

  it('refuses to undo a mark twice, or one marked again since', async () => {
    const ctx = context();
    const item = (await answer('/deal openai', ctx)).items[0]!;
    await markWrong(ctx, item);
    await answer('/corrections undo 1', ctx);
    expect((await answer('/corrections undo 1', ctx)).error).toBe('#1 was undone already (#2).');
    expect((await answer('/corrections undo 2', ctx)).error).toBe('#2 is itself an undo.');
    await markWrong(ctx, item);
    expect((await answer('/corrections undo 1', ctx)).error).toBe('#1 was marked again since: undo #3 instead.');
    expect(await ctx.store.listCorrections()).toHaveLength(3);
  });
});
