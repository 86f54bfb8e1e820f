/**
 * The real app in Socket Mode against a local WebSocket server: the fake `apps.connections.open` hands out
 * `ws://127.0.0.1:…/socket`, the server says hello and sends a slash-command envelope, the app must ack
 * the envelope over the socket and answer on response_url.
 */
import { inProcess } from '../../src/app/answerer.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { loadConfig } from '../../src/config.ts';
import { startSlackApp, type RunningSlackApp } from '../../src/slack/start.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { blockText, captureLog, seedContext, type CapturedLog } from '../slack/fixtures.ts';

let slack: FakeSlack;
let app: RunningSlackApp;
let socket: WebSocket;
let logged: CapturedLog;

beforeAll(async () => {
  logged = captureLog('warn');
  slack = await startFakeSlack();
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_APP_TOKEN: 'xapp-e2e', SLACK_API_URL: slack.apiUrl });
  if (config.mode.kind !== 'socket') throw new Error(`expected socket mode, got ${config.mode.kind}`);
  const connected = slack.nextSocket();
  app = await startSlackApp({ ...config, mode: config.mode }, inProcess(seedContext()), { retryConfig: { retries: 0 }, autoReconnect: false });
  socket = await connected;
});

afterAll(async () => {
  await app?.stop();
  await slack?.close();
  logged?.restore();
});

/** Resolves with the first message the app sends over the socket for `envelopeId`. */
function ackFor(envelopeId: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString());
      if (message.envelope_id !== envelopeId) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

describe('Socket Mode end to end', () => {
  it('connected with the app token through apps.connections.open and verified the bot token', () => {
    expect(app.mode).toBe('socket');
    expect(app.port).toBeNull();
    expect(slack.callsTo('apps.connections.open')[0]!.headers.authorization).toBe('Bearer xapp-e2e');
    expect(slack.callsTo('auth.test')[0]!.headers.authorization).toBe('Bearer xoxb-e2e');
  });

  it('acks a slash-command envelope and answers on response_url', async () => {
    const acked = ackFor('env-1');
    const started = performance.now();
    socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'legacy',
          team_id: 'T1',
          team_domain: 'newsroom',
          channel_id: 'C1',
          channel_name: 'money',
          user_id: 'U1',
          user_name: 'analyst',
          command: '/news',
          text: 'Indiana',
          api_app_id: 'A1',
          is_enterprise_install: 'false',
          response_url: slack.responseUrl('socket-1'),
          trigger_id: '1.2.3',
        },
      }),
    );
    const ack = await acked;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(ack).toEqual({ envelope_id: 'env-1', payload: {} });
    const { body } = await slack.waitFor('/response/socket-1');
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0].text.text).toBe('News for “Indiana”');
    expect(blockText(body.blocks)).toContain('Amazon in *Indiana* ein');
    expect(blockText(body.blocks)).toContain('— wallstreet-online · 2026-01-30 · ');
  });

  /** Sends an envelope of `type` with `payload` and waits for its ack over the socket. */
  async function deliver(envelopeId: string, type: string, payload: Record<string, unknown>): Promise<void> {
    const acked = ackFor(envelopeId);
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, accepts_response_payload: type !== 'events_api', payload }));
    expect((await acked).envelope_id).toBe(envelopeId);
  }

  it('issue 15 over the socket: /deal … csv uploads its file, the shortcut answers in the thread, a direct message is answered', async () => {
    const command = { token: 'legacy', team_id: 'T1', channel_id: 'C1', user_id: 'U1', api_app_id: 'A1', trigger_id: '1.2.3', is_enterprise_install: 'false' };
    await deliver('env-csv', 'slash_commands', { ...command, command: '/deal', text: 'openai csv', response_url: slack.responseUrl('socket-csv') });
    await slack.waitFor('/response/socket-csv');
    const upload = await slack.waitFor('files.completeUploadExternal', (c) => JSON.parse(c.body.files)[0].title === 'Deals involving OpenAI (CSV)');
    expect(upload.body.channel_id).toBe('C1');

    const ts = '1700004000.000100';
    await deliver('env-shortcut', 'interactive', {
      type: 'message_action',
      callback_id: 'check_with_dealdesk',
      trigger_id: '1.2.4',
      team: { id: 'T1', domain: 'newsroom' },
      user: { id: 'U1', name: 'analyst', team_id: 'T1' },
      channel: { id: 'C1', name: 'money' },
      message: { type: 'message', user: 'U2', ts, text: 'Amazon will invest $50bn in OpenAI' },
      response_url: slack.responseUrl('socket-shortcut'),
    });
    const checked = await slack.waitFor('chat.postMessage', (c) => c.body.thread_ts === ts);
    expect(checked.body.blocks[0].text.text).toMatch(/^Partly supported/);

    await deliver('env-dm', 'events_api', {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvSocketDm',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel_type: 'im', channel: 'D9', user: 'U1', text: '/number anthropic valuation', ts: '1700004001.000100' },
    });
    const dm = await slack.waitFor('chat.postMessage', (c) => c.body.channel === 'D9');
    expect(dm.body.blocks[0].text.text).toBe('Figures for “anthropic valuation”');
  });
});
