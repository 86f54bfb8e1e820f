import { inProcess } from '../../../src/app/answerer.ts';
import { describe, expect, it, vi } from 'vitest';
import { SHARE_EXPIRED_TEXT, shareListener } from '../../../src/slack/listeners/actions.ts';
import { commandListener } from '../../../src/slack/listeners/commands.ts';
import { SHARE_WINDOW_MS, SharedAnswers } from '../../../src/slack/listeners/shared-answers.ts';
import { blockText, captureLog, seedContext } from '../fixtures.ts';

function shareArgs(value: string) {
  const ack = vi.fn(async () => {});
  const respond = vi.fn(async (_message: any) => {});
  const body = { type: 'block_actions', user: { id: 'U7' }, channel: { id: 'C5' }, response_url: 'http://127.0.0.1:9/r' };
  return { args: { ack, respond, body, action: { type: 'button', action_id: 'share_answer', value } } as any, ack, respond };
}

describe('share button', () => {
  /** The ephemeral answer of `/<command> <text>` as the command listener gives it, and its share button's value. */
  async function answered(shared: SharedAnswers, command: string, text: string) {
    const respond = vi.fn(async (_message: any) => {});
    const args = { command: { command, text, channel_id: 'C5', user_id: 'U7', response_url: 'http://127.0.0.1:9/r' }, ack: vi.fn(async () => {}), respond } as any;
    await commandListener(inProcess(seedContext()), (t) => `${command} ${t}`, undefined, shared)(args);
    const message = respond.mock.calls[0]![0];
    return { message, value: message.blocks.find((b: any) => b.type === 'actions')?.elements[0].value as string | undefined };
  }

  it('posts the answer the user saw for everyone, saying who shared it, without asking again', async () => {
    const shared = new SharedAnswers();
    const { message: seen, value } = await answered(shared, '/news', 'Indiana');
    const answerer = inProcess(seedContext());
    const asked = vi.spyOn(answerer, 'answer');
    const { args, ack, respond } = shareArgs(value!);
    await shareListener(answerer, shared)(args);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(asked).not.toHaveBeenCalled();
    const message = respond.mock.calls[0]![0];
    expect(message).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(message.blocks[0].text.text).toBe('News for “Indiana”');
    expect(blockText(message.blocks)).toContain('*Indiana*');
    // The same blocks as seen, minus the button, plus who shared it.
    expect(message.blocks.slice(0, -1)).toEqual(seen.blocks.filter((b: any) => b.type !== 'actions'));
    expect(message.blocks.at(-1).elements[0].text).toBe('Shared by <@U7>');
    expect(message.blocks.some((b: any) => b.type === 'actions')).toBe(false); // no second share button
  });

  it('says privately that an answer no longer kept (an hour later, or unknown) can no longer be shared', async () => {
    let now = Date.parse('2026-02-14T12:00:00Z');
    const shared = new SharedAnswers(() => now);
    const { value } = await answered(shared, '/deal', 'OpenAI');
    now += SHARE_WINDOW_MS + 1;
    for (const stale of [value!, JSON.stringify({ line: '/digest on', id: 'never-kept' })]) {
      const { args, respond } = shareArgs(stale);
      await shareListener(inProcess(seedContext()), shared)(args);
      expect(respond.mock.calls[0]![0]).toEqual({ response_type: 'ephemeral', replace_original: false, text: SHARE_EXPIRED_TEXT });
    }
  });

  it('apologises privately for a button value it cannot read', async () => {
    const logged = captureLog();
    try {
      const { args, respond } = shareArgs('not json');
      await shareListener(inProcess(seedContext()))(args);
      const message = respond.mock.calls[0]![0];
      expect(message.response_type).toBe('ephemeral');
      expect(message.text).toMatch(/error id `[0-9a-f]{8}`/);
      expect(logged.lines.some((l) => l.handler === 'share' && l.err)).toBe(true);
    } finally {
      logged.restore();
    }
  });
});
