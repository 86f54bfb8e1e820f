import { describe, expect, it } from 'vitest';
import { digest } from '../../commands/digest.ts';
import { runCommand } from '../../commands/index.ts';
import { UsageError } from '../../commands/types.ts';
import type { CommandContext } from '../../src/context.ts';
import { DIGEST_DEFAULTS } from '../../src/config.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { renderBlocks } from '../../src/answer/blocks.ts';
import { article, corpusOf, tempDir } from './helpers.ts';

const NOW = new Date('2026-03-28T10:00:00Z');
const story = article('story.md', { title: 'Mistral raises', outlet: 'Reuters', date: '2026-03-28' }, 'Mistral is raising a new round, people familiar said.');

/** A command context with its own file store, as `ask` in a new process would open it. */
function contextOn(dataDir: string, now = NOW): CommandContext {
  return { corpus: corpusOf([story]), now, channel: 'console', store: new FileStateStore(dataDir), digestDefaults: DIGEST_DEFAULTS };
}

describe('/digest parsing', () => {
  it('reads time, zone and quiet in any order, canonicalising the zone', () => {
    expect(digest.parse('on 7:30 europe/berlin quiet')).toEqual({ action: 'on', time: '07:30', timeZone: 'Europe/Berlin', quiet: true });
    expect(digest.parse('on quiet America/New_York')).toEqual({ action: 'on', timeZone: 'America/New_York', quiet: true });
    expect(digest.parse('on')).toEqual({ action: 'on', quiet: false });
    expect(digest.parse('')).toEqual({ action: 'status' });
    expect(digest.parse('NOW')).toEqual({ action: 'now' });
  });

  it.each([
    ['on 25:99 Mars/Olympus', '“25:99” is not a time of day: use HH:MM on the 24-hour clock, e.g. 08:00 or 17:30.'],
    ['on 08:00 Mars/Olympus', '“Mars/Olympus” is not a time zone: use an IANA name such as Europe/Berlin, Europe/London or America/New_York.'],
    ['on 08:00 09:00', 'Give one time only, not “08:00” and “09:00”.'],
    ['off now', '/digest off takes no arguments (got “now”).'],
    ['weekly', 'Unknown action “weekly”: use on, off, status or now.'],
  ])('rejects %s with a clear message', (text, message) => {
    expect(() => digest.parse(text)).toThrow(UsageError);
    expect(() => digest.parse(text)).toThrow(message);
  });

  it('answers bad input with usage, not an exception', async () => {
    const answer = await runCommand(digest, 'on 25:99 Mars/Olympus', contextOn(tempDir('state')));
    expect(answer.error).toContain('“25:99” is not a time of day');
    expect(answer.notes[0]).toContain('Usage: /digest on [HH:MM] [Area/City] [quiet]');
  });
});

describe('/digest on, status, now, off', () => {
  it('subscribes, and a new process sees the subscription, next run in the channel zone and what it will cover', async () => {
    const dir = tempDir('state');
    const on = await runCommand(digest, 'on 08:00 Europe/Berlin', contextOn(dir));
    expect(on.title).toBe('Daily digest on for console: 08:00 Europe/Berlin');
    expect(on.json).toMatchObject({ action: 'on', nextRun: '2026-03-29T06:00:00.000Z' });

    const later = contextOn(dir, new Date('2026-03-28T12:00:00Z'));
    await later.store.recordIngested([{ article: 'story.md', url: null, textHash: null, source: 'folder', arrivedAt: '2026-03-28T11:00:00.000Z' }]);
    const status = await runCommand(digest, 'status', later);
    expect(status.title).toBe('Daily digest for console: on, 08:00 Europe/Berlin');
    expect(status.notes).toEqual([
      'Next digest: Sun, 29 Mar 2026, 08:00 (Europe/Berlin).',
      'Last digest: none yet.',
      'It will cover what arrived since Fri, 27 Mar 2026, 11:00 (Europe/Berlin): so far 1 article, 0 deals, 0 figures, 0 conflicts.',
    ]);
    expect(status.json).toMatchObject({ subscription: { time: '08:00', timeZone: 'Europe/Berlin', active: true }, covers: { articles: 1 } });

    const now = await runCommand(digest, 'now', later);
    expect(now.json).toMatchObject({
      command: 'digest',
      action: 'now',
      preview: true,
      subscribed: true,
      channel: 'console',
      since: '2026-03-27T10:00:00.000Z',
      articles: [{ article: 'story.md', title: 'Mistral raises', outlet: 'Reuters' }],
    });
    expect(now.json).toHaveProperty('deals');
    expect(now.json).toHaveProperty('figures');
    expect(now.json).toHaveProperty('conflicts');
    expect(now.items[0]!.citations[0]).toMatchObject({ article: 'story.md', quote: 'Mistral is raising a new round, people familiar said.' });

    const off = await runCommand(digest, 'off', later);
    expect(off.title).toBe('Daily digest off for console.');
    expect((await runCommand(digest, 'status', contextOn(dir))).title).toBe('Daily digest for console: off, 08:00 Europe/Berlin');
  });

  it('previews the last day for a channel without a subscription, and says how to subscribe', async () => {
    const dir = tempDir('state');
    await new FileStateStore(dir).recordIngested([{ article: 'story.md', url: null, textHash: null, source: 'corpus', arrivedAt: '2026-03-20T10:00:00Z' }]);
    const answer = await runCommand(digest, 'now', contextOn(dir));
    expect(answer.title).toMatch(/^Nothing new since /);
    expect(answer.json).toMatchObject({ subscribed: false, since: '2026-03-27T10:00:00.000Z' });
    expect(answer.notes.at(-1)).toContain('/digest on');
  });

  it('on a fresh install (nothing has arrived yet) previews the newest articles, not an empty brief', async () => {
    const answer = await runCommand(digest, 'now', contextOn(tempDir('state')));
    expect(answer.title).toBe('The latest: 1 article (nothing has arrived yet)');
    expect(answer.items[0]!.text).toBe('New article: Mistral raises');
    expect(answer.notes.join(' ')).toContain('No article has arrived since Dealdesk started');
  });

  it('shows when and why the bot switched a subscription off, and when a user did', async () => {
    const dir = tempDir('state');
    await runCommand(digest, 'on', contextOn(dir));
    const store = new FileStateStore(dir);
    const sub = (await store.getSubscription('console'))!;
    expect(sub).toMatchObject({ time: '08:00', timeZone: 'Europe/Berlin' });
    await store.putSubscription({ ...sub, active: false, disabledReason: 'not_in_channel', disabledAt: '2026-03-27T07:00:00Z' });
    const status = await runCommand(digest, 'status', contextOn(dir));
    expect(status.notes[0]).toBe('Switched off by the bot on Fri, 27 Mar 2026, 08:00 (Europe/Berlin): Slack said not_in_channel — the bot is not a member of this channel. Invite the bot (/invite @Dealdesk), then /digest on.');
    await runCommand(digest, 'on', contextOn(dir));
    await runCommand(digest, 'off', contextOn(dir));
    expect((await runCommand(digest, 'status', contextOn(dir))).notes[0]).toBe('Switched off with /digest off on Sat, 28 Mar 2026, 11:00 (Europe/Berlin).');
  });

  it('in Slack, confirmations say "this channel", carry the channel for a link and say the bot must be invited', async () => {
    const ctx = { ...contextOn(tempDir('state')), channel: 'C0123ABC', surface: 'slack' as const };
    const on = await runCommand(digest, 'on 08:00 Europe/Berlin', ctx);
    expect(on.title).toBe('Daily digest on for this channel: 08:00 Europe/Berlin');
    expect(on.channel).toBe('C0123ABC');
    expect(on.notes.join(' ')).toContain('invite it (/invite @Dealdesk)');
    const blocks = JSON.stringify(renderBlocks(on).blocks);
    expect(blocks).toContain('Channel: <#C0123ABC>');
    expect(blocks).not.toContain('for C0123ABC');
  });

});
