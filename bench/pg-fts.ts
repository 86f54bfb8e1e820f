/**
 * PostgreSQL full-text search on the benchmark's corpus, for the plan past one machine (README, "At a million
 * articles"): the same generated articles and the same /news queries as `npm run bench`, in a table with a
 * `tsvector` column and a GIN index, queried the way raw MiniSearch is (any word, best 10 by rank).
 *
 *   npx tsx bench/pg-fts.ts <database url> [size=100000] [queries=1000]
 *
 * The database must be empty or throwaway: the table `bench_articles` is made (kept when it already holds
 * `size` articles, so that a second run measures the queries alone). Prints one JSON line: load (insert) and
 * index times, the table and index sizes, and query percentiles for any word (OR, as raw MiniSearch) and for
 * every word (AND).
 */
import pg from 'pg';
import { generateArticle, generateQueries } from './generate.ts';
import { nowMs, percentiles, round } from './stats.ts';

const [url, sizeArg = '100000', queriesArg = '1000'] = process.argv.slice(2);
if (!url) {
  process.stderr.write('Usage: npx tsx bench/pg-fts.ts <database url> [size] [queries]\n');
  process.exit(2);
}
const size = Number(sizeArg);
const SEED = 20260214;
const BATCH = 500;

const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows: existing } = await client.query<{ n: string }>("select count(*) as n from information_schema.tables where table_name = 'bench_articles'");
const reuse = existing[0]!.n !== '0' && Number((await client.query<{ n: string }>('select count(*) as n from bench_articles')).rows[0]!.n) === size;
if (!reuse) {
  await client.query('drop table if exists bench_articles');
  // `simple`: no stemming or stop words of one language, as the corpus is German and English.
  await client.query('create table bench_articles (id integer primary key, title text not null, body text not null, search tsvector)');
}

const loadStarted = nowMs();
for (let first = 0; first < (reuse ? 0 : size); first += BATCH) {
  const ids: number[] = [];
  const titles: string[] = [];
  const bodies: string[] = [];
  for (let i = first; i < Math.min(size, first + BATCH); i++) {
    const { file, meta } = generateArticle(SEED, i);
    ids.push(i);
    titles.push(meta.title ?? '');
    bodies.push(file.raw);
  }
  await client.query(
    `insert into bench_articles (id, title, body, search)
     select id, title, body, setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)
     from unnest($1::int[], $2::text[], $3::text[]) as t(id, title, body)`,
    [ids, titles, bodies],
  );
}
const loaded = nowMs();
if (!reuse) {
  await client.query('create index bench_articles_search on bench_articles using gin (search)');
  await client.query('analyze bench_articles');
}
const indexed = nowMs();
const { rows: sizes } = await client.query<{ table_mb: string; index_mb: string }>(
  `select round(pg_total_relation_size('bench_articles') / 1048576.0, 1) as table_mb, round(pg_relation_size('bench_articles_search') / 1048576.0, 1) as index_mb`,
);

/** A query's words as `simple` lexemes joined by `op`: `|` any word (raw MiniSearch's default), `&` every word. */
function tsQuery(text: string, op: '|' | '&'): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `'${w}'`).join(` ${op} `) : null;
}

const queries = generateQueries(SEED, Number(queriesArg)).news;
const search = (op: '|' | '&') => async (q: string) => {
  const tsquery = tsQuery(q, op);
  if (!tsquery) return;
  await client.query(
    `select id, ts_rank_cd(search, query) as rank from bench_articles, to_tsquery('simple', $1) query
     where search @@ query order by rank desc limit 10`,
    [tsquery],
  );
};
async function time(run: (q: string) => Promise<void>) {
  for (const q of queries.slice(0, 20)) await run(q);
  const samples: number[] = [];
  for (const q of queries) {
    const started = nowMs();
    await run(q);
    samples.push(nowMs() - started);
  }
  return percentiles(samples);
}
const any = await time(search('|'));
const every = await time(search('&'));
await client.end();
process.stdout.write(
  `${JSON.stringify({
    size,
    load_ms: reuse ? null : round(loaded - loadStarted),
    index_ms: reuse ? null : round(indexed - loaded),
    build_per_s: reuse ? null : round((size / (indexed - loadStarted)) * 1000, 1),
    table_mb: Number(sizes[0]!.table_mb),
    index_mb: Number(sizes[0]!.index_mb),
    news_any: any,
    news_every: every,
  })}\n`,
);
