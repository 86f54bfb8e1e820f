/** Entry point: Socket Mode, HTTP, or the local console, chosen from the configuration. */
import { runMain, configOrExit } from './cli/run.ts';
import { runConsole } from './console.ts';
import { createContext } from './context.ts';
import { log } from './log.ts';
import { startSlackApp } from './slack/start.ts';

runMain(async () => {
  const config = configOrExit();
  const { mode } = config;
  log.info({ mode: mode.kind, corpusDir: config.corpusDir }, `starting in ${mode.kind} mode`);
  const ctx = createContext(config);
  if (mode.kind === 'console') {
    await runConsole(ctx);
    return;
  }
  const running = await startSlackApp({ ...config, mode }, ctx);
  log.info(
    { mode: running.mode, port: running.port },
    running.port === null
      ? 'Dealdesk is connected to Slack (Socket Mode)'
      : `Dealdesk is listening for Slack on http://${config.HOST}:${running.port}/slack/events`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'stopping');
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'could not stop cleanly');
          process.exit(1);
        },
      );
    });
  }
});
