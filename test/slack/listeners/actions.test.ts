import { inProcess } from '../../../src/app/answerer.ts';
import { describe, expect, it, vi } from 'vitest';
import { shareListener } from '../../../src/slack/listeners/actions.ts';
import { blockText, captureLog, seedContext } from '../fixtures.ts';

function shareArgs(value: string) {
  const ack = vi.fn(async () => {});
  const respond = vi.fn(async (_message: any) => {});
  const body = { type: 'block_actions', user: { id: 'U7' }, channel: { id: 'C5' }, response_url: 'http://127.0.0.1:9/r' };
  return { args: { ack, respond, body, action: { type: 'button', action_id: 'share_answer', value } } as any, ack, respond };
}

describe('share button', () => {
  it('answers the stored line again and posts it for everyone, saying who shared it', async () => {
    const { args, ack, respond } = shareArgs(JSON.stringify({ line: '/news Indiana' }));
    await shareListener(inProcess(seedContext()))(args);
    expect(ack).toHaveBeenCalledTimes(1);
    const message = respond.mock.calls[0]![0];
    expect(message).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(message.blocks[0].text.text).toBe('News for “Indiana”');
    expect(blockText(message.blocks)).toContain('*Indiana*');
    expect(message.blocks.at(-1).elements[0].text).toBe('Shared by <@U7>');
    expect(message.blocks.some((b: any) => b.type === 'actions')).toBe(false); // no second share button
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
