import path from 'node:path';
import { z } from 'zod';

/** How the app talks to its users, derived from which Slack credentials are set. */
export type Mode =
  | { kind: 'console' }
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string; port: number };

const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** `/digest on` without a time or zone: DIGEST_TIME and DIGEST_TZ, unless set. */
export const DIGEST_DEFAULTS = { time: '08:00', timeZone: 'Europe/Berlin' } as const;

/** A time of day, `HH:MM` on the 24-hour clock: DIGEST_TIME, and each stored subscription's time. */
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const envSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('seeds'),
  INDEX_DIR: z.string().min(1).default('index'),
  DATA_DIR: z.string().min(1).default('data'),
  /** The entity list (companies, funds, people, aliases); unset: the bundled `src/extract/entities.yml`. */
  ENTITIES_FILE: optionalSecret,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` forces human-readable logs; by default they are JSON unless stderr is a TTY. */
  LOG_FORMAT: z.enum(['json', 'pretty', 'auto']).default('auto'),
  SLACK_BOT_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_APP_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_SIGNING_SECRET: optionalSecret,
  /** This app's id (A…) and its workspace's (T…): when set, HTTP requests for another app or workspace are refused. */
  SLACK_APP_ID: z.string().trim().regex(/^A[A-Z0-9]+$/, 'must be an app id such as A0123ABCD').optional(),
  SLACK_TEAM_ID: z.string().trim().regex(/^[TE][A-Z0-9]+$/, 'must be a workspace id such as T0123ABCD').optional(),
  /** Web API base URL, e.g. `http://127.0.0.1:4000/api/` for a local fake Slack or an enterprise proxy. */
  SLACK_API_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Default digest time and zone for `/digest on` without arguments. */
  DIGEST_TIME: z.string().regex(LOCAL_TIME, 'must be HH:MM (24 h)').default(DIGEST_DEFAULTS.time),
  DIGEST_TZ: z
    .string()
    .refine((tz) => isValidTimeZone(tz), 'must be an IANA time zone such as Europe/Berlin')
    .default(DIGEST_DEFAULTS.timeZone),
  /** A digest missed while the bot was down is still sent if it is at most this many hours late. */
  DIGEST_GRACE_HOURS: z.coerce.number().min(0).max(48).default(6),
  /** Comma-separated RSS/Atom feed URLs polled for new articles. */
  FEEDS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(z.url())),
  /** The engine thread's heap limit in MB (Slack modes); unset: three quarters of the machine's memory. */
  ENGINE_HEAP_MB: z.coerce.number().int().min(256).optional(),
  /** Seconds between polls of the corpus folder and the feeds. */
  INGEST_INTERVAL_S: z.coerce.number().int().min(5).default(300),
  /**
   * The state in PostgreSQL (`postgres://user:password@host:5432/db`) instead of the JSON files in DATA_DIR:
   * for several processes on one workspace. A secret (it holds a password): never logged.
   */
  DATABASE_URL: optionalSecret.refine((v) => v === undefined || /^postgres(?:ql)?:\/\//.test(v), 'must be a postgres:// URL, e.g. postgres://dealdesk:secret@db.example.org:5432/dealdesk'),
  /** Connections each process keeps to the database. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
});

export type Config = Omit<z.infer<typeof envSchema>, 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET'> & {
  mode: Mode;
  corpusDir: string;
  indexDir: string;
  dataDir: string;
  /** Absolute path of ENTITIES_FILE, or null for the bundled list. */
  entitiesFile: string | null;
};

export class ConfigError extends Error {}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * LOG_LEVEL and LOG_FORMAT for the process-wide logger, which exists before the configuration is validated
 * (a configuration error is itself logged): unknown values fall back to the defaults here, and
 * `loadConfig` then reports them.
 */
export function logSettings(env: NodeJS.ProcessEnv = process.env): { level: Config['LOG_LEVEL']; format: Config['LOG_FORMAT'] } {
  const level = envSchema.shape.LOG_LEVEL.safeParse(env.LOG_LEVEL);
  const format = envSchema.shape.LOG_FORMAT.safeParse(env.LOG_FORMAT);
  return { level: level.success ? level.data : 'info', format: format.success ? format.data : 'auto' };
}

/** Whether LOG_LEVEL was set: one-shot tools stay quiet unless asked. */
export function logLevelChosen(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.LOG_LEVEL);
}

/**
 * Reads and validates the configuration. Throws `ConfigError` with one line naming the bad variable;
 * a partial set of Slack credentials is an error, not a silent fall-back to the console.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Configuration error: ${issue.path.join('.')} ${issue.message}`);
  }
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret, ENTITIES_FILE, ...rest } =
    parsed.data;
  return {
    ...rest,
    mode: chooseMode(botToken, appToken, signingSecret, rest.PORT),
    corpusDir: path.resolve(cwd, rest.CORPUS_DIR),
    indexDir: path.resolve(cwd, rest.INDEX_DIR),
    dataDir: path.resolve(cwd, rest.DATA_DIR),
    entitiesFile: ENTITIES_FILE ? path.resolve(cwd, ENTITIES_FILE) : null,
  };
}

function chooseMode(
  botToken: string | undefined,
  appToken: string | undefined,
  signingSecret: string | undefined,
  port: number,
): Mode {
  if (!botToken && !appToken && !signingSecret) return { kind: 'console' };
  if (!botToken) {
    throw new ConfigError('Configuration error: SLACK_BOT_TOKEN is missing (needed with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)');
  }
  if (appToken) return { kind: 'socket', botToken, appToken };
  if (signingSecret) return { kind: 'http', botToken, signingSecret, port };
  throw new ConfigError(
    'Configuration error: SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP) is',
  );
}
