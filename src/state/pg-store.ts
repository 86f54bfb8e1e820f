/**
 * The state in PostgreSQL (`DATABASE_URL`), for several processes on one workspace: every change is one
 * statement or one transaction on rows, never a read-modify-write of a whole document, so concurrent writers
 * lose nothing. The well-kept `pg` driver, pooled.
 *
 * The schema is migrated when the store is first used (`ready`): under a transaction-level advisory lock, so
 * that replicas starting together migrate once and the others wait for it. `ready` is also where a bad
 * `DATABASE_URL` shows (`describeDatabaseError` turns it into one line for the operator).
 */
import pg from 'pg';
import type { CorrectionEntry, FeedbackRecord, NewCorrection } from './feedback.ts';
import type { SeenKeys } from './seen-keys.ts';
import { MIGRATIONS } from './pg-migrations.ts';
import { EMPTY_DIGEST_LOG, StateUnavailableError, type DigestLog, type DigestOutcome, type IngestRecord, type StateStore, type Subscription } from './types.ts';
import { ALERT_MEMORY_DAYS, type Alert, type Watch, type WatchFilter } from './watches.ts';

/** The advisory lock migrations take (any fixed number; this one spells "dealdesk" in hex-ish). */
const MIGRATION_LOCK = 0x0dea1de5;
/** The advisory lock the ingesting process holds (the ingestion lease). */
const INGEST_LOCK = 0x0dea1de6;
/** Expired seen keys are deleted after this many asks. */
const SEEN_CLEANUP_EVERY = 1000;

export interface PgStoreOptions {
  /** Connections in the pool. */
  poolSize?: number;
}

export class PgStateStore implements StateStore {
  readonly shared = true;
  private readonly pool: pg.Pool;
  private migrated: Promise<void> | null = null;
  private seenSinceCleanup = 0;
  /** The connection that holds the ingestion lease, while this process holds it. */
  private lease: pg.Client | null = null;

  constructor(
    private readonly url: string,
    { poolSize = 5 }: PgStoreOptions = {},
  ) {
    // Idle connections never keep the process alive (`ask` ends when its answer is printed).
    this.pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, allowExitOnIdle: true });
    // An idle connection that breaks (the server restarted) is dropped by the pool; without a listener the
    // error would end the process.
    this.pool.on('error', () => {});
  }

  /** Connects and brings the schema up to date, once; rejects with the database's error when it cannot. */
  ready(): Promise<void> {
    this.migrated ??= this.migrate().catch((error: unknown) => {
      this.migrated = null; // the next call tries again (the database may be back)
      throw error;
    });
    return this.migrated;
  }

  async close(): Promise<void> {
    await this.lease?.end().catch(() => {});
    this.lease = null;
    await this.pool.end();
  }

  /**
   * The lease is a session-level advisory lock held on a connection of its own: it lasts as long as that
   * connection, so when the process dies (even by kill -9) the server drops it and the next process to ask
   * gets it. Asked on every poll, a connection that broke is noticed and the lease asked for again.
   */
  async holdIngestLease(): Promise<boolean> {
    await this.ready();
    if (this.lease) {
      try {
        await this.lease.query('select 1');
        return true;
      } catch {
        await this.lease.end().catch(() => {});
        this.lease = null;
      }
    }
    // Timeouts and keep-alive: a half-open connection must end the ask, not hang the poller.
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000, query_timeout: 5000, keepAlive: true });
    client.on('error', () => {}); // a broken connection shows at the next ask
    try {
      await client.connect();
      const { rows } = await client.query<{ held: boolean }>('select pg_try_advisory_lock($1) as held', [INGEST_LOCK]);
      if (rows[0]?.held) {
        this.lease = client;
        return true;
      }
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    await client.end();
    return false;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())');
      const { rows } = await client.query<{ version: number }>('select version from schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query('insert into schema_migrations (version) values ($1)', [migration.version]);
      }
    });
  }

  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
    return this.available(async () => (await this.pool.query<R>(sql, values)).rows);
  }

  /** Runs `work` once the schema is ready; a lost connection becomes a `StateUnavailableError`, as for every method. */
  private async available<T>(work: () => Promise<T>): Promise<T> {
    try {
      await this.ready();
      return await work();
    } catch (error) {
      throw isConnectionLoss(error) ? new StateUnavailableError(error) : error;
    }
  }

  // Deliveries seen

  /**
   * True the first time any process asks about `key` within `ttlMs` (and records it): one INSERT that also
   * takes over an expired key, so of processes asking at once exactly one gets true. Expired keys are
   * cleared now and then.
   */
  async firstSeen(key: string, ttlMs: number, now = new Date()): Promise<boolean> {
    const rows = await this.query(
      `insert into seen_keys (key, expires_at) values ($1, $2)
       on conflict (key) do update set expires_at = excluded.expires_at where seen_keys.expires_at <= $3
       returning key`,
      [key, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString()],
    );
    if (++this.seenSinceCleanup >= SEEN_CLEANUP_EVERY) {
      this.seenSinceCleanup = 0;
      await this.query('delete from seen_keys where expires_at <= $1', [now.toISOString()]);
    }
    return rows.length === 1;
  }

  /** The deliveries seen as `SeenKeys`, each remembered for `ttlMs`. */
  seenKeys(ttlMs: number): SeenKeys {
    return { firstTime: (key) => this.firstSeen(key, ttlMs) };
  }

  // Subscriptions and digest logs

  async listSubscriptions(): Promise<Subscription[]> {
    return (await this.query<SubscriptionRow>('select * from subscriptions order by channel')).map(subscriptionOf);
  }

  async getSubscription(channel: string): Promise<Subscription | null> {
    const [row] = await this.query<SubscriptionRow>('select * from subscriptions where channel = $1', [channel]);
    return row ? subscriptionOf(row) : null;
  }

  async putSubscription(s: Subscription): Promise<void> {
    await this.query(
      `insert into subscriptions (channel, time, time_zone, quiet, active, disabled_reason, disabled_at, active_since)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (channel) do update set time = excluded.time, time_zone = excluded.time_zone, quiet = excluded.quiet,
         active = excluded.active, disabled_reason = excluded.disabled_reason, disabled_at = excluded.disabled_at,
         active_since = excluded.active_since`,
      [s.channel, s.time, s.timeZone, s.quiet, s.active, s.disabledReason, s.disabledAt ?? null, s.activeSince],
    );
  }

  async getDigestLog(channel: string): Promise<DigestLog> {
    const [row] = await this.query<DigestLogRow>('select * from digest_logs where channel = $1', [channel]);
    if (!row) return { ...EMPTY_DIGEST_LOG, skippedSlots: [] };
    return { lastSlot: row.last_slot, lastOutcome: row.last_outcome, lastSentAt: row.last_sent_at, coveredUntil: row.covered_until, skippedSlots: row.skipped_slots, ...(row.claimed_at ? { claimedAt: row.claimed_at, claimedBy: row.claimed_by } : {}) };
  }

  async putDigestLog(channel: string, log: DigestLog): Promise<void> {
    await this.query(
      `insert into digest_logs (channel, last_slot, last_outcome, last_sent_at, covered_until, skipped_slots, claimed_at, claimed_by) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (channel) do update set last_slot = excluded.last_slot, last_outcome = excluded.last_outcome,
         last_sent_at = excluded.last_sent_at, covered_until = excluded.covered_until, skipped_slots = excluded.skipped_slots,
         claimed_at = excluded.claimed_at, claimed_by = excluded.claimed_by`,
      [channel, log.lastSlot, log.lastOutcome, log.lastSentAt, log.coveredUntil, JSON.stringify(log.skippedSlots), log.claimedAt ?? null, log.claimedBy ?? null],
    );
  }

  /**
   * A compare-and-set in one UPDATE: PostgreSQL re-checks its WHERE on the row as it is once locked, so of
   * processes racing for the same change one updates a row and the others none.
   */
  async swapDigestLog(channel: string, expected: DigestLog, next: DigestLog): Promise<boolean> {
    await this.query('insert into digest_logs (channel) values ($1) on conflict (channel) do nothing', [channel]);
    const rows = await this.query(
      `update digest_logs set last_slot = $6, last_outcome = $7, last_sent_at = $8, covered_until = $9, skipped_slots = $10, claimed_at = $11, claimed_by = $12
       where channel = $1 and last_slot is not distinct from $2 and last_outcome is not distinct from $3
         and claimed_at is not distinct from $4 and claimed_by is not distinct from $5
       returning channel`,
      [
        channel, expected.lastSlot, expected.lastOutcome, expected.claimedAt ?? null, expected.claimedBy ?? null,
        next.lastSlot, next.lastOutcome, next.lastSentAt, next.coveredUntil, JSON.stringify(next.skippedSlots), next.claimedAt ?? null, next.claimedBy ?? null,
      ],
    );
    return rows.length === 1;
  }

  // Arrivals

  async listIngested(): Promise<IngestRecord[]> {
    const rows = await this.query<IngestRow>('select article, url, text_hash, source, arrived_at from ingested order by seq');
    return rows.map((r) => ({ article: r.article, url: r.url, textHash: r.text_hash, source: r.source, arrivedAt: r.arrived_at }));
  }

  async recordIngested(records: IngestRecord[]): Promise<void> {
    if (records.length === 0) return;
    // One statement for the batch, in order; an article already recorded keeps its first arrival.
    await this.query(
      `insert into ingested (article, url, text_hash, source, arrived_at)
       select article, url, text_hash, source, arrived_at
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) with ordinality as r(article, url, text_hash, source, arrived_at, n)
       order by n
       on conflict (article) do nothing`,
      [records.map((r) => r.article), records.map((r) => r.url), records.map((r) => r.textHash), records.map((r) => r.source), records.map((r) => r.arrivedAt)],
    );
  }

  // Watches and alerts

  async listWatches(): Promise<Watch[]> {
    return (await this.query<WatchRow>('select * from watches order by id')).map(watchOf);
  }

  async addWatch(w: Omit<Watch, 'id'>): Promise<Watch> {
    const [row] = await this.query<WatchRow>(
      `insert into watches (channel, user_id, query, filter, created_at, active, checked_until) values ($1, $2, $3, $4, $5, $6, $7) returning *`,
      [w.channel, w.user, w.query, JSON.stringify(w.filter), w.createdAt, w.active, w.checkedUntil],
    );
    return watchOf(row!);
  }

  async putWatch(w: Watch): Promise<void> {
    const rows = await this.query(
      `update watches set channel = $2, user_id = $3, query = $4, filter = $5, created_at = $6, active = $7, checked_until = $8 where id = $1 returning id`,
      [w.id, w.channel, w.user, w.query, JSON.stringify(w.filter), w.createdAt, w.active, w.checkedUntil],
    );
    if (rows.length === 0) throw new Error(`no entry ${w.id} to replace`);
  }

  async claimWatch(id: number, checkedUntil: string, by: string, at: string, staleBefore: string): Promise<boolean> {
    const rows = await this.query(
      `update watches set claimed_at = $4, claimed_by = $3
       where id = $1 and checked_until = $2 and (claimed_at is null or claimed_at < $5) returning id`,
      [id, checkedUntil, by, at, staleBefore],
    );
    return rows.length === 1;
  }

  async finishWatchCheck(id: number, by: string, checkedUntil: string): Promise<void> {
    await this.query('update watches set checked_until = $3, claimed_at = null, claimed_by = null where id = $1 and claimed_by = $2', [id, by, checkedUntil]);
  }

  async listAlerts(): Promise<Alert[]> {
    return (await this.query<AlertRow>('select * from alerts order by id')).map(alertOf);
  }

  /** Adds the alert, forgetting those older than `ALERT_MEMORY_DAYS` before it (as the file store does). */
  async addAlert(a: Omit<Alert, 'id'>): Promise<Alert> {
    return this.available(() => this.transaction(async (client) => {
      const forgetBefore = new Date(Date.parse(a.at) - ALERT_MEMORY_DAYS * 86_400_000).toISOString();
      await client.query('delete from alerts where at < $1', [forgetBefore]);
      const { rows } = await client.query<AlertRow>(
        `insert into alerts (watch_id, channel, at, ts, kind, fact, articles) values ($1, $2, $3, $4, $5, $6, $7) returning *`,
        [a.watchId, a.channel, a.at, a.ts, a.kind, JSON.stringify(a.fact), JSON.stringify(a.articles)],
      );
      return alertOf(rows[0]!);
    }));
  }

  async putAlert(a: Alert): Promise<void> {
    const rows = await this.query(
      `update alerts set watch_id = $2, channel = $3, at = $4, ts = $5, kind = $6, fact = $7, articles = $8 where id = $1 returning id`,
      [a.id, a.watchId, a.channel, a.at, a.ts, a.kind, JSON.stringify(a.fact), JSON.stringify(a.articles)],
    );
    if (rows.length === 0) throw new Error(`no entry ${a.id} to replace`);
  }

  // Feedback and corrections

  async recordFeedback(record: FeedbackRecord): Promise<void> {
    await this.query('insert into feedback (record) values ($1)', [JSON.stringify(record)]);
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    return (await this.query<{ record: FeedbackRecord }>('select record from feedback order by seq')).map((r) => r.record);
  }

  async appendCorrection(entry: NewCorrection): Promise<CorrectionEntry> {
    const [row] = await this.query<{ number: number }>('insert into corrections (entry) values ($1) returning number', [JSON.stringify(entry)]);
    return { ...entry, number: row!.number };
  }

  async listCorrections(): Promise<CorrectionEntry[]> {
    const rows = await this.query<{ number: number; entry: NewCorrection }>('select number, entry from corrections order by number');
    return rows.map((r) => ({ ...r.entry, number: r.number }));
  }
}

/** Network errors, and the server's "connection failure" and "shutting down" classes (08, 57P). */
function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : '';
  return /^(?:ECONN|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE)/.test(code) || /^(?:08|57P)/.test(code) || /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

interface SubscriptionRow {
  channel: string;
  time: string;
  time_zone: string;
  quiet: boolean;
  active: boolean;
  disabled_reason: string | null;
  disabled_at: string | null;
  active_since: string;
}

function subscriptionOf(r: SubscriptionRow): Subscription {
  return { channel: r.channel, time: r.time, timeZone: r.time_zone, quiet: r.quiet, active: r.active, disabledReason: r.disabled_reason, disabledAt: r.disabled_at, activeSince: r.active_since };
}

interface DigestLogRow {
  last_slot: string | null;
  last_outcome: DigestOutcome | null;
  last_sent_at: string | null;
  covered_until: string | null;
  skipped_slots: string[];
  claimed_at: string | null;
  claimed_by: string | null;
}

interface IngestRow {
  article: string;
  url: string | null;
  text_hash: string | null;
  source: string;
  arrived_at: string;
}

interface WatchRow {
  id: number;
  channel: string;
  user_id: string | null;
  query: string;
  filter: WatchFilter;
  created_at: string;
  active: boolean;
  checked_until: string;
  claimed_at: string | null;
  claimed_by: string | null;
}

function watchOf(r: WatchRow): Watch {
  const claim = r.claimed_at ? { claimedAt: r.claimed_at, claimedBy: r.claimed_by } : {};
  return { id: r.id, channel: r.channel, user: r.user_id, query: r.query, filter: r.filter, createdAt: r.created_at, active: r.active, checkedUntil: r.checked_until, ...claim };
}

interface AlertRow {
  id: number;
  watch_id: number;
  channel: string;
  at: string;
  ts: string | null;
  kind: Alert['kind'];
  fact: Record<string, unknown>;
  articles: string[];
}

function alertOf(r: AlertRow): Alert {
  return { id: r.id, watchId: r.watch_id, channel: r.channel, at: r.at, ts: r.ts, kind: r.kind, fact: r.fact, articles: r.articles };
}
