/**
 * Polls for new articles on an interval: the corpus folder, then every configured feed. A feed that is
 * down, slow or returns garbage is logged and tried again at the next poll; it never blocks the folder or
 * the other feeds, and no failure stops the poller.
 */
import { log } from '../log.ts';
import type { Ingester } from './ingester.ts';

export interface IngestPoller {
  /** One poll now (the timer's poll, also used at start-up). Never rejects. */
  poll(): Promise<void>;
  /** Stops the timer and waits for a poll in progress. */
  stop(): Promise<void>;
  /** Whether the last poll fetched the feeds (null before the first). */
  fetchesFeeds(): boolean | null;
}

/**
 * `afterPoll` runs after every poll (watch alerts: a new article's alert then follows it at once rather than
 * at the next tick); it must not reject. `mayFetchFeeds` says whether this process fetches the feeds this poll
 * (the ingestion lease, when processes share the state: see `StateStore.holdIngestLease`); the corpus folder
 * is scanned by every process, so that what the fetching one writes there reaches all.
 */
export function startIngestPoller({
  ingester,
  feeds,
  intervalMs,
  afterPoll = async () => {},
  mayFetchFeeds = async () => true,
}: {
  ingester: Ingester;
  feeds: string[];
  intervalMs: number;
  afterPoll?: () => Promise<void>;
  mayFetchFeeds?: () => Promise<boolean>;
}): IngestPoller {
  const failures = new Map<string, number>();
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function pollFeed(url: string): Promise<void> {
    try {
      await ingester.ingestFeed(url);
      if (failures.get(url)) log.info({ feed: url }, 'feed readable again');
      failures.delete(url);
    } catch (error) {
      const count = (failures.get(url) ?? 0) + 1;
      failures.set(url, count);
      log.warn({ feed: url, err: (error as Error).message, failuresInARow: count }, 'feed failed; retrying at the next poll');
    }
  }

  let fetching: boolean | null = null;
  /** Whether this poll fetches the feeds; a change of hands is logged. */
  async function fetchingFeeds(): Promise<boolean> {
    const may = await mayFetchFeeds().catch((error: unknown) => {
      log.warn({ err: (error as Error).message }, 'could not ask for the ingestion lease; not fetching the feeds this poll');
      return false;
    });
    if (may !== fetching) log.info({ feeds: feeds.length }, may ? 'this process now fetches the feeds (it holds the ingestion lease)' : 'another process fetches the feeds');
    fetching = may;
    return may;
  }

  async function pollOnce(): Promise<void> {
    try {
      await ingester.scanFolder();
    } catch (error) {
      log.error({ err: error }, 'scanning the corpus folder failed; retrying at the next poll');
    }
    if (feeds.length && (await fetchingFeeds())) await Promise.all(feeds.map(pollFeed));
    await afterPoll();
  }

  function poll(): Promise<void> {
    running ??= pollOnce().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void poll().then(schedule), intervalMs);
    timer.unref();
  }

  schedule();
  return {
    poll,
    fetchesFeeds: () => fetching,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
