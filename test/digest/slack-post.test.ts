/**
 * The digest runner posting through a real Slack WebClient against `chat.postMessage` mocked with nock:
 * a 429 with Retry-After is retried by the client, `not_in_channel` disables that subscription only.
 */
import { webApi } from '@slack/bolt';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/answer/text.ts';
import type { PostAnswer } from '../../src/answer/model.ts';
import { DigestRunner } from '../../src/digest/runner.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import type { Subscription } from '../../src/state/types.ts';
import { captureLogs, corpusOf, tempDir } from './helpers.ts';

const SLACK = 'http://127.0.0.1:4999';
const SLOT = new Date('2026-02-05T07:00:00Z');

function subscription(channel: string): Subscription {
  return { channel, time: '08:00', timeZone: 'Europe/Berlin', quiet: false, active: true, disabledReason: null, activeSince: '2026-02-04T12:00:00.000Z' };
}

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('posting digests with the Slack Web API client', () => {
  it('retries a 429 after Retry-After, and disables only the channel that answers not_in_channel', async () => {
    captureLogs();
    const client = new webApi.WebClient('xoxb-test-token', {
      slackApiUrl: `${SLACK}/api/`,
      retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 },
      logLevel: webApi.LogLevel.ERROR,
    });
    const post: PostAnswer = (channel, answer) => client.chat.postMessage({ channel, text: renderText(answer) });
    const bodies: Record<string, unknown>[] = [];
    const scope = nock(SLACK)
      .post('/api/chat.postMessage', (body) => bodies.push(body) > 0 && body.channel === 'C1')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' })
      .post('/api/chat.postMessage', (body) => bodies.push(body) > 0 && body.channel === 'C1')
      .reply(200, { ok: true, channel: 'C1', ts: '1.0' })
      .post('/api/chat.postMessage', (body) => bodies.push(body) > 0 && body.channel === 'C2')
      .reply(200, { ok: false, error: 'not_in_channel' })
      .post('/api/chat.postMessage', (body) => bodies.push(body) > 0 && body.channel === 'C3')
      .reply(200, { ok: true, channel: 'C3', ts: '2.0' });

    const store = new FileStateStore(tempDir('state'));
    for (const channel of ['C1', 'C2', 'C3']) await store.putSubscription(subscription(channel));
    const runner = new DigestRunner({ store, corpus: corpusOf([]), post, graceMs: 6 * 3_600_000 });

    const started = Date.now();
    const outcomes = await runner.tick(new Date(SLOT.getTime() + 60_000));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);

    expect(outcomes.map((o) => `${o.channel}:${o.outcome}`)).toEqual(['C1:nothing_new', 'C2:disabled', 'C3:nothing_new']);
    expect(scope.isDone()).toBe(true);
    expect(String(bodies[0]!.text)).toContain('Nothing new since');
    expect(await store.getSubscription('C2')).toMatchObject({ active: false, disabledReason: 'not_in_channel' });
    expect((await store.getDigestLog('C1')).lastOutcome).toBe('nothing_new');
    expect((await store.getDigestLog('C2')).lastOutcome).toBeNull();
  });
});
