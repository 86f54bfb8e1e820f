/** /watch over the seed corpus: what a watch follows, read from words in both languages; list and off from the state. */
import { describe, expect, it } from 'vitest';
import { answer } from '../../commands/index.ts';
import { UsageError } from '../../commands/types.ts';
import { readWatch, watch } from '../../commands/watch.ts';
import { watchListJsonSchema, watchOnJsonSchema } from '../../src/answer/contracts.ts';
import { contextFor, seedContext, tempDir } from '../helpers/corpus.ts';
import { FileStateStore } from '../../src/state/file-store.ts';

const seeds = () => ({ ...seedContext(), store: new FileStateStore(tempDir('dealdesk-watch-')), channel: 'C1', user: 'U1' });

describe('readWatch', () => {
  it.each([
    ['anthropic', { entityName: 'Anthropic', kinds: [], minAmount: null, facts: 'all' }],
    ['deals over $1B', { entityName: null, kinds: [], minAmount: { value: 1e9, currency: 'USD' }, facts: 'deals' }],
    ['acquisitions', { entityName: null, kinds: ['acquisition'], minAmount: null, facts: 'deals' }],
    ['mistral ai over €100M', { entityName: 'Mistral AI', kinds: [], minAmount: { value: 100e6, currency: 'EUR' }, facts: 'deals' }],
    ['Übernahmen über 500 Mio. Euro', { entityName: null, kinds: ['acquisition'], minAmount: { value: 500e6, currency: 'EUR' }, facts: 'deals' }],
    ['openai funding rounds above 10 billion dollars', { entityName: 'OpenAI', kinds: ['equity'], minAmount: { value: 10e9, currency: 'USD' }, facts: 'deals' }],
  ])('%s', (text, filter) => expect(readWatch(text, seedContext())).toMatchObject(filter));

  it.each([
    ['acme gizmo', /I don't know a company called “acme gizmo”/],
    ['over a lot', /could not read “a lot” as an amount/],
    ['openai anthropic', /one company at a time/],
    ['deals', /Say what to watch/],
  ])('refuses %s with a clear message', (text, message) => expect(() => readWatch(text, seedContext())).toThrow(message));
});

describe('/watch', () => {
  it('parse: list, off N, or what to watch; bad numbers and empty input are usage errors', () => {
    expect(watch.parse(' list ')).toEqual({ action: 'list' });
    expect(watch.parse('off 3')).toEqual({ action: 'off', id: 3 });
    expect(watch.parse('anthropic')).toEqual({ action: 'on', text: 'anthropic' });
    for (const bad of ['', 'off', 'off two', 'off -1', 'x'.repeat(201)]) expect(() => watch.parse(bad), bad).toThrow(UsageError);
  });

  it('on, the same again, list and off: one watch per filter and channel, who set it up remembered', async () => {
    const ctx = seeds();
    const on = await answer('/watch anthropic', ctx);
    expect(on.title).toBe('Watching Anthropic: deals and figures in this channel (watch 1).');
    expect(on.changedState).toBe(true);
    expect(watchOnJsonSchema.parse(on.json).watch).toMatchObject({ id: 1, entity: 'Anthropic', facts: 'all', active: true, created_at: ctx.now.toISOString() });
    expect((await answer('/watch Anthropic', ctx)).title).toBe('Already watching Anthropic: deals and figures here (watch 1).');
    await answer('/watch deals over $1B', ctx);
    await answer('/watch acquisitions', { ...ctx, channel: 'C2' });
    expect((await ctx.store.listWatches()).map((w) => [w.id, w.channel, w.user])).toEqual([[1, 'C1', 'U1'], [2, 'C1', 'U1'], [3, 'C2', 'U1']]);
    const list = await answer('/watch list', ctx);
    expect(list.items.map((i) => i.text)).toEqual(['Watch 1: Anthropic: deals and figures', 'Watch 2: deals over $1B']);
    expect(watchListJsonSchema.parse(list.json).watches).toHaveLength(2);
    expect((await answer('/watch off 2', ctx)).title).toBe('Stopped watch 2 (deals over $1B).');
    expect((await answer('/watch off 3', ctx)).error, 'another channel’s watch').toMatch(/no watch 3 in this channel/);
    expect((await answer('/watch list', ctx)).items).toHaveLength(1);
  });

  it('in a fresh state: no watch, and how to set one up', async () => {
    const ctx = contextFor({ corpus: seedContext().corpus } as never, 'C9');
    const list = await answer('/watch list', ctx);
    expect(list.title).toBe('No watch in this channel.');
    expect(list.notes[0]).toMatch(/^Set one up with \/watch/);
  });
});
