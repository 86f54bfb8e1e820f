/**
 * The snapshot file: everything a start needs to answer without re-reading the corpus — the articles,
 * their facts and the search index — as one JSON document written line by line.
 *
 * Layout (each big array's elements `SNAPSHOT_CHUNK` to a line, so that no line is too long for a
 * JavaScript string however big the corpus; V8's limit is about 512 MB):
 * ```
 * {"version":N,"fingerprint":"…","articles":[
 * …articles…
 * ],"facts":{"deals":[
 * …deals…
 * ],"figures":[
 * …figures…
 * ]},"index":{…MiniSearch's toJSON() without its terms…,"index":[
 * …index terms…
 * ]}}
 * ```
 * Joined, the lines are one JSON document; `parseSnapshot` also reads any other JSON document of that shape.
 */
import type { AsPlainObject } from 'minisearch';
import type { Article } from '../corpus/types.ts';
import type { Facts } from '../extract/types.ts';

/** Bumped whenever the analyzer, the extraction or the snapshot layout changes: old snapshots are rebuilt. */
export const SNAPSHOT_VERSION = 3;

export interface SnapshotData {
  version: number;
  fingerprint: string;
  articles: Article[];
  facts: Facts;
  index: AsPlainObject;
}

/** Array elements per line of a snapshot file. */
const SNAPSHOT_CHUNK = 1000;
const HEAD_LINE = /^\{"version":(-?\d+),"fingerprint":("(?:[^"\\]|\\.)*"),"articles":\[$/;
const DEALS_LINE = '],"facts":{"deals":[';
const FIGURES_LINE = '],"figures":[';
const INDEX_LINE = /^\]\},"index":(\{.*),"index":\[$/;
const LAST_LINE = ']}}';

/** The snapshot document in lines (see the layout above). */
export function* snapshotLines(data: Omit<SnapshotData, 'version'>): Generator<string> {
  const { index: terms, ...indexHead } = data.index;
  yield `{"version":${SNAPSHOT_VERSION},"fingerprint":${JSON.stringify(data.fingerprint)},"articles":[\n`;
  yield* chunkLines(data.articles);
  yield `${DEALS_LINE}\n`;
  yield* chunkLines(data.facts.deals);
  yield `${FIGURES_LINE}\n`;
  yield* chunkLines(data.facts.figures);
  yield `]},"index":${JSON.stringify(indexHead).slice(0, -1)},"index":[\n`;
  yield* chunkLines(terms);
  yield `${LAST_LINE}\n`;
}

/**
 * Parses a snapshot file: the line layout of `snapshotLines`, or else the whole buffer as one JSON document.
 * Throws if it is unreadable, of another version, or (with `expectedFingerprint`) for another corpus; a
 * snapshot of another version or corpus is rejected after its first line, before the rest is parsed.
 */
export function parseSnapshot(buffer: Buffer, expectedFingerprint?: string): SnapshotData {
  const lines = bufferLines(buffer);
  const head = HEAD_LINE.exec(lines.next().value ?? '');
  if (!head) {
    const data = checked(JSON.parse(buffer.toString('utf8')) as SnapshotData, expectedFingerprint);
    if (!Array.isArray(data.articles) || !data.facts || !data.index) throw new Error('snapshot is incomplete');
    return data;
  }
  checked({ version: Number(head[1]), fingerprint: JSON.parse(head[2]!) as string }, expectedFingerprint);
  /** Elements up to the line `end` matches; returns them and that line. */
  const elements = <T>(end: (line: string) => boolean): { items: T[]; last: string } => {
    const items: T[] = [];
    for (let next = lines.next(); !next.done; next = lines.next()) {
      const line = next.value;
      if (end(line)) return { items, last: line };
      const parsed = JSON.parse(`[${line.endsWith(',') ? line.slice(0, -1) : line}]`) as T[];
      for (const item of parsed) items.push(item);
    }
    throw new Error('snapshot is truncated');
  };
  const articles = elements<Article>((line) => line === DEALS_LINE).items;
  const deals = elements<Facts['deals'][number]>((line) => line === FIGURES_LINE).items;
  const figures = elements<Facts['figures'][number]>((line) => INDEX_LINE.test(line));
  const indexHead = JSON.parse(`${INDEX_LINE.exec(figures.last)![1]!}}`) as Omit<AsPlainObject, 'index'>;
  const terms = elements<AsPlainObject['index'][number]>((line) => line === LAST_LINE).items;
  return {
    version: SNAPSHOT_VERSION,
    fingerprint: JSON.parse(head[2]!) as string,
    articles,
    facts: { deals, figures: figures.items },
    index: { ...indexHead, index: terms },
  };
}

/** The snapshot's head, checked: an object of this version, for the expected corpus, and complete. */
function checked<T extends Partial<SnapshotData>>(data: T, expectedFingerprint?: string): T & SnapshotData {
  if (data === null || typeof data !== 'object') throw new Error('snapshot is not an object');
  if (data.version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${data.version}, expected ${SNAPSHOT_VERSION}`);
  if (expectedFingerprint && data.fingerprint !== expectedFingerprint) throw new Error('snapshot is for another corpus');
  return data as T & SnapshotData;
}

/** Elements of `items`, `SNAPSHOT_CHUNK` to a line, separated by commas (as inside a JSON array). */
function* chunkLines(items: readonly unknown[]): Generator<string> {
  for (let i = 0; i < items.length; i += SNAPSHOT_CHUNK) {
    const chunk = items.slice(i, i + SNAPSHOT_CHUNK).map((item) => JSON.stringify(item)).join(',');
    yield `${chunk}${i + SNAPSHOT_CHUNK < items.length ? ',' : ''}\n`;
  }
}

/** The lines of a UTF-8 buffer, each decoded on its own. */
function* bufferLines(buffer: Buffer): Generator<string> {
  for (let start = 0; start < buffer.length; ) {
    let end = buffer.indexOf(10, start);
    if (end < 0) end = buffer.length;
    yield buffer.toString('utf8', start, end);
    start = end + 1;
  }
}
