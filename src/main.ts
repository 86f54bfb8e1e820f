/** Entry point: Socket Mode, HTTP, or the local console, chosen from the configuration. */
import { renderBlocks } from './answer/blocks.ts';
import { renderText } from './answer/text.ts';
import { runMain, configOrExit } from './cli/run.ts';
import { runConsole } from './console.ts';
import { createContext } from './app/create-context.ts';
import { startBackgroundJobs } from './app/background.ts';
import { log } from './log.ts';
import { startSlackApp } from './slack/start.ts';

runMain(async () => {
  const config = configOrExit();
  const { mode } = config;
  log.info({ mode: mode.kind, corpusDir: config.corpusDir }, `starting in ${mode.kind} mode`);
  const ctx = createContext(config);
  if (mode.kind === 'console') {
    // In the console the "channel" is the terminal: a due digest is printed there.
    const jobs = await startBackgroundJobs({ config, ctx, post: async (_channel, answer) => void process.stdout.write(`${renderText(answer)}\n`) });
    await runConsole(ctx);
    await jobs.stop();
    return;
  }
  const running = await startSlackApp({ ...config, mode }, ctx);
  // Digests go out through the Web API client, which retries rate-limited (429) calls itself.
  const jobs = await startBackgroundJobs({
    config,
    ctx,
    post: (channel, answer) => running.app.client.chat.postMessage({ channel, ...renderBlocks(answer) }),
  });
  log.info(
    { mode: running.mode, port: running.port },
    running.port === null
      ? 'Dealdesk is connected to Slack (Socket Mode)'
      : `Dealdesk is listening for Slack on http://${config.HOST}:${running.port}/slack/events`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'stopping');
      Promise.all([jobs.stop(), running.stop()]).then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'could not stop cleanly');
          process.exit(1);
        },
      );
    });
  }
});
