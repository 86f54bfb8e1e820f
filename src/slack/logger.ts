/** Bolt, the Web API client and the Socket Mode client log through pino, like the rest of Dealdesk. */
import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/** Bolt's level for a pino level; levels Bolt lacks map to the nearest (trace → debug, fatal/silent → error). */
export function boltLevel(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

/**
 * A Bolt `Logger` that writes to a pino child logger. Pino's level (LOG_LEVEL) decides what is written:
 * `setLevel`, which Bolt calls while constructing the app, is ignored so it cannot override it.
 */
export function boltLogger(parent: Logger, name = 'slack'): BoltLogger {
  let logger = parent.child({ module: name });
  const write =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const err = args.find((arg): arg is Error => arg instanceof Error);
      const message = format(...args.filter((arg) => arg !== err));
      if (err) logger[method]({ err }, message || err.message);
      else logger[method](message);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => boltLevel(logger.level),
    setName: (newName) => {
      logger = parent.child({ module: newName });
    },
  };
}
