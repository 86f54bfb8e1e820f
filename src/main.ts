/** Entry point: Socket Mode, HTTP, or the local console, chosen from the configuration. */
import { runMain, configOrExit } from './cli/run.ts';
import { runConsole } from './console.ts';
import { createContext } from './context.ts';
import { log } from './log.ts';

runMain(async () => {
  const config = configOrExit();
  log.info({ mode: config.mode.kind, corpusDir: config.corpusDir }, `starting in ${config.mode.kind} mode`);
  const ctx = createContext(config);
  if (config.mode.kind === 'console') {
    await runConsole(ctx);
    return;
  }
  throw new Error(`${config.mode.kind} mode is not available yet`);
});
