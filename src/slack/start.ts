/** Starts and stops the Slack app; used by main.ts and the end-to-end tests. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { Answerer } from '../app/answerer.ts';
import type { Config } from '../config.ts';
import { createSlackApp, type SlackAppOptions, type SlackMode } from './app.ts';

export interface RunningSlackApp {
  app: App;
  mode: SlackMode['kind'];
  /** The bound HTTP port (useful with PORT=0); null in Socket Mode, which listens on nothing. */
  port: number | null;
  stop(): Promise<void>;
}

/**
 * Verifies the bot token (`auth.test`, unless `options.identity` is given), then connects over Socket Mode
 * or listens on `HOST:PORT` for HTTP. Resolves once requests can be served.
 */
export async function startSlackApp(
  config: Pick<Config, 'SLACK_API_URL' | 'HOST'> & { mode: SlackMode },
  answerer: Answerer,
  options: SlackAppOptions = {},
): Promise<RunningSlackApp> {
  const app = createSlackApp(config, answerer, options);
  await app.init();
  const stop = async () => {
    await app.stop();
  };
  if (config.mode.kind === 'http') {
    const server = (await app.start({ port: config.mode.port, host: config.HOST })) as Server;
    return { app, mode: 'http', port: (server.address() as AddressInfo).port, stop };
  }
  await app.start();
  return { app, mode: 'socket', port: null, stop };
}
