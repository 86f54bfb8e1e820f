/**
 * The snapshot file: everything a start needs to answer without re-reading the corpus — the articles,
 * their facts and the search index — as one JSON document written line by line.
 *
 * Layout (each big array's elements `SNAPSHOT_CHUNK` to a line, so that no line is too long for a
 * JavaScript string however big the corpus; V8's limit is about 512 MB):
 * ```
 * {"version":N,"fingerprint":"…","entities":[
 * …the entity catalogue the facts were read with…
 * ],"articles":[
 * …articles without their passages…
 * ],"passages":[
 * …each article's passages, one article to a line…
 * ],"facts":{"deals":[
 * …deals…
 * ],"figures":[
 * …figures…
 * ]},"index":{"head":{…MiniSearch's toJSON() without its terms…},"tree":[
 * …the tree of terms, one piece to a line (`IndexJSON`)…
 * ]},"manifest":{…each part's count and CRC-32…}}
 * ```
 * Joined, the lines are one JSON document; `parseSnapshot` also reads any other JSON document of that shape.
 *
 * A start does not parse the passages, the bulk of the file: they stay in one buffer outside the JavaScript
 * heap, and each article parses its own when they are read (`passagesOnDemand`).
 */
import { crc32 } from 'node:zlib';
import type { Article, ArticleMeta, Passage } from '../corpus/types.ts';
import type { Entity } from '../extract/entities.ts';
import type { Facts } from '../extract/types.ts';
import type { IndexJSON } from './article-index.ts';

/** Bumped whenever the analyzer, the extraction or the snapshot layout changes: old snapshots are rebuilt. */
export const SNAPSHOT_VERSION = 7;

export interface SnapshotData {
  version: number;
  fingerprint: string;
  /** The entity catalogue, so that a start does not parse and check its YAML again (the fingerprint covers its text). */
  entities: Entity[];
  articles: Article[];
  facts: Facts;
  index: IndexJSON;
}

/** Array elements per line of a snapshot file. */
const SNAPSHOT_CHUNK = 1000;
const HEAD_LINE = /^\{"version":(-?\d+),"fingerprint":("(?:[^"\\]|\\.)*"),"entities":\[$/;
const ARTICLES_LINE = '],"articles":[';
const PASSAGES_LINE = '],"passages":[';
const DEALS_LINE = '],"facts":{"deals":[';
const FIGURES_LINE = '],"figures":[';
const INDEX_LINE = /^\]\},"index":\{"head":(\{.*\}),"tree":\[$/;
const LAST_LINE = /^\]\},"manifest":(\{.*\})\}$/;

/** The parts of a snapshot, in file order: each a run of lines between two marker lines. */
const PARTS = ['entities', 'articles', 'passages', 'deals', 'figures', 'tree'] as const;
type PartName = (typeof PARTS)[number];

/**
 * Per part, how many elements it holds and the CRC-32 of its lines' bytes: written last, checked before
 * anything is parsed, so that a part removed, emptied or damaged means a rebuild, never wrong answers.
 */
type Manifest = Record<PartName, { count: number; crc32: number }>;

/** The snapshot document in lines (see the layout above). */
export function* snapshotLines(data: Omit<SnapshotData, 'version'>): Generator<string> {
  const manifest = {} as Manifest;
  /** The part's lines, each counted into its CRC as it is written. */
  function* part(name: PartName, items: readonly unknown[], perLine = SNAPSHOT_CHUNK): Generator<string> {
    let crc = 0;
    for (const line of chunkLines(items, perLine)) {
      crc = crc32(line, crc);
      yield line;
    }
    manifest[name] = { count: items.length, crc32: crc };
  }
  yield `{"version":${SNAPSHOT_VERSION},"fingerprint":${JSON.stringify(data.fingerprint)},"entities":[\n`;
  yield* part('entities', data.entities);
  yield `${ARTICLES_LINE}\n`;
  yield* part('articles', data.articles.map(({ passages: _passages, ...meta }) => meta));
  yield `${PASSAGES_LINE}\n`;
  yield* part('passages', data.articles.map((article) => article.passages), 1);
  yield `${DEALS_LINE}\n`;
  yield* part('deals', data.facts.deals);
  yield `${FIGURES_LINE}\n`;
  yield* part('figures', data.facts.figures);
  yield `]},"index":{"head":${JSON.stringify(data.index.head)},"tree":[\n`;
  // Pieces of the tree vary in size (all the terms of a prefix): one to a line.
  yield* part('tree', data.index.tree, 1);
  yield `]},"manifest":${JSON.stringify(manifest)}}\n`;
}

/**
 * Parses a snapshot file: the line layout of `snapshotLines`, or else the whole buffer as one JSON document.
 * Throws if it is unreadable, of another version, or (with `expectedFingerprint`) for another corpus; a
 * snapshot of another version or corpus is rejected after its first line, before the rest is parsed. In
 * the line layout every part is checked against the manifest (count and CRC-32) before it is used.
 */
export function parseSnapshot(buffer: Buffer, expectedFingerprint?: string): SnapshotData {
  const lines = [...lineRanges(buffer)];
  const text = ([start, end]: LineRange) => buffer.toString('utf8', start, end);
  const head = HEAD_LINE.exec(lines.length ? text(lines[0]!) : '');
  if (!head) return wholeDocument(buffer, expectedFingerprint);
  checked({ version: Number(head[1]), fingerprint: JSON.parse(head[2]!) as string }, expectedFingerprint);
  const manifestLine = lines.length > 1 ? LAST_LINE.exec(text(lines.at(-1)!)) : null;
  if (!manifestLine) throw new Error('snapshot is truncated: it has no manifest');
  const manifest = JSON.parse(manifestLine[1]!) as Manifest;

  // The marker lines, in order, split the lines into the parts.
  const markers = [ARTICLES_LINE, PASSAGES_LINE, DEALS_LINE, FIGURES_LINE];
  const bounds = [0];
  let indexHead: IndexJSON['head'] | null = null;
  for (let i = 1; i < lines.length - 1 && bounds.length < PARTS.length; i++) {
    const [start, end] = lines[i]!;
    const marker = markers[bounds.length - 1];
    if (marker !== undefined) {
      if (end - start === marker.length && text(lines[i]!) === marker) bounds.push(i);
      continue;
    }
    // The index marker carries MiniSearch's head; other lines that start so are a tree piece's, never.
    if (buffer[start] !== 0x5d /* ] */) continue;
    const index = INDEX_LINE.exec(text(lines[i]!));
    if (index) {
      indexHead = JSON.parse(index[1]!) as IndexJSON['head'];
      bounds.push(i);
    }
  }
  if (bounds.length !== PARTS.length || !indexHead) throw new Error('snapshot is incomplete: a part is missing');
  bounds.push(lines.length - 1);
  const parts = {} as Record<PartName, LineRange[]>;
  PARTS.forEach((name, p) => {
    const partLines = lines.slice(bounds[p]! + 1, bounds[p + 1]!);
    const bytes = partLines.length ? buffer.subarray(partLines[0]![0], partLines.at(-1)![1] + 1) : Buffer.alloc(0);
    if (crc32(bytes) !== manifest[name]?.crc32) throw new Error(`snapshot part "${name}" is damaged (its checksum differs)`);
    parts[name] = partLines;
  });

  /** The elements of a part, checked against the manifest's count. */
  const elements = <T>(name: PartName): T[] => {
    const items: T[] = [];
    for (const range of parts[name]) {
      const line = text(range);
      const parsed = JSON.parse(`[${line.endsWith(',') ? line.slice(0, -1) : line}]`) as T[];
      for (const item of parsed) items.push(item);
    }
    if (items.length !== manifest[name].count) throw new Error(`snapshot part "${name}" holds ${items.length} items, not ${manifest[name].count}`);
    return items;
  };
  const metas = elements<ArticleMeta>('articles');
  const passageLines = parts.passages;
  if (passageLines.length !== metas.length) throw new Error('snapshot is incomplete: articles and passages differ in number');
  // One copy of the passages' bytes, so that the buffer of the whole file can be freed.
  const offset = passageLines[0]?.[0] ?? 0;
  const passages = Buffer.from(buffer.subarray(offset, passageLines.at(-1)?.[1] ?? offset));
  const articles = metas.map((meta, i) => {
    const [start, end] = passageLines[i]!;
    const withoutComma = buffer[end - 1] === COMMA ? end - 1 : end;
    return passagesOnDemand(meta, passages, start - offset, withoutComma - offset);
  });
  return {
    version: SNAPSHOT_VERSION,
    fingerprint: JSON.parse(head[2]!) as string,
    entities: elements<Entity>('entities'),
    articles,
    facts: { deals: elements('deals'), figures: elements('figures') },
    index: { head: indexHead, tree: elements('tree') },
  };
}

/** A snapshot that is one JSON document, not in lines: articles and their passages joined here. */
function wholeDocument(buffer: Buffer, expectedFingerprint?: string): SnapshotData {
  type Document = Omit<SnapshotData, 'articles'> & { articles: ArticleMeta[]; passages: Passage[][] };
  const data = checked(JSON.parse(buffer.toString('utf8')) as Document, expectedFingerprint);
  const { articles, passages, ...rest } = data;
  const parts = [data.entities, articles, passages];
  if (!parts.every(Array.isArray) || passages.length !== articles.length || !data.facts || !data.index) {
    throw new Error('snapshot is incomplete');
  }
  return { ...rest, articles: articles.map((meta, i) => ({ ...meta, passages: passages[i]! })) };
}

/**
 * `meta` as an article whose passages are parsed from `text[start, end)` each time they are read, and never
 * kept: a start parses no article text, and the text stays outside the JavaScript heap. Articles are read
 * a few at a time (the passages of a search's top articles, a digest's first sentences), so parsing one
 * again costs less than keeping them all.
 */
function passagesOnDemand(meta: ArticleMeta, text: Buffer, start: number, end: number): Article {
  const read = (): Passage[] => JSON.parse(text.toString('utf8', start, end)) as Passage[];
  return Object.defineProperty(meta, 'passages', { enumerable: true, get: read }) as Article;
}

/** The snapshot's head, checked: an object of this version, for the expected corpus, and complete. */
function checked<T extends Partial<Pick<SnapshotData, 'version' | 'fingerprint'>>>(data: T, expectedFingerprint?: string): T {
  if (data === null || typeof data !== 'object') throw new Error('snapshot is not an object');
  if (data.version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${data.version}, expected ${SNAPSHOT_VERSION}`);
  if (expectedFingerprint && data.fingerprint !== expectedFingerprint) throw new Error('snapshot is for another corpus');
  return data;
}

/** Elements of `items`, `perLine` to a line, separated by commas (as inside a JSON array). */
function* chunkLines(items: readonly unknown[], perLine = SNAPSHOT_CHUNK): Generator<string> {
  for (let i = 0; i < items.length; i += perLine) {
    const chunk = items.slice(i, i + perLine).map((item) => JSON.stringify(item)).join(',');
    yield `${chunk}${i + perLine < items.length ? ',' : ''}\n`;
  }
}

/** Where a line of a buffer starts and ends (without its newline). */
type LineRange = [number, number];

const NEWLINE = 0x0a;
const COMMA = 0x2c;

/** The lines of a buffer, as ranges: decoded only where needed. */
function* lineRanges(buffer: Buffer): Generator<LineRange> {
  for (let start = 0; start < buffer.length; ) {
    const end = nextNewline(buffer, start);
    yield [start, end];
    start = end + 1;
  }
}

/** The window `nextNewline` searches at a time. */
const SEARCH_WINDOW = 1 << 30;

/**
 * The offset of the next newline from `from` (or the buffer's end). Searched in windows of 1 GiB (tests: a
 * smaller `window`): Node 20's `Buffer.indexOf` reports offsets past 2 GiB wrong, and a snapshot of 400,000
 * articles is 3.7 GB.
 */
export function nextNewline(buffer: Buffer, from: number, window = SEARCH_WINDOW): number {
  for (let start = from; start < buffer.length; start += window) {
    const at = buffer.subarray(start, Math.min(start + window, buffer.length)).indexOf(NEWLINE);
    if (at >= 0) return start + at;
  }
  return buffer.length;
}
