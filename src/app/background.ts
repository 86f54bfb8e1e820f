/**
 * The bot's background work: the ingest poller (corpus folder and feeds, every INGEST_INTERVAL_S) and the
 * ticker (every 30 s) that sends watch alerts and due digests. At start-up the corpus folder is scanned first — articles that arrived while
 * the bot was down are recorded — and then missed digests are handled, so those articles are in them.
 */
import type { CommandContext } from '../context.ts';
import type { Config } from '../config.ts';
import { Ingester } from '../ingest/ingester.ts';
import { startIngestPoller } from '../ingest/poller.ts';
import { log } from '../log.ts';
import type { StateStore } from '../state/types.ts';
import type { PostAnswer } from '../answer/model.ts';
import { DigestRunner } from '../digest/runner.ts';
import { AlertRunner } from '../watch/alerts.ts';

export const DIGEST_TICK_MS = 30_000;

export interface BackgroundJobsOptions {
  config: Pick<Config, 'corpusDir' | 'FEEDS' | 'INGEST_INTERVAL_S' | 'DIGEST_GRACE_HOURS'>;
  ctx: Pick<CommandContext, 'corpus'>;
  post: PostAnswer;
  /** The process's state store (the context's). */
  store: StateStore;
  now?: () => Date;
  tickMs?: number;
  /** See `IngesterOptions.settleMs`. */
  settleMs?: number;
}

export interface BackgroundJobs {
  runner: DigestRunner;
  alerts: AlertRunner;
  ingester: Ingester;
  /** Stops both timers and waits for work in progress. */
  stop(): Promise<void>;
}

export async function startBackgroundJobs(options: BackgroundJobsOptions): Promise<BackgroundJobs> {
  const { config, ctx, post } = options;
  const now = options.now ?? (() => new Date());
  const { store } = options;
  const ingester = await Ingester.open({ corpus: ctx.corpus, corpusDir: config.corpusDir, store, now, settleMs: options.settleMs });
  const runner = new DigestRunner({ store, corpus: ctx.corpus, post, graceMs: config.DIGEST_GRACE_HOURS * 3_600_000 });
  const alerts = new AlertRunner({ store, corpus: ctx.corpus, post });

  // Alert checks and digest ticks run one after another, never two at once: a slow post never lets two of
  // them handle the same send time or the same new article.
  let ticking: Promise<void> = Promise.resolve();
  const serially = (job: () => Promise<unknown>) => (ticking = ticking.then(job).then(() => {}, (error: unknown) => log.error({ err: error }, 'background tick failed')));
  const checkAlerts = () => alerts.tick(now());
  // Alerts first: a digest due at the same tick then counts them (and says they were sent).
  const tick = () => serially(checkAlerts).then(() => serially(() => runner.tick(now())));

  await ingester.scanFolder().catch((error: unknown) => log.error({ err: error }, 'scanning the corpus folder failed'));
  const poller = startIngestPoller({
    ingester,
    feeds: config.FEEDS,
    intervalMs: config.INGEST_INTERVAL_S * 1000,
    afterPoll: () => serially(checkAlerts),
    mayFetchFeeds: () => store.holdIngestLease(),
  });
  void poller.poll();

  // A process that does not fetch the feeds asks for the lease at every tick too: when the fetching one dies,
  // another fetches within a tick (30 s), not only at its next poll (INGEST_INTERVAL_S, five minutes by default).
  const takeOverFeeds = async () => {
    if (!store.shared || config.FEEDS.length === 0 || poller.fetchesFeeds() !== false) return;
    if (await store.holdIngestLease().catch(() => false)) void poller.poll();
  };
  void tick();
  const ticker = setInterval(() => void tick().then(takeOverFeeds), options.tickMs ?? DIGEST_TICK_MS);
  ticker.unref();
  log.info({ feeds: config.FEEDS.length, intervalS: config.INGEST_INTERVAL_S }, 'background jobs started: ingestion, watch alerts and digests');

  return {
    runner,
    alerts,
    ingester,
    async stop() {
      clearInterval(ticker);
      await Promise.all([poller.stop(), ticking]);
    },
  };
}
