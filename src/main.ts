/** Entry point: Socket Mode, HTTP, or the local console, chosen from the configuration. */
import { renderText } from './answer/text.ts';
import { runMain, configOrExit, databaseOrExit, lockDataDirOrExit } from './cli/run.ts';
import { runConsole } from './console.ts';
import { exportsDir, saveAnswerFile, savedLine } from './cli/answer-file.ts';
import { createContext } from './app/create-context.ts';
import { startBackgroundJobs } from './app/background.ts';
import { log } from './log.ts';
import { postAnswer } from './slack/post-answer.ts';
import { startSlackApp } from './slack/start.ts';
import { PgStateStore } from './state/pg-store.ts';
import { failOpen } from './slack/listeners/dedupe.ts';

/** How long processes sharing a database remember a request's signature (it is valid for five minutes either way) and an event. */
const SIGNATURE_MEMORY_MS = 10 * 60_000;
const EVENT_MEMORY_MS = 60 * 60_000;
import { EngineThread } from './app/engine-thread.ts';
import { engineConfigOf } from './app/engine-protocol.ts';
import type { App } from '@slack/bolt';

runMain(async () => {
  const config = configOrExit();
  const { mode } = config;
  // One process per data folder: the state files are not made for two writers. With a database, any number
  // of processes share the state; its problems end the start here, in one line.
  if (config.DATABASE_URL) await databaseOrExit(config);
  else lockDataDirOrExit(config.dataDir);
  log.info({ mode: mode.kind, corpusDir: config.corpusDir }, `starting in ${mode.kind} mode`);
  if (mode.kind === 'console') {
    const ctx = createContext(config);
    // In the console the "channel" is the terminal: a due digest is printed there.
    const jobs = await startBackgroundJobs({
      config,
      ctx,
      store: ctx.store,
      post: async (_channel, answer, { threadTs } = {}) => {
        // A reply in an alert's thread reads as one, indented under it.
        process.stdout.write(`${threadTs ? renderText(answer).replace(/^/gm, '  ↳ ') : renderText(answer)}\n`);
        if (answer.file) process.stdout.write(`${savedLine(saveAnswerFile(answer.file, exportsDir(config.dataDir)))}\n`);
      },
    });
    await runConsole(ctx, process.stdin, process.stdout, exportsDir(config.dataDir));
    await jobs.stop();
    await ctx.store.close();
    return;
  }
  // The corpus, the answers and the background jobs run on the engine thread; this one talks to Slack.
  let client: App['client'] | null = null;
  const engine = await EngineThread.start(
    { config: engineConfigOf(config) },
    {
      // Digests go out through the Web API client, which retries rate-limited (429) calls itself.
      post: async (channel, answer, { threadTs } = {}) => {
        if (!client) throw new Error('not connected to Slack yet');
        return postAnswer(client, channel, answer, threadTs);
      },
      heapMb: config.ENGINE_HEAP_MB,
    },
  );
  // With a database shared by several processes, Slack's retries and replays are recognised by all of them.
  const shared = config.DATABASE_URL ? new PgStateStore(config.DATABASE_URL, { poolSize: 2 }) : null;
  const running = await startSlackApp({ ...config, mode }, engine, shared ? { seenSignatures: failOpen(shared.seenKeys(SIGNATURE_MEMORY_MS)), seen: failOpen(shared.seenKeys(EVENT_MEMORY_MS)) } : {});
  client = running.app.client;
  engine.startJobs();
  log.info(
    { mode: running.mode, port: running.port },
    running.port === null
      ? 'Dealdesk is connected to Slack (Socket Mode)'
      : `Dealdesk is listening for Slack on http://${config.HOST}:${running.port}/slack/events`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'stopping');
      Promise.all([engine.stop(), running.stop()]).then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'could not stop cleanly');
          process.exit(1);
        },
      );
    });
  }
});

