/**
 * Brings new articles into a running corpus without rebuilding it: files that appear in the corpus folder,
 * feed items, and files or folders given to `npm run ingest`; a file edited in the corpus folder is read
 * again and a deleted one leaves the corpus, facts and all. Each article is cleaned and parsed like the
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
  /** Corpus-folder files edited since they were read: read again, their old facts gone. */
  updated: Article[];
  /** Corpus-folder files deleted: their articles and facts are gone from the corpus. */
  removed: string[];
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
  /** The version (size and mtime) of each corpus-folder file the corpus holds: a change means it was edited. */
  private readonly versions = new Map<string, string>();

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
    const ingester = new Ingester(options, DedupeIndex.of(options.corpus.articles, [...records, ...arrivals]));
    for (const article of options.corpus.articles) ingester.noteVersion(article.id);
    return ingester;
  }

  /** Remembers the version of the corpus-folder file an article was read from (none for an article without one). */
  private noteVersion(name: string): void {
    const version = fileVersion(path.join(this.corpusDir, name));
    if (version) this.versions.set(name, version);
  }

  /** Takes an article out of the corpus and forgets its text and version (its file was edited or deleted). */
  private drop(name: string): void {
    this.corpus.remove(name);
    this.dedupe.forgetText(name);
    this.versions.delete(name);
  }

  /**
   * Articles whose files were deleted leave the corpus; files edited since they were read are read again (a
   * new text replaces the old one and its facts). Every article file is looked at (a stat each).
   */
  private rescanKnown(names: string[], report: IngestReport, pending: IngestRecord[], sidecar: ReturnType<typeof readSidecar>): void {
    const present = new Set(names);
    for (const name of [...this.versions.keys()]) {
      if (present.has(name)) continue;
      this.drop(name);
      report.removed.push(name);
    }
    for (const name of names) {
      const known = this.corpus.get(name);
      const version = known ? fileVersion(path.join(this.corpusDir, name)) : null;
      if (!known || !version || version === this.versions.get(name) || !this.settled(name)) continue;
      let raw: string;
      try {
        raw = readFileSync(path.join(this.corpusDir, name), 'utf8');
      } catch (error) {
        report.failed.push({ name, error: (error as Error).message });
        continue;
      }
      const edited = parseArticle({ name, raw }, sidecar.get(name));
      if (textHash(edited) === textHash(known) && JSON.stringify({ ...edited, passages: null }) === JSON.stringify({ ...known, passages: null })) {
        this.versions.set(name, version); // touched, not changed
        continue;
      }
      this.drop(name);
      const added = report.added.length;
      if (this.admit({ name, raw }, sidecar.get(name), 'folder', false, report, pending) === 'added') report.updated.push(...report.added.splice(added));
    }
  }

  /** Whether a corpus-folder file has not changed for `settleMs` (it may still be being written). */
  private settled(name: string): boolean {
    try {
      const age = this.now().getTime() - statSync(path.join(this.corpusDir, name)).mtimeMs;
      return !(age >= 0 && age < this.settleMs);
    } catch {
      return false;
    }
  }

  /**
   * Brings the corpus in line with its folder: adds the article files that appeared since the last scan,
   * reads edited ones again and removes the articles of deleted ones (see `rescanKnown`).
   */
  async scanFolder(): Promise<IngestReport> {
    const report = emptyReport();
    const names = readdirSync(this.corpusDir).filter(isArticleFileName);
    const sidecar = readSidecar(this.corpusDir);
    const pending: IngestRecord[] = [];
    this.rescanKnown(names, report, pending, sidecar);
    const fresh = names.filter((name) => !this.corpus.get(name));
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
      this.noteVersion(article.id);
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
  return { added: [], updated: [], removed: [], known: 0, duplicates: [], failed: [] };
}

function logReport(source: string, report: IngestReport): void {
  for (const article of report.added) log.info({ source, article: article.id, title: article.title }, 'article ingested');
  for (const article of report.updated) log.info({ source, article: article.id, title: article.title }, 'edited article read again');
  for (const name of report.removed) log.info({ source, article: name }, 'deleted article removed');
  for (const d of report.duplicates) log.info({ source, file: d.name, duplicateOf: d.of, by: d.by }, 'duplicate article left out');
  for (const f of report.failed) log.warn({ source, file: f.name, err: f.error }, 'article could not be ingested');
}

/** A file's version: its size and mtime (null when it cannot be read). */
function fileVersion(file: string): string | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : null;
  } catch {
    return null;
  }
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

