/** The App Home sections over the seed corpus and a real file store: the user's watches, the digests, the week's deals. */
import { describe, expect, it } from 'vitest';
import { homeSections } from '../../src/app/home.ts';
import { renderBlocks } from '../../src/answer/blocks.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { seedContext, tempDir } from '../helpers/corpus.ts';
import { blockText } from '../slack/fixtures.ts';

describe('homeSections', () => {
  it('shows the user’s own watches with their channels, every digest, and the week’s biggest deals, cited', async () => {
    const seeds = seedContext();
    const store = new FileStateStore(tempDir('dealdesk-home-'));
    const ctx = { ...seeds, store };
    const watch = { query: 'anthropic', createdAt: '2026-02-01T00:00:00.000Z', active: true, checkedUntil: '2026-02-01T00:00:00.000Z' };
    await store.addWatch({ ...watch, channel: 'C111', user: 'U1', filter: { entityId: 'anthropic', entityName: 'Anthropic', kinds: [], minAmount: null, facts: 'all' } });
    await store.addWatch({ ...watch, channel: 'C222', user: 'U2', filter: { entityId: null, entityName: null, kinds: ['acquisition'], minAmount: null, facts: 'deals' } });
    await store.putSubscription({ channel: 'C333', time: '08:00', timeZone: 'Europe/Berlin', quiet: false, active: true, disabledReason: null, activeSince: '2026-02-01T00:00:00.000Z' });
    const yesterday = new Date(ctx.now.getTime() - 86_400_000).toISOString();
    await store.recordIngested(ctx.corpus.articles.map((a) => ({ article: a.id, url: a.url, textHash: null, source: 'folder', arrivedAt: yesterday })));

    const sections = await homeSections(ctx, 'U1');
    expect(sections.map((s) => s.title)).toEqual(['Your watches: 1', 'Daily digests: 1 channel', "This week's biggest deals", 'Dealdesk: who invests how much in whom in AI']);
    const text = blockText(sections.flatMap((s) => renderBlocks(s).blocks));
    expect(text).toContain('Watch 1: Anthropic: deals and figures');
    expect(text).toContain('<#C111>');
    expect(text).not.toContain('acquisitions'); // U2's watch
    expect(text).toContain('*Daily at 08:00 (Europe/Berlin)*\n<#C333>');
    const week = sections[2]!;
    expect(week.items.length).toBeGreaterThan(0);
    expect(week.items.map((i) => i.text)).toContain('Amazon → OpenAI: up to $50B');
    expect(week.items.length).toBeLessThanOrEqual(5);
    for (const item of week.items) expect(item.citations.length).toBeGreaterThan(0);
    expect(week.notes.join(' ')).toMatch(/Try: \/deal /);
  });

  it('a user with no watch, no digest and a quiet week is told how to start', async () => {
    const ctx = { ...seedContext(), store: new FileStateStore(tempDir('dealdesk-home-')) };
    const [watches, digests, week] = await homeSections(ctx, 'U9');
    expect(watches!.notes[0]).toMatch(/^None yet\. In a channel: \/watch anthropic/);
    expect(digests!.notes[0]).toMatch(/^No channel gets a digest yet/);
    expect(week!.notes[0]).toBe('No new deal reported in the last seven days.');
  });
});
