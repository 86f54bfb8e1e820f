import { ConfigError, loadConfig, type Config } from '../config.ts';
import { log } from '../log.ts';
import { DataDirLockedError, lockDataDir } from '../state/data-lock.ts';
import { describeDatabaseError, type StoreConfig } from '../state/open-store.ts';
import { PgStateStore } from '../state/pg-store.ts';

/** Loads the configuration for a command-line entry point; a bad value ends the process with one clear line. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Takes the data folder for this process until it exits (see `data-lock.ts`); if another process has it,
 * ends this one with one clear line.
 */
export function lockDataDirOrExit(dataDir: string): void {
  try {
    const lock = lockDataDir(dataDir);
    process.once('exit', () => lock.release());
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * With DATABASE_URL: connects and migrates the schema before anything else starts; a database that cannot
 * be used ends the process with one line naming the problem (no stack, no password).
 */
export async function databaseOrExit(config: StoreConfig): Promise<void> {
  if (!config.DATABASE_URL) return;
  const store = new PgStateStore(config.DATABASE_URL, { poolSize: 1 });
  try {
    await store.ready();
  } catch (error) {
    process.stderr.write(`${describeDatabaseError(error, config.DATABASE_URL)}\n`);
    process.exit(1);
  } finally {
    await store.close();
  }
}

/** Runs a command-line entry point; an unexpected error is logged with its stack and exits non-zero. */
export function runMain(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      log.error({ err: error }, 'failed');
      process.stderr.write(`Error: ${(error as Error).message}\n`);
      process.exit(1);
    });
}
