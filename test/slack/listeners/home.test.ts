import { inProcess } from '../../../src/app/answerer.ts';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { commands } from '../../../commands/index.ts';
import { homeListener } from '../../../src/slack/listeners/home.ts';
import { blockText, captureLog, seedContext } from '../fixtures.ts';

describe('App Home', () => {
  const API = 'http://127.0.0.1:9';
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: `${API}/api/`, retryConfig: { retries: 0 } });
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('publishes the help as the home tab of the user who opened it', async () => {
    let published: Record<string, any> = {};
    const scope = nock(API)
      .post('/api/views.publish')
      .reply(200, (_uri, body) => {
        published = Object.fromEntries(new URLSearchParams(body as string));
        return { ok: true };
      });
    await homeListener(inProcess(seedContext()))({ event: { type: 'app_home_opened', user: 'U3', channel: 'D1', tab: 'home' }, client } as any);
    expect(scope.isDone()).toBe(true);
    expect(published.user_id).toBe('U3');
    const view = JSON.parse(published.view);
    expect(view.type).toBe('home');
    const text = blockText(view.blocks);
    for (const command of commands.filter((c) => c.name !== 'help')) expect(text).toContain(`/${command.name}`);
    // Slack keeps /help for itself: the home tab names /dealdesk help.
    expect(text).toContain('/dealdesk help');
    expect(text).not.toMatch(/(^|[^\w])\/help\b/);
  });

  it('does nothing for the messages tab', async () => {
    const scope = nock(API).post('/api/views.publish').reply(200, { ok: true });
    await homeListener(inProcess(seedContext()))({ event: { type: 'app_home_opened', user: 'U3', channel: 'D1', tab: 'messages' }, client } as any);
    expect(scope.isDone()).toBe(false);
  });

  it('logs a failed publish with an error id and apologises to nobody (the tab keeps its content)', async () => {
    const logged = captureLog();
    try {
      const scope = nock(API).post('/api/views.publish').reply(200, { ok: false, error: 'invalid_blocks' });
      await homeListener(inProcess(seedContext()))({ event: { type: 'app_home_opened', user: 'U3', channel: 'D1', tab: 'home' }, client } as any);
      expect(scope.isDone()).toBe(true);
      const entry = logged.lines.find((l) => l.handler === 'app_home_opened');
      expect(entry?.errorId).toMatch(/^[0-9a-f]{8}$/);
      expect(entry?.err.message).toContain('invalid_blocks');
      expect(nock.pendingMocks()).toEqual([]);
    } finally {
      logged.restore();
    }
  });
});
