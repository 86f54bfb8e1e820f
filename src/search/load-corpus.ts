/**
 * Start-up: reuse the saved snapshot when it matches the corpus, else rebuild it (and save it again).
 * A missing, corrupt or outdated snapshot is never fatal: it is logged and rebuilt.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, parseArticle, parseSidecar, readCorpusFiles, readSidecarText } from '../corpus/load.ts';
import { bundledCatalog, DEFAULT_ENTITIES_FILE, EntityCatalog } from '../extract/entities.ts';
import { log } from '../log.ts';
import { removeStaleTempFiles, writeFileAtomic } from '../util/atomic-file.ts';
import { Corpus } from './corpus.ts';
import { SNAPSHOT_VERSION } from './snapshot.ts';

/**
 * The snapshot of a corpus folder inside INDEX_DIR: one file per folder (`snapshot-<hash of its path>.json`),
 * so that switching CORPUS_DIR back and forth loads each folder's snapshot instead of rebuilding every time.
 */
export function snapshotFile(corpusDir: string): string {
  return `snapshot-${createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 12)}.json`;
}

export interface LoadOptions {
  corpusDir: string;
  indexDir: string;
  /** The entity list (ENTITIES_FILE); null or left out: the bundled one. */
  entitiesFile?: string | null;
  /** Build even when a matching snapshot exists (`npm run index`). */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadResult {
  corpus: Corpus;
  /** How the corpus was obtained, for logs and tests. */
  source: 'snapshot' | 'built';
  /** Why a build was needed, when it was. */
  reason?: string;
}

export function loadCorpus({ corpusDir, indexDir, entitiesFile = null, force = false, onProgress }: LoadOptions): LoadResult {
  const files = readCorpusFiles(corpusDir);
  const sidecarText = readSidecarText(corpusDir);
  // The entity list's text is part of the fingerprint: editing it re-extracts the facts.
  const catalogText = EntityCatalog.readText(entitiesFile ?? DEFAULT_ENTITIES_FILE);
  const print = fingerprint(files, sidecarText, `v${SNAPSHOT_VERSION}:${codeFingerprint()}:${catalogText}`);
  const snapshotPath = path.join(indexDir, snapshotFile(corpusDir));
  removeStaleTempFiles(snapshotPath);
  let reason = force ? 'forced rebuild' : 'no snapshot yet';
  if (!force) {
    // The snapshot holds the catalogue it was built with, whose text the fingerprint covers.
    const attempt = tryLoadSnapshot(snapshotPath, print);
    if ('corpus' in attempt) return { corpus: attempt.corpus, source: 'snapshot' };
    reason = attempt.reason;
  }
  if (files.length === 0) log.warn({ corpusDir }, 'the corpus folder has no articles (.txt or .md)');
  const sidecar = parseSidecar(sidecarText);
  const articles = files.map((file) => parseArticle(file, sidecar.get(file.name)));
  const catalog = entitiesFile ? EntityCatalog.fromText(catalogText, entitiesFile) : bundledCatalog();
  const corpus = Corpus.build(articles, print, catalog, onProgress);
  try {
    saveSnapshot(snapshotPath, corpus);
  } catch (error) {
    log.warn({ snapshotPath, err: (error as Error).message }, 'could not save the index snapshot; going on without it');
  }
  log.info({ articles: articles.length, reason }, 'index built');
  return { corpus, source: 'built', reason };
}

/** Writes the snapshot atomically, part by part: at 100,000 articles it is longer than a JavaScript string may be. */
export function saveSnapshot(file: string, corpus: Corpus): void {
  writeFileAtomic(file, corpus.snapshotLines());
}

/** Reads a snapshot file (see `Corpus.fromSnapshot`); throws if it is missing or not usable. */
export function readSnapshot(file: string, print?: string): Corpus {
  return Corpus.fromSnapshot(readLargeFile(file), print);
}

/** Bytes read per call: `readFileSync` refuses files over 2 GiB (a snapshot of about 230,000 articles). */
const READ_CHUNK = 1 << 30;

/** A whole file in one buffer, read in parts, so that it may be larger than `readFileSync` allows (up to 4 GiB). */
function readLargeFile(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(fstatSync(fd).size);
    for (let offset = 0; offset < buffer.length; ) {
      const read = readSync(fd, buffer, offset, Math.min(READ_CHUNK, buffer.length - offset), offset);
      if (read === 0) throw new Error(`${file} ended early`);
      offset += read;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}

function tryLoadSnapshot(file: string, print: string): { corpus: Corpus } | { reason: string } {
  let bytes: Buffer;
  try {
    bytes = readLargeFile(file);
  } catch {
    return { reason: 'no snapshot yet' };
  }
  try {
    return { corpus: Corpus.fromSnapshot(bytes, print) };
  } catch (error) {
    const reason = `snapshot not usable: ${(error as Error).message}`;
    log.info({ file, reason }, 'rebuilding the index');
    return { reason };
  }
}

/** The folders whose code decides what a snapshot holds: loader and cleaner, analyzer and index, extraction. */
const PIPELINE_DIRS = ['../text', '../corpus', '.', '../extract'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));
let pipelinePrint: string | undefined;

/**
 * A hash of the indexing code itself (sources and data files such as the entity catalogue), part of the
 * snapshot's fingerprint: a snapshot built by other code (an edited analyzer, cleaner or catalogue) is
 * rebuilt, even if SNAPSHOT_VERSION was not bumped. Folders that cannot be read count as empty.
 */
export function codeFingerprint(): string {
  if (pipelinePrint) return pipelinePrint;
  const hash = createHash('sha256');
  for (const dir of PIPELINE_DIRS) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((name) => /\.(?:ts|js|ya?ml|json)$/.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        hash.update(name).update('\0').update(readFileSync(path.join(dir, name))).update('\0');
      } catch {
        // unreadable: left out
      }
    }
  }
  pipelinePrint = hash.digest('hex').slice(0, 16);
  return pipelinePrint;
}
