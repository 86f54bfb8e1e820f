/**
 * The Bolt app: every surface's listeners (`listeners/`) registered on one `App`, over Socket Mode or HTTP as
 * the configuration says.
 *
 * Web API client: `SLACK_API_URL` overrides the base URL (tests, enterprise proxies) for both the bot's
 * client and Socket Mode's `apps.connections.open`. Retries are deliberate: an answer is only useful within
 * seconds, so a few quick retries instead of the SDK's default of ten over half an hour.
 */
import { App, SocketModeReceiver, type Receiver, type webApi } from '@slack/bolt';
import type { Answerer } from '../app/answerer.ts';
import type { Config, Mode } from '../config.ts';
import { log } from '../log.ts';
import { registerListeners, type ListenerOptions } from './listeners/index.ts';
import { boltLevel, boltLogger } from './logger.ts';
import { SlackHttpReceiver } from './receiver.ts';
import type { SeenKeys } from '../state/seen-keys.ts';

export type SlackMode = Exclude<Mode, { kind: 'console' }>;

/** The production retry policy: three tries within about two seconds. */
const DEFAULT_RETRY: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 400, maxTimeout: 1600 };
/** Give up on a single Web API call after this long. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface SlackAppOptions extends ListenerOptions {
  /** Web API retry policy (tests: `{ retries: 0 }`). */
  retryConfig?: webApi.RetryOptions;
  /** The bot's identity when known: skips `auth.test` (otherwise called once by `app.init()`). */
  identity?: { botId: string; botUserId: string };
  /** Socket Mode: reconnect after a dropped connection (default true). */
  autoReconnect?: boolean;
  /** HTTP mode: the signatures accepted (see `GateOptions.seen`). */
  seenSignatures?: SeenKeys;
}

/**
 * Builds the app without contacting Slack: call `app.init()` (runs `auth.test` unless `identity` is given)
 * before `app.start()`; `startSlackApp` does both.
 */
export function createSlackApp(
  config: Pick<Config, 'SLACK_API_URL'> & Partial<Pick<Config, 'SLACK_APP_ID' | 'SLACK_TEAM_ID'>> & { mode: SlackMode },
  answerer: Answerer,
  options: SlackAppOptions = {},
): App {
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? DEFAULT_RETRY,
    timeout: REQUEST_TIMEOUT_MS,
    ...(config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {}),
  };
  const app = new App({
    token: config.mode.botToken,
    receiver: createReceiver(config, clientOptions, options),
    logger,
    logLevel: boltLevel(log.level),
    clientOptions,
    deferInitialization: true,
    ...(options.identity ? { ...options.identity, tokenVerificationEnabled: false } : {}),
  });
  app.error(async (error) => {
    log.error({ err: error, code: error.code }, 'Slack app error');
  });
  registerListeners(app, answerer, options);
  return app;
}

function createReceiver(
  { mode, SLACK_APP_ID: appId, SLACK_TEAM_ID: teamId }: Parameters<typeof createSlackApp>[0],
  clientOptions: webApi.WebClientOptions,
  options: SlackAppOptions,
): Receiver {
  const logger = boltLogger(log, mode.kind === 'http' ? 'slack-http' : 'slack-socket');
  if (mode.kind === 'http') {
    return new SlackHttpReceiver(
      { signingSecret: mode.signingSecret, endpoints: '/slack/events', logger, signatureVerification: true },
      { appId, teamId, ...(options.seenSignatures ? { seen: options.seenSignatures } : {}) },
    );
  }
  return new SocketModeReceiver({
    appToken: mode.appToken,
    logger,
    autoReconnectEnabled: options.autoReconnect ?? true,
    // The Socket Mode client calls apps.connections.open with its own Web API client, configured from here.
    installerOptions: { clientOptions: { ...clientOptions } },
  });
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
