/**
 * The real app in HTTP mode on 127.0.0.1 against a fake Slack Web API (SLACK_API_URL), and requests built
 * exactly as Slack builds them: signed form-encoded slash commands and interactions, signed JSON events.
 * As in production, the answers come from the engine thread (a corpus loaded in a worker).
 */
import { createHmac } from 'node:crypto';
import { engineConfigOf } from '../../src/app/engine-protocol.ts';
import { EngineThread } from '../../src/app/engine-thread.ts';
import { loadConfig } from '../../src/config.ts';
import { postAnswer } from '../../src/slack/post-answer.ts';
import { startSlackApp, type RunningSlackApp } from '../../src/slack/start.ts';
import type { PostAnswer } from '../../src/answer/model.ts';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll } from 'vitest';
import { captureLog, type CapturedLog } from '../slack/fixtures.ts';
import { SEEDS_DIR, tempDir } from './corpus.ts';
import { BOT_USER_ID, startFakeSlack, type FakeSlack } from './fake-slack.ts';

export const SECRET = 'e2e-signing-secret';
export const FORM = 'application/x-www-form-urlencoded';

export interface SendOptions {
  contentType?: string;
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

export interface E2eApp {
  slack: FakeSlack;
  app: RunningSlackApp;
  engine: EngineThread;
  /** The data folder (state files). */
  dataDir: string;
  /** POSTs `body` signed like Slack does (v0 HMAC-SHA256 of `v0:timestamp:body`); returns status, body and time. */
  send(body: string, options?: SendOptions): Promise<{ status: number; text: string; ms: number }>;
  stop(): Promise<void>;
}

/** Starts a fake Slack, the engine over `corpusDir` (the seeds by default) and the app in HTTP mode. */
export async function startE2eApp({ corpusDir = SEEDS_DIR, env = {} }: { corpusDir?: string; env?: Record<string, string> } = {}): Promise<E2eApp> {
  const slack = await startFakeSlack();
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, HOST: '127.0.0.1', PORT: '0', ...env });
  if (config.mode.kind !== 'http') throw new Error(`expected http mode, got ${config.mode.kind}`);
  const dataDir = tempDir('dealdesk-e2e-');
  // Digests and alerts go out through the app's Web API client, as in main.ts (once it is connected).
  let client: App['client'] | null = null;
  const post: PostAnswer = async (channel, answer, { threadTs } = {}) => {
    if (!client) throw new Error('not connected to Slack yet');
    return postAnswer(client, channel, answer, threadTs);
  };
  const engine = await EngineThread.start({ config: engineConfigOf({ ...config, corpusDir, indexDir: dataDir, dataDir }) }, { post });
  const app = await startSlackApp({ ...config, mode: config.mode }, engine, { retryConfig: { retries: 0 } });
  client = app.app.client;
  const url = `http://127.0.0.1:${app.port}/slack/events`;
  return {
    slack,
    app,
    engine,
    dataDir,
    send: (body, options) => sendSigned(url, body, options),
    async stop() {
      await app.stop();
      await engine.stop();
      await slack.close();
    },
  };
}

/** POSTs `body` to `url` signed like Slack does (v0 HMAC-SHA256 of `v0:timestamp:body`); returns status, body and time. */
export async function sendSigned(url: string, body: string, { contentType = 'application/json', timestamp = Math.floor(Date.now() / 1000), secret = SECRET, headers = {} }: SendOptions = {}) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/**
 * For a test file: starts the app (with the log captured at `warn`) before its tests and stops it after;
 * the returned function gives the running app.
 */
export function useE2eApp(options: Parameters<typeof startE2eApp>[0] = {}): () => E2eApp {
  let running: E2eApp | undefined;
  let logged: CapturedLog | undefined;
  beforeAll(async () => {
    logged = captureLog('warn');
    running = await startE2eApp(options);
  });
  afterAll(async () => {
    await running?.stop();
    logged?.restore();
  });
  return () => running!;
}

/** A slash command's form body as Slack sends it, from user U1 in channel `channel` (C1). */
export function slashCommand(slack: FakeSlack, command: string, text: string, responseId: string, channel = 'C1'): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'newsroom',
    channel_id: channel,
    channel_name: 'money',
    user_id: 'U1',
    user_name: 'analyst',
    command,
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: slack.responseUrl(responseId),
    trigger_id: '123.456.abc',
  }).toString();
}

/** An `event_callback` body as Slack sends it; `event` is merged over an `app_mention` by U1 in C1. */
export function eventBody(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: BOT_USER_ID, is_bot: true }],
    event: { type: 'app_mention', user: 'U1', channel: 'C1', event_ts: event.ts, ...event },
  });
}
