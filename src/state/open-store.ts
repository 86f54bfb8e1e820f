/**
 * Which state store a process uses: PostgreSQL when DATABASE_URL is set (several processes on one
 * workspace), else the JSON files in DATA_DIR (one process; nothing to install). And what a failing
 * database means, in one line for whoever runs the bot.
 */
import type { Config } from '../config.ts';
import { scrubSecrets } from '../log.ts';
import { FileStateStore } from './file-store.ts';
import { PgStateStore } from './pg-store.ts';
import type { StateStore } from './types.ts';

export type StoreConfig = Pick<Config, 'dataDir'> & Partial<Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>>;

export function stateStoreFor(config: StoreConfig): StateStore {
  return config.DATABASE_URL ? new PgStateStore(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE }) : new FileStateStore(config.dataDir);
}

/** Errors of the network: the server cannot be reached at all. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

/**
 * A database error as one line that names the problem and what to check, without the password: the server
 * unreachable, the login refused, the database missing, the user without the right to create the tables.
 */
export function describeDatabaseError(error: unknown, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'DATABASE_URL is not a URL the database driver can read: write it as postgres://user:password@host:5432/database.';
  }
  const { hostname, port, username, pathname } = parsed;
  const where = `${hostname}:${port || 5432}`;
  const database = decodeURIComponent(pathname.slice(1)) || username;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (UNREACHABLE.has(code) || /timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
    return `Cannot reach the database server at ${where}${code ? ` (${code})` : ''}: is PostgreSQL running there, and is DATABASE_URL right?`;
  }
  if (code === '28P01' || code === '28000') return `The database at ${where} refused the login of user “${username}”: check the password and the user in DATABASE_URL.`;
  if (code === '3D000') return `The database “${database}” does not exist on ${where}: create it (createdb ${database}) or fix DATABASE_URL.`;
  if (code === '42501') return `The database user “${username}” may not create Dealdesk's tables in “${database}”: grant it CREATE on schema public, or start once as the owner.`;
  return `The database at ${where} failed: ${scrubSecrets(message)}`;
}
