import pino, { type Logger } from 'pino';

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
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
];

/** Slack token shapes, scrubbed from free-text messages as a second line of defence. */
const TOKEN_PATTERN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;

export function scrubSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted]');
}

export interface LogOptions {
  level?: string;
  format?: 'json' | 'pretty' | 'auto';
  /** Where JSON logs go; defaults to stderr so stdout stays clean for answers and `--json`. */
  destination?: pino.DestinationStream;
}

export function createLogger({ level = 'info', format = 'auto', destination }: LogOptions = {}): Logger {
  const pretty = format === 'pretty' || (format === 'auto' && process.stderr.isTTY && !destination);
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
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
  return pino(options, destination ?? pino.destination(2));
}

/** The process-wide logger; tests and tools may replace it with `setLogger`. */
export let log: Logger = createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: (process.env.LOG_FORMAT as LogOptions['format']) ?? 'auto',
});

export function setLogger(logger: Logger): void {
  log = logger;
}
