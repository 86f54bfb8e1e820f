/**
 * Test helpers for a corpus and a command context. Every index goes to a fresh temp folder, never to the
 * project's `index/`.
 *
 *   seedContext()            the bundled `seeds/` corpus, built once per test file
 *   tempCorpus({ 'a.txt': … }) a throw-away corpus folder (plus its own index folder) in os.tmpdir()
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../../src/context.ts';
import { DIGEST_DEFAULTS } from '../../src/config.ts';
import { log } from '../../src/log.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { loadCorpus, type LoadResult } from '../../src/search/load-corpus.ts';

// Routine logs (index built, snapshot rebuilt) would drown the test report; LOG_LEVEL=debug shows them.
if (!process.env.LOG_LEVEL) log.level = 'silent';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = path.join(ROOT, 'seeds');
/** "Now" in every test context: a few days after the newest seed article. */
export const TEST_NOW = new Date('2026-02-10T09:00:00Z');

export function tempDir(prefix = 'dealdesk-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A command context over the loaded corpus, with its own state folder and the default digest time. */
export function contextFor(load: LoadResult, channel = 'console'): CommandContext {
  return { corpus: load.corpus, now: TEST_NOW, channel, store: new FileStateStore(tempDir('dealdesk-data-')), digestDefaults: DIGEST_DEFAULTS };
}

let seeds: CommandContext | undefined;

/** A context over `seeds/` with its own temp index folder; built on first use, then shared within the file. */
export function seedContext(): CommandContext {
  seeds ??= contextFor(loadCorpus({ corpusDir: SEEDS_DIR, indexDir: tempDir('dealdesk-index-') }));
  return seeds;
}

export interface TempCorpus {
  corpusDir: string;
  indexDir: string;
  /** Writes (or overwrites) a file of the corpus folder. */
  write(name: string, content: string | Buffer): void;
  /** Loads the corpus like start-up does: the snapshot when it matches, else a build. */
  load(): LoadResult;
  context(): CommandContext;
}

/** A corpus folder with these files (name → content) and an empty index folder, both under os.tmpdir(). */
export function tempCorpus(files: Record<string, string | Buffer> = {}): TempCorpus {
  const root = tempDir('dealdesk-corpus-');
  const corpusDir = path.join(root, 'corpus');
  const indexDir = path.join(root, 'index');
  mkdirSync(corpusDir);
  const write = (name: string, content: string | Buffer) => writeFileSync(path.join(corpusDir, name), content);
  for (const [name, content] of Object.entries(files)) write(name, content);
  const load = () => loadCorpus({ corpusDir, indexDir });
  return { corpusDir, indexDir, write, load, context: () => contextFor(load()) };
}
