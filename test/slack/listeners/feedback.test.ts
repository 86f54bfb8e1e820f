/** 👍, "👎 Wrong?" and its form, as Bolt hands them to the listeners: what is stored, what the user sees. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inProcess } from '../../../src/app/answerer.ts';
import { HELPFUL_ACTION_ID, WRONG_ACTION_ID } from '../../../src/answer/blocks.ts';
import type { Answer } from '../../../src/answer/model.ts';
import type { CommandContext } from '../../../src/context.ts';
import { FileStateStore } from '../../../src/state/file-store.ts';
import { activeCorrections } from '../../../src/state/feedback.ts';
import { feedbackView, FEEDBACK_VIEW_ID } from '../../../src/slack/listeners/feedback-view.ts';
import { HELPFUL_THANKS, helpfulListener, submissionListener, wrongListener } from '../../../src/slack/listeners/feedback.ts';
import { SharedAnswers } from '../../../src/slack/listeners/shared-answers.ts';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { tempDir } from '../../helpers/corpus.ts';
import { seedContext } from '../fixtures.ts';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});

function context(): CommandContext {
  return { ...seedContext(), store: new FileStateStore(tempDir('dealdesk-feedback-')) };
}

/** A button click as Bolt hands it to a listener. */
function click(actionId: string, value: string, responseId = 'r') {
  const ack = vi.fn(async () => {});
  const respond = vi.fn(async (_message: any) => {});
  const open = vi.fn(async (_args: any) => ({ ok: true }));
  const body = { type: 'block_actions', user: { id: 'U7' }, channel: { id: 'C5' }, trigger_id: 'trigger-1', response_url: slack.responseUrl(responseId) };
  return { args: { ack, respond, body, action: { type: 'button', action_id: actionId, value }, client: { views: { open } } } as any, ack, respond, open };
}

/** A form submission as Bolt hands it to a listener: the view opened, with these values. */
function submit(view: any, values: Record<string, unknown>) {
  const ack = vi.fn(async (_response?: unknown) => {});
  const submitted = { ...view, state: { values } };
  return { args: { ack, body: { type: 'view_submission', user: { id: 'U7' }, view: submitted }, view: submitted } as any, ack };
}

/** The form's values as Slack sends them. */
function values(factId: string | null, reason: string | null, note: string | null = null, everyone = false) {
  return {
    fact: { fact: { type: 'static_select', selected_option: factId ? { value: factId, text: { type: 'plain_text', text: '1. A fact' } } : null } },
    reason: { reason: { type: 'radio_buttons', selected_option: reason ? { value: reason } : null } },
    note: { note: { type: 'plain_text_input', value: note } },
    everyone: { everyone: { type: 'checkboxes', selected_options: everyone ? [{ value: 'everyone' }] : [] } },
  };
}

describe('feedback on an answer', () => {
  it('👍 stores a helpful record for the question and thanks the user privately', async () => {
    const ctx = context();
    const { args, ack, respond } = click(HELPFUL_ACTION_ID, JSON.stringify({ line: '/deal openai', id: 'k1' }));
    await helpfulListener(inProcess(ctx))(args);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(respond.mock.calls[0]![0]).toEqual({ response_type: 'ephemeral', replace_original: false, text: HELPFUL_THANKS });
    expect(await ctx.store.listFeedback()).toEqual([
      expect.objectContaining({ user: 'U7', channel: 'C5', line: '/deal openai', verdict: 'helpful', fact: null, everyone: false }),
    ]);
  });

  it('👎 opens the form over the facts of the answer the user saw; one no longer kept is asked again', async () => {
    const ctx = context();
    const shared = new SharedAnswers();
    const seen = await inProcess(ctx).answer('/deal openai', { channel: 'C5', now: ctx.now });
    const id = shared.keep(seen);
    for (const ref of [{ line: '/deal openai', id }, { line: '/deal openai', id: 'forgotten' }]) {
      const { args, open } = click(WRONG_ACTION_ID, JSON.stringify(ref));
      await wrongListener(inProcess(ctx), shared)(args);
      const { trigger_id, view } = open.mock.calls[0]![0];
      expect(trigger_id).toBe('trigger-1');
      expect(view.callback_id).toBe(FEEDBACK_VIEW_ID);
      const options = view.blocks.find((b: any) => b.block_id === 'fact').element.options;
      expect(options.map((o: any) => o.value)).toEqual(seen.items.map((i) => i.fact!.id));
      expect(options[0].text.text).toBe(`1. ${seen.items[0]!.text}`);
      expect(JSON.parse(view.private_metadata)).toMatchObject({ line: '/deal openai', channel: 'C5', responseUrl: slack.responseUrl('r') });
    }
  });

  it('refuses a form whose fields do not hold on the form itself, and stores nothing', async () => {
    const ctx = context();
    const view = feedbackView(await inProcess(ctx).answer('/deal openai', { channel: 'C5', now: ctx.now }), { id: 'k', line: '/deal openai', channel: 'C5', responseUrl: slack.responseUrl('x') });
    for (const [state, errors] of [
      [values(null, null), { fact: expect.any(String), reason: expect.any(String) }],
      [values('not-a-fact-id', 'wrong_amount'), { fact: expect.any(String) }],
      [values('d0123456789abcde', 'because'), { reason: expect.any(String) }],
      [values('d0123456789abcde', 'other', 'x'.repeat(501)), { note: expect.any(String) }],
    ] as const) {
      const { args, ack } = submit(view, state);
      await submissionListener(inProcess(ctx))(args);
      expect(ack).toHaveBeenCalledWith({ response_action: 'errors', errors });
    }
    const { args, ack } = submit({ ...view, private_metadata: 'garbage' }, values('d0123456789abcde', 'other'));
    await submissionListener(inProcess(ctx))(args);
    expect(ack.mock.calls[0]![0]).toMatchObject({ response_action: 'errors' });
    expect(await ctx.store.listFeedback()).toEqual([]);
  });

  it('stores the submitted feedback with the fact, its articles and rule; "for everyone" marks it wrong; thanks where 👎 was clicked', async () => {
    const ctx = context();
    const shared = new SharedAnswers();
    const seen: Answer = await inProcess(ctx).answer('/deal openai', { channel: 'C5', now: ctx.now });
    const fact = seen.items[1]!.fact!;
    const view = feedbackView(seen, { id: shared.keep(seen), line: '/deal openai', channel: 'C5', responseUrl: slack.responseUrl('fb-1') });
    const { args, ack } = submit(view, values(fact.id, 'roles_reversed', '  Microsoft invested, not the other way round.  ', true));
    await submissionListener(inProcess(ctx), shared)(args);
    expect(ack).toHaveBeenCalledWith();
    const [record] = await ctx.store.listFeedback();
    expect(record).toMatchObject({
      user: 'U7',
      channel: 'C5',
      line: '/deal openai',
      verdict: 'wrong',
      fact: { id: fact.id, text: seen.items[1]!.text, articles: fact.articles, rule: fact.rule },
      reason: 'roles_reversed',
      note: 'Microsoft invested, not the other way round.',
      everyone: true,
    });
    expect(activeCorrections(await ctx.store.listCorrections()).get(fact.id)).toMatchObject({ number: 1, by: 'U7', reason: 'roles_reversed' });
    const { body } = await slack.waitFor('/response/fb-1');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(body.text).toContain('is marked wrong for everyone as correction #1');
  });
});
