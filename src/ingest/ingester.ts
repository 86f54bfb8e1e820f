/**
 * Brings new articles into a running corpus without rebuilding it: files that appear in the corpus folder,
 * feed items, and files or folders given to `npm run ingest`. Each article is cleaned and parsed like the
 * rest of the corpus (`parseArticle`), checked against what the corpus has (same URL or same text), added
 * with `Corpus.add` (index and facts), and its arrival recorded in the state store.
 *
 * Everything ingested is a file in the corpus folder — feed items as `feed_<hash>.md` with front matter,
 * imported `.txt` files with sidecar metadata as `.md` — so it survives restarts: the next start loads it
 * with the rest of the corpus (and rebuilds the snapshot once, as for any change of that folder).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isArticleFileName, parseArticle, readSidecar, type CorpusFile } from '../corpus/load.ts';
import type { Article } from '../corpus/types.ts';
import { log } from '../log.ts';
import type { Corpus } from '../search/corpus.ts';
import type { IngestRecord, StateStore } from '../state/types.ts';
import { writeFileAtomic } from '../util/atomic-file.ts';
import { DedupeIndex, textHash, type Duplicate } from './dedupe.ts';
import { feedItemFile, markdownArticle } from './feed-article.ts';
import { fetchFeed, type FetchFeedOptions } from './fetch-feed.ts';
import { parseFeed } from './parse-feed.ts';

type Progress = (done: number, total: number) => void;
type Meta = Parameters<typeof parseArticle>[1];

export interface IngestReport {
  added: Article[];
  /** Feed items already in the corpus (same URL or same file): the normal case when polling. */
  known: number;
  duplicates: (Duplicate & { name: string })[];
  failed: { name: string; error: string }[];
}

export interface IngesterOptions {
  corpus: Corpus;
  corpusDir: string;
  store: StateStore;
  now?: () => Date;
  /** Corpus-folder files changed more recently than this may still be being written: left for the next scan. */
  settleMs?: number;
  fetch?: FetchFeedOptions;
}

export class Ingester {
  private readonly corpus: Corpus;
  private readonly corpusDir: string;
  private readonly store: StateStore;
  private readonly now: () => Date;
  private readonly settleMs: number;
  private readonly fetchOptions: FetchFeedOptions;
  /** Corpus-folder files (name and mtime) found to be duplicates or unreadable: not read again until changed. */
  private readonly passedOver = new Set<string>();

  private constructor(options: IngesterOptions, private readonly dedupe: DedupeIndex) {
    this.corpus = options.corpus;
    this.corpusDir = options.corpusDir;
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.settleMs = options.settleMs ?? 2000;
    this.fetchOptions = options.fetch ?? {};
  }

  /**
   * Opens an ingester on a loaded corpus. Articles the arrival log does not know yet (files dropped into
   * the corpus folder while the bot was down, or the corpus itself on the very first start) are recorded
   * as arrived when their file appeared (its ctime/mtime), so the next digest reports them.
   */
  static async open(options: IngesterOptions): Promise<Ingester> {
    const records = await options.store.listIngested();
    const recorded = new Set(records.map((r) => r.article));
    const arrivals: IngestRecord[] = options.corpus.articles
      .filter((article) => !recorded.has(article.id))
      .map((article) => ({
        article: article.id,
        url: article.url,
        textHash: textHash(article),
        source: 'corpus',
        arrivedAt: fileTime(path.join(options.corpusDir, article.id)) ?? (options.now?.() ?? new Date()).toISOString(),
      }));
    await options.store.recordIngested(arrivals);
    return new Ingester(options, DedupeIndex.of(options.corpus.articles, records));
  }

  /** Adds the article files that appeared in the corpus folder since the last scan. */
  async scanFolder(): Promise<IngestReport> {
    const report = emptyReport();
    const fresh = readdirSync(this.corpusDir).filter((name) => isArticleFileName(name) && !this.corpus.get(name));
    if (fresh.length === 0) return report;
    const sidecar = readSidecar(this.corpusDir);
    const pending: IngestRecord[] = [];
    for (const name of fresh.sort()) {
      const full = path.join(this.corpusDir, name);
      let seen: string;
      let raw: string;
      try {
        const stat = statSync(full);
        const age = this.now().getTime() - stat.mtimeMs;
        if (!stat.isFile() || (age >= 0 && age < this.settleMs)) continue;
        seen = `${name}@${stat.mtimeMs}`;
        if (this.passedOver.has(seen)) continue;
        raw = readFileSync(full, 'utf8');
      } catch (error) {
        report.failed.push({ name, error: (error as Error).message });
        continue;
      }
      const outcome = this.admit({ name, raw }, sidecar.get(name), 'folder', false, report, pending);
      if (outcome !== 'added') this.passedOver.add(seen);
    }
    await this.store.recordIngested(pending);
    logReport('corpus folder', report);
    return report;
  }

  /** Fetches one feed and adds its new items. Throws `FeedError` when the feed cannot be read at all. */
  async ingestFeed(url: string, onProgress?: Progress): Promise<IngestReport> {
    const feed = parseFeed(await fetchFeed(url, this.fetchOptions));
    const report = emptyReport();
    const pending: IngestRecord[] = [];
    feed.items.forEach((item, i) => {
      const file = feedItemFile(feed, url, item);
      if ((item.url && this.dedupe.articleWithUrl(item.url)) || this.corpus.get(file.name)) {
        report.known++;
      } else {
        const outcome = this.admit(file, {}, url, true, report, pending);
        // A duplicate's URL now points at the article it duplicates: later polls skip it without parsing.
        if (outcome === 'duplicate' && item.url) this.dedupe.remember(report.duplicates.at(-1)!.of, item.url, null);
      }
      onProgress?.(i + 1, feed.items.length);
    });
    await this.store.recordIngested(pending);
    logReport(url, report);
    return report;
  }

  /**
   * Ingests a file or every article file of a folder (`npm run ingest`). Files from elsewhere are copied
   * into the corpus folder (a `.txt` with metadata in its folder's `sources.yml` becomes a `.md` with front
   * matter); a different file of the same name there gets a suffix instead of being overwritten.
   */
  async importPath(target: string, onProgress?: Progress): Promise<IngestReport> {
    const isFolder = statSync(target).isDirectory();
    const dir = isFolder ? target : path.dirname(target);
    const names = isFolder ? readdirSync(target).filter(isArticleFileName).sort() : [path.basename(target)];
    const sidecar = readSidecar(dir);
    const inCorpusFolder = path.resolve(dir) === path.resolve(this.corpusDir);
    const report = emptyReport();
    const pending: IngestRecord[] = [];
    names.forEach((name, i) => {
      try {
        const raw = readFileSync(path.join(dir, name), 'utf8');
        if (inCorpusFolder) this.admit({ name, raw }, sidecar.get(name), 'cli', false, report, pending);
        else this.admit(this.corpusCopy(name, raw, sidecar.get(name)), {}, 'cli', true, report, pending);
      } catch (error) {
        report.failed.push({ name, error: (error as Error).message });
      }
      onProgress?.(i + 1, names.length);
    });
    await this.store.recordIngested(pending);
    logReport(target, report);
    return report;
  }

  /** Parses, dedupes, (writes) and indexes one article file. */
  private admit(
    file: CorpusFile,
    meta: Meta,
    source: string,
    persist: boolean,
    report: IngestReport,
    pending: IngestRecord[],
  ): 'added' | 'duplicate' | 'failed' {
    try {
      if (this.corpus.get(file.name)) {
        report.duplicates.push({ name: file.name, of: file.name, by: 'text' });
        return 'duplicate';
      }
      const article = parseArticle(file, meta);
      const hash = textHash(article);
      const duplicate = this.dedupe.duplicateOf(article, hash);
      if (duplicate) {
        report.duplicates.push({ name: file.name, ...duplicate });
        return 'duplicate';
      }
      if (persist) writeFileAtomic(path.join(this.corpusDir, file.name), file.raw);
      this.corpus.add(article);
      this.dedupe.remember(article.id, article.url, hash);
      pending.push({ article: article.id, url: article.url, textHash: hash, source, arrivedAt: this.now().toISOString() });
      report.added.push(article);
      return 'added';
    } catch (error) {
      report.failed.push({ name: file.name, error: (error as Error).message });
      return 'failed';
    }
  }

  /** The file to write into the corpus folder for an imported one. */
  private corpusCopy(name: string, raw: string, meta: Meta): CorpusFile {
    const hasMeta = meta && Object.values(meta).some((value) => value !== null && value !== undefined);
    const file = hasMeta && name.toLowerCase().endsWith('.txt')
      ? { name: name.replace(/\.txt$/i, '.md'), raw: markdownArticle(meta, raw) }
      : { name, raw };
    const existing = readIfExists(path.join(this.corpusDir, file.name));
    if (existing === null || existing === file.raw) return file;
    const ext = path.extname(file.name);
    const suffix = createHash('sha256').update(file.raw).digest('hex').slice(0, 8);
    return { name: `${file.name.slice(0, -ext.length)}-${suffix}${ext}`, raw: file.raw };
  }
}

function emptyReport(): IngestReport {
  return { added: [], known: 0, duplicates: [], failed: [] };
}

function logReport(source: string, report: IngestReport): void {
  for (const article of report.added) log.info({ source, article: article.id, title: article.title }, 'article ingested');
  for (const d of report.duplicates) log.info({ source, file: d.name, duplicateOf: d.of, by: d.by }, 'duplicate article left out');
  for (const f of report.failed) log.warn({ source, file: f.name, err: f.error }, 'article could not be ingested');
}

/** When a file appeared: the later of its ctime and mtime (a copy that keeps an old mtime still counts as new). */
function fileTime(file: string): string | null {
  try {
    const stat = statSync(file);
    return new Date(Math.max(stat.ctimeMs, stat.mtimeMs)).toISOString();
  } catch {
    return null;
  }
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

