import type { CommandContext } from '../context.ts';
import type { Config } from '../config.ts';
import { log } from '../log.ts';
import { loadCorpus } from '../search/load-corpus.ts';
import { stateStoreFor, type StoreConfig } from '../state/open-store.ts';
import { progressBar } from '../util/progress.ts';

/** Loads (or builds) the corpus for the configured folders: what every front end needs before answering. */
export function createContext(
  config: Pick<Config, 'corpusDir' | 'indexDir' | 'entitiesFile' | 'DIGEST_TIME' | 'DIGEST_TZ'> & StoreConfig,
  channel = 'console',
): CommandContext {
  const started = Date.now();
  const { corpus, source, reason } = loadCorpus({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    entitiesFile: config.entitiesFile,
    onProgress: progressBar('Indexing'),
  });
  log.debug({ articles: corpus.articles.length, source, reason, ms: Date.now() - started }, 'corpus ready');
  return {
    corpus,
    channel,
    store: stateStoreFor(config),
    digestDefaults: { time: config.DIGEST_TIME, timeZone: config.DIGEST_TZ },
    get now() {
      return new Date();
    },
  };
}
