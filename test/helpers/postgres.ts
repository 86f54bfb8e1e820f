/**
 * A real PostgreSQL server for the tests that need one: `TEST_DATABASE_URL` names a role that may create
 * databases (CI starts the Debian server and sets it; see .ci/run). Each suite gets a fresh database of its
 * own, dropped afterwards. Without the variable those suites are skipped, and say so.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** The name of a skipped suite, so that the report shows why. */
export const NO_DATABASE = 'skipped: TEST_DATABASE_URL is not set (CI starts PostgreSQL and sets it; see .ci/run)';

if (!TEST_DATABASE_URL) console.warn(`PostgreSQL tests ${NO_DATABASE}`);

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server. */
export async function freshDatabase(): Promise<TestDatabase> {
  const name = `dealdesk_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
