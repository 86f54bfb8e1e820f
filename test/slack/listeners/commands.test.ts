import { inProcess } from '../../../src/app/answerer.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '@slack/bolt';
import { commands, dealdeskLine } from '../../../commands/index.ts';
import { SHARE_ACTION_ID } from '../../../src/answer/blocks.ts';
import { commandListener, registerCommands } from '../../../src/slack/listeners/commands.ts';
import { AnswerLimit, BUSY_TEXT } from '../../../src/slack/listeners/answer-limit.ts';
import { blockText, captureLog, seedContext } from '../fixtures.ts';

/** A slash command payload as Bolt hands it to a listener. */
const slash = (command: string, text: string) =>
  ({ command, text, channel_id: 'C9', user_id: 'U1', response_url: 'http://127.0.0.1:9/response', trigger_id: 't' }) as any;

function fakeArgs(command: string, text: string) {
  const order: string[] = [];
  const ack = vi.fn(async (_response?: unknown) => void order.push('ack'));
  const respond = vi.fn(async (_message: any) => void order.push('respond'));
  return { args: { command: slash(command, text), ack, respond } as any, ack, respond, order };
}

const newsLine = (text: string) => `/news ${text}`;

afterEach(() => vi.restoreAllMocks());

describe('slash command listener', () => {
  it('acks first, then responds ephemerally with the Block Kit answer and a share button', async () => {
    const { args, respond, order } = fakeArgs('/news', 'Indiana');
    await commandListener(inProcess(seedContext()), newsLine)(args);
    expect(order).toEqual(['ack', 'respond']);
    const message = respond.mock.calls[0]![0];
    expect(message.response_type).toBe('ephemeral');
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'News for “Indiana”' } });
    expect(blockText(message.blocks)).toContain('Amazon in *Indiana* ein 11-Milliarden-Dollar-Rechenzentrumscampus');
    expect(blockText(message.blocks)).toContain('— wallstreet-online · 2026-01-30 · ');
    const button = message.blocks.at(-1).elements[0];
    expect(button.action_id).toBe(SHARE_ACTION_ID);
    expect(JSON.parse(button.value)).toEqual({ line: '/news Indiana', id: expect.any(String) });
  });

  it('gives an answer that changed the channel’s subscription no share button', async () => {
    const { args, respond } = fakeArgs('/digest', 'on 09:00');
    await commandListener(inProcess(seedContext()), (text) => `/digest ${text}`)(args);
    const message = respond.mock.calls[0]![0];
    expect(message.blocks[0].text.text).toMatch(/^Daily digest on for /);
    expect(message.blocks.some((b: any) => b.type === 'actions')).toBe(false);
  });

  it('answers bad input with the usage, ephemeral and without a share button', async () => {
    const { args, respond } = fakeArgs('/news', '   ');
    await commandListener(inProcess(seedContext()), newsLine)(args);
    const message = respond.mock.calls[0]![0];
    expect(message.response_type).toBe('ephemeral');
    expect(message.blocks[0].text.text).toBe('Tell me what to search for.');
    expect(blockText(message.blocks)).toContain('Usage: /news <words>'.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(message.blocks.some((b: any) => b.type === 'actions')).toBe(false);
  });

  it("decodes Slack's escaping of the typed text before answering, and escapes it again when showing it", async () => {
    const { args, respond } = fakeArgs('/news', 'Indiana &lt;b&gt; &amp;');
    await commandListener(inProcess(seedContext()), newsLine)(args);
    const message = respond.mock.calls[0]![0];
    expect(JSON.parse(message.blocks.at(-1).elements[0].value)).toMatchObject({ line: '/news Indiana <b> &' });
    expect(message.text).toContain('News for “Indiana &lt;b&gt; &amp;”');
  });

  it('apologises with an error id when answering fails, and logs the stack with that id', async () => {
    const logged = captureLog();
    try {
      const ctx = seedContext();
      vi.spyOn(ctx.corpus, 'search').mockImplementation(() => {
        throw new Error('index exploded');
      });
      const { args, ack, respond } = fakeArgs('/news', 'Indiana');
      await commandListener(inProcess(ctx), newsLine)(args);
      expect(ack).toHaveBeenCalledTimes(1);
      const message = respond.mock.calls[0]![0];
      expect(message.response_type).toBe('ephemeral');
      const errorId = /error id `([0-9a-f]{8})`/.exec(message.text)?.[1];
      expect(errorId).toBeDefined();
      const entry = logged.lines.find((l) => l.errorId === errorId);
      expect(entry?.err.stack).toContain('index exploded');
      expect(message.text).not.toContain('index exploded');
    } finally {
      logged.restore();
    }
  });

  it('past the limit of answers in progress, says "busy" in the ack at once, computing nothing; once one is done, answers again', async () => {
    const limit = new AnswerLimit(2);
    const ctx = seedContext();
    const search = vi.spyOn(ctx.corpus, 'search');
    const listen = commandListener(inProcess(ctx), newsLine, limit);
    // Two answers whose replies hang until released hold both places.
    const releases: (() => void)[] = [];
    const held = [0, 1].map(() => {
      const fake = fakeArgs('/news', 'Indiana');
      fake.respond.mockImplementation(() => new Promise<undefined>((resolve) => releases.push(() => resolve(undefined))));
      return { fake, done: listen(fake.args) };
    });
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    expect(limit.size).toBe(2);
    const searches = search.mock.calls.length;
    // Refused in the ack itself: no second request to Slack.
    const refused = fakeArgs('/news', 'Indiana');
    await listen(refused.args);
    expect(refused.order).toEqual(['ack']);
    expect(refused.ack).toHaveBeenCalledWith({ response_type: 'ephemeral', text: BUSY_TEXT });
    expect(search.mock.calls.length).toBe(searches);
    releases.forEach((release) => release());
    await Promise.all(held.map((h) => h.done));
    expect(limit.size).toBe(0);
    const again = fakeArgs('/news', 'Indiana');
    await listen(again.args);
    expect(again.respond.mock.calls[0]![0].text).not.toBe(BUSY_TEXT);
  });
});

describe('registerCommands', () => {
  it('registers every command of the registry, plus /dealdesk', () => {
    const registered: string[] = [];
    registerCommands({ command: (name: string) => void registered.push(name) } as unknown as App, inProcess(seedContext()));
    expect(registered).toEqual([...commands.map((c) => `/${c.name}`), '/dealdesk']);
  });
});

describe('/dealdesk', () => {
  it.each([
    ['', '/help'],
    ['help', '/help'],
    ['news Indiana', '/news Indiana'],
    ['how much is Amazon putting into OpenAI?', 'how much is Amazon putting into OpenAI?'],
  ])('%j → %j', (text, line) => expect(dealdeskLine(text)).toBe(line));

  it('answers help through the router, naming /dealdesk help and never /help (Slack keeps it for itself)', async () => {
    const { args, respond } = fakeArgs('/dealdesk', 'help');
    await commandListener(inProcess(seedContext()), (text) => `/dealdesk ${text}`)(args);
    const text = blockText(respond.mock.calls[0]![0].blocks);
    for (const command of commands.filter((c) => c.name !== 'help')) expect(text).toContain(`/${command.name}`);
    expect(text).toContain('/dealdesk help');
    expect(text).toContain('/dealdesk &lt;question&gt;');
    expect(text).not.toMatch(/(^|[^\w])\/help\b/);
  });
});
