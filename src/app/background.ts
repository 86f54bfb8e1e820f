/**
 * The bot's background work: the ingest poller (corpus folder and feeds, every INGEST_INTERVAL_S) and the
 * digest ticker (every 30 s). At start-up the corpus folder is scanned first — articles that arrived while
 * the bot was down are recorded — and then missed digests are handled, so those articles are in them.
 */
import type { CommandContext } from '../context.ts';
import type { Config } from '../config.ts';
import { Ingester } from '../ingest/ingester.ts';
import { startIngestPoller } from '../ingest/poller.ts';
import { log } from '../log.ts';
import { FileStateStore } from '../state/file-store.ts';
import type { StateStore } from '../state/types.ts';
import { DigestRunner, type PostDigest } from '../digest/runner.ts';

export const DIGEST_TICK_MS = 30_000;

export interface BackgroundJobsOptions {
  config: Pick<Config, 'corpusDir' | 'dataDir' | 'FEEDS' | 'INGEST_INTERVAL_S' | 'DIGEST_GRACE_HOURS'>;
  ctx: Pick<CommandContext, 'corpus'>;
  post: PostDigest;
  /** Defaults to the file store under `config.dataDir`. */
  store?: StateStore;
  now?: () => Date;
  tickMs?: number;
  /** See `IngesterOptions.settleMs`. */
  settleMs?: number;
}

export interface BackgroundJobs {
  runner: DigestRunner;
  ingester: Ingester;
  /** Stops both timers and waits for work in progress. */
  stop(): Promise<void>;
}

export async function startBackgroundJobs(options: BackgroundJobsOptions): Promise<BackgroundJobs> {
  const { config, ctx, post } = options;
  const now = options.now ?? (() => new Date());
  const store = options.store ?? new FileStateStore(config.dataDir);
  const ingester = await Ingester.open({ corpus: ctx.corpus, corpusDir: config.corpusDir, store, now, settleMs: options.settleMs });
  const runner = new DigestRunner({ store, corpus: ctx.corpus, post, graceMs: config.DIGEST_GRACE_HOURS * 3_600_000 });

  await ingester.scanFolder().catch((error: unknown) => log.error({ err: error }, 'scanning the corpus folder failed'));
  const poller = startIngestPoller({ ingester, feeds: config.FEEDS, intervalMs: config.INGEST_INTERVAL_S * 1000 });
  void poller.poll();

  const tick = () => runner.tick(now()).catch((error: unknown) => log.error({ err: error }, 'digest tick failed'));
  // Ticks run one after another: a slow post never lets two ticks handle the same send time.
  let ticking = tick();
  const ticker = setInterval(() => {
    ticking = ticking.then(tick);
  }, options.tickMs ?? DIGEST_TICK_MS);
  ticker.unref();
  log.info({ feeds: config.FEEDS.length, intervalS: config.INGEST_INTERVAL_S }, 'background jobs started: ingestion and digests');

  return {
    runner,
    ingester,
    async stop() {
      clearInterval(ticker);
      await Promise.all([poller.stop(), ticking]);
    },
  };
}
