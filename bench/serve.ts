/**
 * The app under load: Dealdesk in HTTP mode on 127.0.0.1 (random port), its engine thread serving the corpus
 * from a snapshot, as `npm start` runs it.
 * Started by `bench/load.ts` as `node --import tsx bench/serve.ts <options json>`; prints `{"port":…}` on
 * stdout once it accepts requests, and runs until it is sent SIGTERM.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EngineThread } from '../src/app/engine-thread.ts';
import { DIGEST_DEFAULTS } from '../src/config.ts';
import { startSlackApp } from '../src/slack/start.ts';

export interface ServeOptions {
  snapshot: string;
  fingerprint: string;
  signingSecret: string;
  /** The fake Slack Web API (`http://127.0.0.1:…/api/`). */
  apiUrl: string;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]!) as ServeOptions;
  // As in production: the corpus and the answers on the engine thread, Slack on this one.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dealdesk-bench-'));
  const engine = await EngineThread.start(
    {
      config: { corpusDir: dataDir, indexDir: dataDir, dataDir, entitiesFile: null, DIGEST_TIME: DIGEST_DEFAULTS.time, DIGEST_TZ: DIGEST_DEFAULTS.timeZone, FEEDS: [], INGEST_INTERVAL_S: 300, DIGEST_GRACE_HOURS: 6 },
      snapshot: { file: options.snapshot, fingerprint: options.fingerprint },
    },
    { post: async () => {} },
  );
  const running = await startSlackApp(
    { SLACK_API_URL: options.apiUrl, HOST: '127.0.0.1', mode: { kind: 'http', botToken: 'xoxb-bench', signingSecret: options.signingSecret, port: 0 } },
    engine,
    { identity: { botId: 'BBENCH', botUserId: 'UBENCH' }, retryConfig: { retries: 0 } },
  );
  process.stdout.write(`${JSON.stringify({ port: running.port })}\n`);
  process.once('SIGTERM', () => {
    Promise.all([running.stop(), engine.stop()]).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
