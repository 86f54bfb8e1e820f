/**
 * Issue 15, part 3 end to end: feedback that corrects. The real app in HTTP mode, answers from the engine
 * thread, against the fake Slack: signed slash commands and interactions in, Web API and response_url calls
 * out. `/deal openai` → 👎 → the form (views.open) → submitted "for everyone" → `/deal openai` shows the
 * fact struck out with who and when → `/corrections undo 1` → shown as the sources give it again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELPFUL_ACTION_ID, WRONG_ACTION_ID } from '../../src/answer/blocks.ts';
import { eventBody, FORM, slashCommand, useE2eApp, type E2eApp } from '../helpers/e2e-http.ts';
import { BOT_USER_ID, type FakeSlack } from '../helpers/fake-slack.ts';
import { blockText } from '../slack/fixtures.ts';

const app = useE2eApp();
let e2e: E2eApp;
let slack: FakeSlack;
beforeAll(() => {
  e2e = app();
  slack = e2e.slack;
});

/** An interaction as Slack posts it: the JSON payload in the form field `payload`. */
function interaction(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify({ token: 'legacy-verification-token', api_app_id: 'A1', team: { id: 'T1', domain: 'newsroom' }, is_enterprise_install: false, ...payload }) }).toString();
}

/** A click on `button` of an ephemeral answer in C1 by U1; the click's response_url is `responseId`. */
function clickBody(button: { action_id: string; value: string }, responseId: string): string {
  return interaction({
    type: 'block_actions',
    user: { id: 'U1', username: 'analyst', team_id: 'T1' },
    channel: { id: 'C1', name: 'money' },
    container: { type: 'message', message_ts: '1700003000.000100', channel_id: 'C1', is_ephemeral: true },
    trigger_id: '1.2.feedback',
    response_url: slack.responseUrl(responseId),
    actions: [{ type: 'button', block_id: 'b1', action_id: button.action_id, value: button.value, text: { type: 'plain_text', text: 'x' }, action_ts: `${Date.now() / 1000}` }],
  });
}

/** The form submitted by U1 with these `values` (`view` as views.open received it). */
function submissionBody(view: Record<string, unknown>, values: Record<string, unknown>): string {
  return interaction({
    type: 'view_submission',
    user: { id: 'U1', username: 'analyst', team_id: 'T1' },
    view: { ...view, id: 'V1', team_id: 'T1', app_id: 'A1', hash: '1.abc', state: { values } },
    response_urls: [],
  });
}

/** The answer to a signed `/<command> <text>` from U1 in C1, as posted to its response_url. */
async function ask(command: string, text: string, responseId: string): Promise<any> {
  const res = await e2e.send(slashCommand(slack, command, text, responseId), { contentType: FORM });
  expect(res.status).toBe(200);
  return (await slack.waitFor(`/response/${responseId}`)).body;
}

/** The button with this action id in a message's blocks. */
function button(message: any, actionId: string): { action_id: string; value: string } {
  const found = message.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).find((e: any) => e.action_id === actionId);
  expect(found, `no ${actionId} button`).toBeDefined();
  return found;
}

describe('feedback that corrects', () => {
  it('👍 on an answer is stored and thanked for privately', async () => {
    const answer = await ask('/number', 'anthropic valuation', 'fb-number');
    await e2e.send(clickBody(button(answer, HELPFUL_ACTION_ID), 'fb-thumb'), { contentType: FORM });
    const { body } = await slack.waitFor('/response/fb-thumb');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Thanks — noted that this answer helped.' });
    const stored = JSON.parse(readFileSync(path.join(e2e.dataDir, 'feedback.json'), 'utf8'));
    expect(stored.entries).toEqual([expect.objectContaining({ verdict: 'helpful', user: 'U1', channel: 'C1', line: '/number anthropic valuation' })]);
  });

  it('a mention\'s answer in the channel carries the buttons too; 👎 on it opens the form over its facts', async () => {
    const ts = '1700004000.000100';
    await e2e.send(eventBody('EvFb1', { text: `<@${BOT_USER_ID}> how much is Amazon putting into OpenAI?`, ts }));
    const post = await slack.waitFor('chat.postMessage', (c) => c.body.thread_ts === ts);
    await e2e.send(clickBody(button(post.body, WRONG_ACTION_ID), 'fb-mention'), { contentType: FORM });
    const { body } = await slack.waitFor('views.open', (c) => c.body.view.private_metadata.includes('fb-mention'));
    const options = body.view.blocks.find((b: any) => b.block_id === 'fact').element.options;
    expect(options.map((o: any) => o.text.text)).toEqual(['1. Amazon → OpenAI: up to $50B']);
    expect(options[0].value).toMatch(/^d[0-9a-f]{15}$/);
  });

  it('👎 → the form → marked wrong for everyone → struck out with who and when → undone → shown as before', async () => {
    const before = await ask('/deal', 'openai', 'fb-deal-1');
    const first = before.blocks.find((b: any) => b.type === 'section').text.text as string;
    expect(first).toMatch(/^\*Amazon → OpenAI: up to \$50B\*/);

    // 👎 opens the form over the answer's facts.
    const clicked = await e2e.send(clickBody(button(before, WRONG_ACTION_ID), 'fb-click'), { contentType: FORM });
    expect(clicked.status).toBe(200);
    const { body: opened } = await slack.waitFor('views.open', (c) => c.body.view.private_metadata.includes('fb-click'));
    expect(opened.trigger_id).toBe('1.2.feedback');
    const view = opened.view;
    expect(view.callback_id).toBe('feedback_wrong_fact');
    const options = view.blocks.find((b: any) => b.block_id === 'fact').element.options;
    expect(options[0].text.text).toBe('1. Amazon → OpenAI: up to $50B');
    expect(view.blocks.find((b: any) => b.block_id === 'reason').element.options.map((o: any) => o.text.text)).toEqual([
      'wrong amount', 'wrong company', 'roles reversed', 'not a deal', 'outdated', 'other',
    ]);

    // A form without a reason is refused on the form, in the response to the submission itself.
    const incomplete = await e2e.send(submissionBody(view, { fact: { fact: { type: 'static_select', selected_option: options[0] } } }), { contentType: FORM });
    expect(incomplete.status).toBe(200);
    expect(JSON.parse(incomplete.text)).toEqual({ response_action: 'errors', errors: { reason: 'Say what is wrong with it.' } });

    const values = {
      fact: { fact: { type: 'static_select', selected_option: options[0] } },
      reason: { reason: { type: 'radio_buttons', selected_option: { value: 'wrong_amount', text: { type: 'plain_text', text: 'wrong amount' } } } },
      note: { note: { type: 'plain_text_input', value: 'Reuters says $40B <!channel>' } },
      everyone: { everyone: { type: 'checkboxes', selected_options: [{ value: 'everyone' }] } },
    };
    const submitted = await e2e.send(submissionBody(view, values), { contentType: FORM });
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');
    const { body: thanks } = await slack.waitFor('/response/fb-click');
    expect(thanks.response_type).toBe('ephemeral');
    expect(thanks.text).toContain('is marked wrong for everyone as correction #1');

    // Stored with the fact, its articles and the rule that read it.
    const feedback = JSON.parse(readFileSync(path.join(e2e.dataDir, 'feedback.json'), 'utf8')).entries.at(-1);
    expect(feedback).toMatchObject({ verdict: 'wrong', reason: 'wrong_amount', everyone: true, fact: { id: options[0].value, text: 'Amazon → OpenAI: up to $50B', rule: expect.any(String) } });
    expect(feedback.fact.articles.length).toBeGreaterThan(0);
    const [mark] = JSON.parse(readFileSync(path.join(e2e.dataDir, 'corrections.json'), 'utf8')).entries;
    expect(mark).toMatchObject({ number: 1, active: true, by: 'U1', reason: 'wrong_amount' });

    // Everyone's next answer shows it struck out, with who (a mention) and when; the note cannot ping.
    const after = await ask('/deal', 'openai', 'fb-deal-2');
    const text = blockText(after.blocks);
    expect(text).toContain('~Amazon → OpenAI: up to $50B~');
    expect(text).toContain(`✗ #1 marked wrong by <@U1> on ${mark.at.slice(0, 10)}: wrong amount — “Reuters says $40B &lt;!channel&gt;”`);

    // The log, and the undo: the fact is shown as its sources give it again; the log keeps both entries.
    const log = await ask('/dealdesk', 'corrections', 'fb-log');
    expect(blockText(log.blocks)).toContain('undo: /corrections undo 1');
    const undone = await ask('/corrections', 'undo 1', 'fb-undo');
    expect(undone.blocks[0].text.text).toBe('Undone: correction #1');
    expect(blockText(undone.blocks)).toContain('undone by <@U1>');
    const again = await ask('/deal', 'openai', 'fb-deal-3');
    expect(again.blocks.find((b: any) => b.type === 'section').text.text).toBe(first);
    expect(blockText(again.blocks)).not.toContain('marked wrong');
    const entries = JSON.parse(readFileSync(path.join(e2e.dataDir, 'corrections.json'), 'utf8')).entries;
    expect(entries.map((e: any) => [e.number, e.active, e.by])).toEqual([[1, true, 'U1'], [2, false, 'U1']]);
  });
});
