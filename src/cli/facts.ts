/**
 * `npm run facts -- [--json] [file …]`: every deal and figure each article yields as the extractor reads it,
 * before merging across articles, each with its sentence and the rule that read it (what `/facts` shows for
 * one article). Without files: every article of the corpus folder (CORPUS_DIR); with files: those, named
 * relative to the corpus folder or as paths to files inside it. An unknown file: a line on stderr, exit 1.
 *
 * `--json` prints one document on stdout and nothing else: `{"command":"facts","articles":[…]}`
 * (`factsReportSchema` in src/answer/contracts.ts, each article as `/facts` gives it). Progress for the whole
 * corpus goes to stderr, and only on a terminal.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { articleAnswer, readArticle } from '../../commands/facts.ts';
import type { FactsReportJson } from '../answer/contracts.ts';
import { ANSI, PLAIN, renderText } from '../answer/text.ts';
import { logLevelChosen } from '../config.ts';
import { log } from '../log.ts';
import { loadCorpus } from '../search/load-corpus.ts';
import { progressBar } from '../util/progress.ts';
import { configOrExit, runMain } from './run.ts';

// Like `ask`: the output is for reading (or for a program); routine logs only when asked for with LOG_LEVEL.
if (!logLevelChosen()) log.level = 'warn';

const USAGE = 'Usage: npm run --silent facts -- [--json] [file …]   (files relative to the corpus folder, or paths inside it)';

runMain(() => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const config = configOrExit();
  const { corpus } = loadCorpus({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    entitiesFile: config.entitiesFile,
    onProgress: progressBar('Indexing'),
  });
  const ids = files.map((file) => articleId(file, config.corpusDir));
  const unknown = ids.filter((id) => !corpus.get(id));
  if (unknown.length) {
    process.stderr.write(`Not an article of the corpus folder ${config.corpusDir}: ${unknown.join(', ')}\n${USAGE}\n`);
    process.exitCode = 1;
    return;
  }
  const articles = files.length ? ids.map((id) => corpus.get(id)!) : corpus.articles;
  const progress = files.length ? undefined : progressBar('Reading', { minTotal: 1 });
  const reads = articles.map((article, i) => {
    const read = readArticle(article, corpus);
    progress?.(i + 1, articles.length);
    return read;
  });
  if (json) {
    const report: FactsReportJson = { command: 'facts', articles: reads.map((r) => r.json) };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const style = process.stdout.isTTY ? ANSI : PLAIN;
    process.stdout.write(`${reads.map((r) => renderText(articleAnswer(r, r.article.id), style)).join('\n\n')}\n`);
  }
});

/** A file argument as an article id: a path to a file inside the corpus folder, else a name relative to it. */
function articleId(file: string, corpusDir: string): string {
  const relative = path.relative(path.resolve(corpusDir), path.resolve(file));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return inside && existsSync(file) ? relative.split(path.sep).join('/') : file;
}
