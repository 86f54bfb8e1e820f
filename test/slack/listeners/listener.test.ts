/** The wrapper every listener is built with: ack first, ignore, the request, its turn, the apology guard. */
import { describe, expect, it, vi } from 'vitest';
import type { AnswerRequest, Answerer } from '../../../src/app/answerer.ts';
import { listener } from '../../../src/slack/listeners/listener.ts';
import { captureLog } from '../fixtures.ts';

/** An answerer whose clock moves on every read, like the real one. */
function tickingContext(): Answerer & { reads: () => number } {
  let tick = 0;
  return {
    now() {
      tick += 1;
      return new Date(Date.UTC(2026, 0, 1, 0, 0, tick));
    },
    reads: () => tick,
    answer: async () => {
      throw new Error('not used');
    },
    threadLine: async (question) => question,
    home: async () => [],
    recordFeedback: async () => {
      throw new Error('not used');
    },
  };
}

interface Args {
  ack?: () => Promise<void>;
  channel: string;
  fail?: boolean;
}

function recorder() {
  const order: string[] = [];
  const seen: AnswerRequest[] = [];
  const apologies: string[] = [];
  return { order, seen, apologies };
}

describe('listener()', () => {
  it('acks first, then answers with the request context: its channel and one fixed now', async () => {
    const ctx = tickingContext();
    const { order, seen } = recorder();
    const run = listener<Args>(ctx, {
      what: 'test',
      channel: (args) => args.channel,
      answer: async (_args, request) => {
        order.push('answer');
        seen.push(request);
      },
      apologise: async () => void order.push('apologise'),
    });
    await run({ channel: 'C42', ack: async () => void order.push('ack') });
    expect(order).toEqual(['ack', 'answer']);
    const request = seen[0]!;
    expect(request.channel).toBe('C42');
    expect(request.surface).toBe('slack');
    // The clock is read once, as the request arrives: one request sees one "now".
    expect(ctx.reads()).toBe(1);
    expect(request.now).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 0, 1)));
  });

  it('works without an ack (events: Bolt acked them already)', async () => {
    const answered = vi.fn(async () => {});
    await listener<Args>(tickingContext(), { what: 'event', channel: (a) => a.channel, answer: answered, apologise: async () => {} })({ channel: 'C1' });
    expect(answered).toHaveBeenCalledTimes(1);
  });

  it('acks but does no work and sends no apology for an ignored request', async () => {
    const { order } = recorder();
    const run = listener<Args>(tickingContext(), {
      what: 'test',
      channel: (args) => args.channel,
      ignore: () => true,
      answer: async () => void order.push('answer'),
      apologise: async () => void order.push('apologise'),
    });
    await run({ channel: 'C1', ack: async () => void order.push('ack') });
    expect(order).toEqual(['ack']);
  });

  it('apologises with an error id when the work throws, and logs the stack with that id and the handler', async () => {
    const logged = captureLog();
    try {
      const { apologies } = recorder();
      const run = listener<Args>(tickingContext(), {
        what: (args) => `/x-${args.channel}`,
        channel: (args) => args.channel,
        answer: async () => {
          throw new Error('index exploded');
        },
        apologise: async (_args, text) => void apologies.push(text),
      });
      await expect(run({ channel: 'C1' })).resolves.toBeUndefined();
      expect(apologies).toHaveLength(1);
      const [, errorId] = /^Sorry, something went wrong while answering that\. Please try again; if it keeps failing, tell the Dealdesk team error id `([0-9a-f]{8})`\.$/.exec(apologies[0]!) ?? [];
      expect(errorId).toBeDefined();
      const entry = logged.lines.find((l) => l.errorId === errorId)!;
      expect(entry).toMatchObject({ level: 50, handler: '/x-C1', msg: 'Slack /x-C1 handler failed' });
      expect(entry.err.stack).toContain('index exploded');
      expect(apologies[0]).not.toContain('index exploded');
    } finally {
      logged.restore();
    }
  });

  it('logs a failed apology too, and still does not throw', async () => {
    const logged = captureLog();
    try {
      const run = listener<Args>(tickingContext(), {
        what: 'test',
        channel: (args) => args.channel,
        answer: async () => {
          throw new Error('first');
        },
        apologise: async () => {
          throw new Error('response_url expired');
        },
      });
      await expect(run({ channel: 'C1' })).resolves.toBeUndefined();
      const failed = logged.lines.find((l) => l.msg === 'Slack test handler failed')!;
      const apology = logged.lines.find((l) => l.msg === 'could not send the apology either')!;
      expect(apology.errorId).toBe(failed.errorId);
      expect(apology.err.message).toBe('response_url expired');
    } finally {
      logged.restore();
    }
  });
});
