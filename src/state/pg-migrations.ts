/**
 * The PostgreSQL schema, as numbered migrations: each runs once, in order, in one transaction with its
 * version recorded (`schema_migrations`). A deployed migration is never edited; a change is a new one.
 *
 * Instants are stored as ISO 8601 text, exactly as the file store keeps them: they sort as text, and a value
 * read back is the value written (no time-zone or precision round trip).
 */
export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      create table subscriptions (
        channel text primary key,
        time text not null,
        time_zone text not null,
        quiet boolean not null,
        active boolean not null,
        disabled_reason text,
        disabled_at text,
        active_since text not null
      );
      create table digest_logs (
        channel text primary key,
        last_slot text,
        last_outcome text,
        last_sent_at text,
        covered_until text,
        skipped_slots jsonb not null default '[]'
      );
      create table ingested (
        seq bigserial unique,
        article text primary key,
        url text,
        text_hash text,
        source text not null,
        arrived_at text not null
      );
      create table watches (
        id serial primary key,
        channel text not null,
        user_id text,
        query text not null,
        filter jsonb not null,
        created_at text not null,
        active boolean not null,
        checked_until text not null
      );
      create table alerts (
        id serial primary key,
        watch_id integer not null,
        channel text not null,
        at text not null,
        ts text,
        kind text not null,
        fact jsonb not null,
        articles jsonb not null
      );
      create index alerts_at on alerts (at);
      create table feedback (
        seq bigserial primary key,
        record jsonb not null
      );
      create table corrections (
        number serial primary key,
        entry jsonb not null
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- A digest being posted: when it was claimed (see StateStore.swapDigestLog).
      alter table digest_logs add column claimed_at text, add column claimed_by text;
      -- A watch being checked: when, by the process checking it (see WatchStore.claimWatch).
      alter table watches add column claimed_at text, add column claimed_by text;
    `,
  },
  {
    version: 3,
    sql: `
      -- Slack deliveries seen by any process (see PgStateStore.firstSeen).
      create table seen_keys (key text primary key, expires_at text not null);
      create index seen_keys_expires on seen_keys (expires_at);
    `,
  },
];
