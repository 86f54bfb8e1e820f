import pino, { type Logger } from 'pino';
import { logSettings } from './config.ts';

/** Paths pino replaces with [redacted]: tokens and secrets must never reach the logs. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'connectionString',
  '*.connectionString',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
];

/** Slack token shapes, scrubbed from free-text messages as a second line of defence. */
const TOKEN_PATTERN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;
/** The password of a database URL (`postgres://user:password@host`). */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)\S*@/gi;

export function scrubSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted]').replace(URL_PASSWORD, '$1[redacted]@');
}

export interface LogOptions {
  level?: string;
  format?: 'json' | 'pretty' | 'auto';
  /** Where JSON logs go; defaults to stderr so stdout stays clean for answers and `--json`. */
  destination?: pino.DestinationStream;
}

/** Scrubs tokens from every string of a log value (errors included, as pino serialises them). */
function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return scrubDeep(pino.stdSerializers.err(value), depth + 1);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

/**
 * A destination that scrubs Slack tokens from each finished JSON line: the last line of defence for tokens
 * in places no redact path names (an error's message and stack, a URL with `?token=`). Token characters
 * need no JSON escaping, so the replacement keeps the line valid JSON.
 */
function scrubbing(destination: pino.DestinationStream): pino.DestinationStream {
  return { write: (line: string) => destination.write(scrubSecrets(line)) };
}

export function createLogger({ level = 'info', format = 'auto', destination }: LogOptions = {}): Logger {
  const pretty = format === 'pretty' || (format === 'auto' && process.stderr.isTTY && !destination);
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: (error: unknown) => scrubDeep(error instanceof Error ? pino.stdSerializers.err(error) : error) },
    formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { destination: 2 } } });
  }
  return pino(options, scrubbing(destination ?? pino.destination(2)));
}

/** The process-wide logger; tests and tools may replace it with `setLogger`. */
export let log: Logger = createLogger(logSettings());

export function setLogger(logger: Logger): void {
  log = logger;
}
