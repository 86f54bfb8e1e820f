/**
 * Reads the corpus folder: plain `.txt` articles with their metadata in a sidecar `sources.yml`, and `.md`
 * articles with YAML front matter. Unreadable files are logged and skipped, never fatal.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { log } from '../log.ts';
import { headOf } from '../text/chars.ts';
import type { Lang } from '../text/lang.ts';
import { cleanArticle } from './clean.ts';
import { detectLanguage } from './language.ts';
import type { Article } from './types.ts';

export const SIDECAR = 'sources.yml';
const ARTICLE_FILE = /\.(?:txt|md)$/i;

/** Whether a file in the corpus folder is an article: a `.txt` or `.md` file other than a README. */
export function isArticleFileName(name: string): boolean {
  return ARTICLE_FILE.test(name) && name.toLowerCase() !== 'readme.md';
}

const isoDate = z
  .union([z.string(), z.date(), z.number()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
  .pipe(z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/, 'must be an ISO 8601 date'));

const metaSchema = z
  .object({
    title: z.string().nullish(),
    outlet: z.string().nullish(),
    date: isoDate.nullish(),
    url: z.string().nullish(),
    lang: z.enum(['de', 'en']).nullish(),
    byline: z.string().nullish(),
  })
  .partial();
type RawMeta = z.infer<typeof metaSchema>;

export interface CorpusFile {
  /** File name, the article's id. */
  name: string;
  raw: string;
}

/** Lists article files with their contents, sorted by name. Unreadable files are logged and left out. */
export function readCorpusFiles(dir: string): CorpusFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isArticleFileName);
  } catch (error) {
    throw new Error(`Cannot read the corpus folder ${dir}: ${(error as Error).message}`);
  }
  const files: CorpusFile[] = [];
  for (const name of names.sort()) {
    try {
      const full = path.join(dir, name);
      if (!statSync(full).isFile()) continue;
      files.push({ name, raw: readFileSync(full, 'utf8') });
    } catch (error) {
      log.warn({ file: name, err: (error as Error).message }, 'skipping unreadable article');
    }
  }
  return files;
}

/** Metadata from `sources.yml`, keyed by file name; an unreadable sidecar is logged and ignored. */
export function readSidecar(dir: string): Map<string, RawMeta> {
  return parseSidecar(readSidecarText(dir));
}

/** Parses the text of `sources.yml` (empty when there is none); bad entries are logged and left out. */
export function parseSidecar(text: string): Map<string, RawMeta> {
  const result = new Map<string, RawMeta>();
  try {
    const data = parseYaml(text) as Record<string, unknown> | null;
    for (const [name, value] of Object.entries(data ?? {})) {
      const parsed = metaSchema.safeParse(value ?? {});
      if (parsed.success) result.set(name, parsed.data);
      else log.warn({ file: SIDECAR, entry: name, err: parsed.error.issues[0]?.message }, 'ignoring bad metadata entry');
    }
  } catch (error) {
    log.warn({ file: SIDECAR, err: (error as Error).message }, 'ignoring unreadable metadata file');
  }
  return result;
}

/** YAML front matter; a byte-order mark before it (Windows editors) is allowed. */
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Splits YAML front matter off a Markdown article. Bad front matter is logged and treated as absent. */
export function splitFrontMatter(name: string, raw: string): { meta: RawMeta; body: string; bodyOffset: number } {
  const match = FRONT_MATTER.exec(raw);
  if (!match) return { meta: {}, body: raw, bodyOffset: 0 };
  const body = raw.slice(match[0].length);
  try {
    const parsed = metaSchema.safeParse(parseYaml(match[1]!) ?? {});
    if (parsed.success) return { meta: parsed.data, body, bodyOffset: match[0].length };
    log.warn({ file: name, err: parsed.error.issues[0]?.message }, 'ignoring bad front matter');
  } catch (error) {
    log.warn({ file: name, err: (error as Error).message }, 'ignoring unreadable front matter');
  }
  return { meta: {}, body, bodyOffset: match[0].length };
}

/**
 * The longest article body read: news articles run to tens of thousands of characters; a file far longer
 * (a dump, a book) is cut here, with a log line, so that no file can hold up ingestion for long.
 */
export const MAX_ARTICLE_CHARS = 200_000;

/** Builds an Article from one file: metadata from front matter, else the sidecar; language detected if absent. */
export function parseArticle(file: CorpusFile, sidecar: RawMeta = {}): Article {
  const { meta: front, body: whole, bodyOffset } = splitFrontMatter(file.name, file.raw);
  const body = headOf(whole, MAX_ARTICLE_CHARS);
  if (body.length < whole.length) log.warn({ file: file.name, chars: whole.length, maxChars: MAX_ARTICLE_CHARS }, 'article too long: only its beginning is read');
  const meta = { ...sidecar, ...front };
  const title = meta.title ?? null;
  const cleaned = cleanArticle(body, title);
  const lang: Lang = meta.lang ?? detectLanguage(body);
  // Sentence offsets point into the whole file, front matter included.
  if (bodyOffset) {
    for (const passage of cleaned.passages) {
      for (const sentence of passage.sentences) {
        sentence.start += bodyOffset;
        sentence.end += bodyOffset;
      }
    }
  }
  return {
    id: file.name,
    title: title ?? shorten(cleaned.firstSentence),
    outlet: meta.outlet ?? null,
    date: meta.date ? meta.date.slice(0, 10) : null,
    byline: meta.byline ?? null,
    lang,
    url: meta.url ?? null,
    passages: cleaned.passages,
  };
}

const TITLE_FROM_TEXT_MAX = 120;

/** The first sentence stands in for a missing title, cut at a word boundary when long. */
function shorten(sentence: string | null): string | null {
  if (!sentence || sentence.length <= TITLE_FROM_TEXT_MAX) return sentence;
  return `${sentence.slice(0, TITLE_FROM_TEXT_MAX).replace(/\s+\S*$/, '')} …`;
}

/** A fingerprint of the corpus: changes whenever a file is added, removed or edited. */
export function fingerprint(files: CorpusFile[], sidecarText: string, salt: string): string {
  const hash = createHash('sha256').update(salt);
  for (const file of files) hash.update(file.name).update('\0').update(file.raw).update('\0');
  return hash.update(sidecarText).digest('hex').slice(0, 32);
}

/** The text of `sources.yml`, or '' when the folder has none. */
export function readSidecarText(dir: string): string {
  try {
    return readFileSync(path.join(dir, SIDECAR), 'utf8');
  } catch {
    return '';
  }
}
