/**
 * `npm run ingest -- <file|folder|feed-url> …`: adds articles to the corpus once, as the running bot does
 * on its own: files and folders are copied into the corpus folder, feed items written there as `.md`;
 * duplicates (same URL or text) are left out. A running bot picks the new files up at its next poll; the
 * next start rebuilds the index snapshot once.
 */
import { Ingester, type IngestReport } from '../ingest/ingester.ts';
import { loadCorpus } from '../search/load-corpus.ts';
import { stateStoreFor } from '../state/open-store.ts';
import { progressBar } from '../util/progress.ts';
import { configOrExit, databaseOrExit, runMain } from './run.ts';

const USAGE = 'Usage: npm run ingest -- <file|folder|feed-url> [more …]';

runMain(async () => {
  const targets = process.argv.slice(2);
  if (targets.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const config = configOrExit();
  await databaseOrExit(config);
  const { corpus } = loadCorpus({ corpusDir: config.corpusDir, indexDir: config.indexDir, entitiesFile: config.entitiesFile, onProgress: progressBar('Indexing') });
  const ingester = await Ingester.open({ corpus, corpusDir: config.corpusDir, store: stateStoreFor(config), settleMs: 0 });
  let failed = false;
  for (const target of targets) {
    const progress = progressBar(`Ingesting ${target}`, { minTotal: 1 });
    try {
      const report = /^https?:\/\//i.test(target) ? await ingester.ingestFeed(target, progress) : await ingester.importPath(target, progress);
      process.stdout.write(`${target}: ${summary(report)}\n`);
      failed ||= report.failed.length > 0;
    } catch (error) {
      process.stdout.write(`${target}: failed — ${(error as Error).message}\n`);
      failed = true;
    }
  }
  process.stdout.write(`Corpus: ${corpus.articles.length} articles in ${config.corpusDir}\n`);
  process.exitCode = failed ? 1 : 0;
});

function summary(report: IngestReport): string {
  const parts = [`${report.added.length} added`];
  if (report.known) parts.push(`${report.known} already known`);
  if (report.duplicates.length) parts.push(`${report.duplicates.length} duplicates left out (${report.duplicates.map((d) => `${d.name} = ${d.of}`).join(', ')})`);
  if (report.failed.length) parts.push(`${report.failed.length} failed (${report.failed.map((f) => `${f.name}: ${f.error}`).join('; ')})`);
  return parts.join(', ');
}
