/**
 * The real app in HTTP mode on 127.0.0.1 against a fake Slack Web API (SLACK_API_URL), driven with requests
 * built exactly as Slack builds them (see helpers/e2e-http.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/index.ts';
import { BOT_USER_ID, type FakeSlack } from '../helpers/fake-slack.ts';
import { eventBody, FORM, slashCommand as slashBody, useE2eApp, type E2eApp, type SendOptions } from '../helpers/e2e-http.ts';
import { blockText } from '../slack/fixtures.ts';

const app = useE2eApp();
let e2e: E2eApp;
let slack: FakeSlack;
beforeAll(() => {
  e2e = app();
  slack = e2e.slack;
});

const send = (body: string, options?: SendOptions) => e2e.send(body, options);
const slashCommand = (command: string, text: string, responseId: string) => slashBody(slack, command, text, responseId);
const mentionEvent = eventBody;

/** The context blocks that are citations: “quote” and — label. */
const citations = (blocks: any[]) => blocks.filter((b) => b.type === 'context' && /^“[\s\S]*”\n— /.test(b.elements[0].text));

describe('HTTP mode end to end', () => {
  it('verified the bot token with auth.test at start', () => {
    expect(slack.callsTo('auth.test')).toHaveLength(1);
    expect(slack.callsTo('auth.test')[0]!.headers.authorization).toBe('Bearer xoxb-e2e');
  });

  it('answers url_verification with the challenge', async () => {
    const res = await send(JSON.stringify({ token: 't', challenge: 'challenge-123', type: 'url_verification' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'challenge-123' });
  });

  it('acks /news Indiana at once and posts a cited Block Kit answer to response_url', async () => {
    const res = await send(slashCommand('/news', 'Indiana', 'news-1'), { contentType: FORM });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.ms).toBeLessThan(1000);
    const { body } = await slack.waitFor('/response/news-1');
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'News for “Indiana”' } });
    const cited = citations(body.blocks);
    expect(cited.length).toBeGreaterThan(0);
    expect(blockText(cited)).toContain('“Bereits im Oktober eröffnete Amazon in *Indiana* ein 11-Milliarden-Dollar-Rechenzentrumscampus für Anthropic.”');
    expect(blockText(cited)).toContain('— wallstreet-online · 2026-01-30 · Amazon erwägt Beteiligung von bis zu 50 Milliarden US-Dollar an OpenAI');
    expect(body.blocks.at(-1).elements[0].action_id).toBe('share_answer');
  });

  it('parses a form body whose content type carries a charset', async () => {
    const res = await send(slashCommand('/news', 'Indiana', 'news-charset'), { contentType: `${FORM}; charset=utf-8` });
    expect(res.status).toBe(200);
    const { body } = await slack.waitFor('/response/news-charset');
    expect(body.blocks[0].text.text).toBe('News for “Indiana”');
  });

  it.skipIf(!findCommand('deal'))('answers /deal openai with Amazon, Nvidia, SoftBank and Microsoft, each cited', async () => {
    const res = await send(slashCommand('/deal', 'openai', 'deal-1'), { contentType: FORM });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    const { body } = await slack.waitFor('/response/deal-1');
    const sections = body.blocks.filter((b: any) => b.type === 'section');
    for (const investor of ['Amazon', 'Nvidia', 'SoftBank', 'Microsoft']) {
      const index = body.blocks.findIndex((b: any) => b.type === 'section' && b.text.text.includes(investor));
      expect(index, `${investor} is not in the answer`).toBeGreaterThan(0);
      expect(citations([body.blocks[index + 1]]), `${investor} has no citation`).toHaveLength(1);
    }
    expect(sections.length).toBeGreaterThanOrEqual(4);
  });

  it('answers a mention inside a thread in that thread, with the thread as context', async () => {
    const parent = '1700000000.000100';
    const reply = '1700000100.000200';
    slack.thread = [
      { user: 'U2', ts: parent, text: `<@${BOT_USER_ID}> /news Indiana` },
      { user: BOT_USER_ID, bot_id: 'BBOT', ts: '1700000001.000100', text: 'News for “Indiana”' },
      { user: 'U1', ts: reply, text: `<@${BOT_USER_ID}> and Anthropic?` },
    ];
    const res = await send(mentionEvent('EvThread1', { text: `<@${BOT_USER_ID}> and Anthropic?`, ts: reply, thread_ts: parent }));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    const post = await slack.waitFor('chat.postMessage', (c) => c.body.thread_ts === parent);
    expect(post.body.channel).toBe('C1');
    expect(slack.callsTo('conversations.replies').at(-1)!.body).toMatchObject({ channel: 'C1', ts: parent });
    // "and Anthropic?" continued the thread's question: /news Indiana → /news Indiana Anthropic
    expect(post.body.blocks[0].text.text).toBe('News for “Indiana Anthropic”');
    expect(citations(post.body.blocks).length).toBeGreaterThan(0);
  });

  it('answers a top-level mention exactly once, in a thread under it, despite a duplicate delivery and a retry', async () => {
    const ts = '1700000500.000100';
    const body = mentionEvent('EvDup1', { text: `<@${BOT_USER_ID}> Indiana`, ts });
    const first = await send(body);
    const duplicate = await send(body);
    const retry = await send(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, duplicate.status, retry.status]).toEqual([200, 200, 200]);
    await slack.waitFor('chat.postMessage', (c) => c.body.thread_ts === ts);
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a wrong second reply to arrive
    const replies = slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body.channel).toBe('C1');
    expect(blockText(replies[0]!.body.blocks)).toContain('*Indiana*');
  });

  it.each([
    ['a bad signature', { secret: 'not-the-secret' }],
    ['a timestamp older than five minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp more than five minutes in the future', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
  ])('rejects %s with 401 and answers nothing', async (_what, options: SendOptions) => {
    const res = await send(slashCommand('/news', 'Indiana', 'forged'), { contentType: FORM, ...options });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.callsTo('/response/forged')).toHaveLength(0);
  });

  it('accepts a timestamp a little in the future (clock skew within five minutes)', async () => {
    const res = await send(slashCommand('/news', 'Indiana', 'skew'), { contentType: FORM, timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(res.status).toBe(200);
    await slack.waitFor('/response/skew');
  });
});
