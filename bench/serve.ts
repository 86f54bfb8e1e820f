/**
 * The app under load: Dealdesk in HTTP mode on 127.0.0.1 (random port), serving the corpus from a snapshot.
 * Started by `bench/load.ts` as `node --import tsx bench/serve.ts <options json>`; prints `{"port":…}` on
 * stdout once it accepts requests, and runs until it is sent SIGTERM.
 */
import { readSnapshot } from '../src/search/load-corpus.ts';
import { startSlackApp } from '../src/slack/start.ts';
import { benchContext } from './context.ts';

export interface ServeOptions {
  snapshot: string;
  fingerprint: string;
  signingSecret: string;
  /** The fake Slack Web API (`http://127.0.0.1:…/api/`). */
  apiUrl: string;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]!) as ServeOptions;
  const corpus = readSnapshot(options.snapshot, options.fingerprint);
  const ctx = benchContext(corpus);
  const running = await startSlackApp(
    { SLACK_API_URL: options.apiUrl, HOST: '127.0.0.1', mode: { kind: 'http', botToken: 'xoxb-bench', signingSecret: options.signingSecret, port: 0 } },
    ctx,
    { identity: { botId: 'BBENCH', botUserId: 'UBENCH' }, retryConfig: { retries: 0 } },
  );
  process.stdout.write(`${JSON.stringify({ port: running.port })}\n`);
  process.once('SIGTERM', () => {
    running.stop().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
