/** `npm run index`: builds the search snapshot explicitly, with a progress bar for large corpora. */
import { loadCorpus } from '../search/load-corpus.ts';
import { progressBar } from '../util/progress.ts';
import { configOrExit, runMain } from './run.ts';

runMain(() => {
  const config = configOrExit();
  const started = Date.now();
  const { corpus } = loadCorpus({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    entitiesFile: config.entitiesFile,
    force: true,
    onProgress: progressBar('Indexing', { minTotal: 1 }),
  });
  process.stdout.write(
    `Indexed ${corpus.articles.length} articles (${corpus.facts.deals.length} deals, ${corpus.facts.figures.length} figures) ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s → ${config.indexDir}\n`,
  );
});
