/** The state store contract (store-contract.ts), run against the JSON-file store and against PostgreSQL. */
import { afterAll, describe, it } from 'vitest';
import { FileStateStore } from '../../src/state/file-store.ts';
import { PgStateStore } from '../../src/state/pg-store.ts';
import { tempDir } from '../helpers/corpus.ts';
import { freshDatabase, NO_DATABASE, TEST_DATABASE_URL, type TestDatabase } from '../helpers/postgres.ts';
import { describeStateStore } from './store-contract.ts';

describeStateStore('FileStateStore', { place: async () => tempDir('dealdesk-state-'), open: (dir) => new FileStateStore(dir) });

if (TEST_DATABASE_URL) {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((db) => db.drop())));
  describeStateStore('PgStateStore', {
    place: async () => {
      const db = await freshDatabase();
      databases.push(db);
      return db.url;
    },
    open: (url) => new PgStateStore(url, { poolSize: 2 }),
    close: (store) => (store as PgStateStore).close(),
  });
} else describe.skip(`PgStateStore: the state store contract — ${NO_DATABASE}`, () => it('runs against a real PostgreSQL server', () => {}));
