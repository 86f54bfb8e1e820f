/** Reading a question of /deal, /number and /check: company names, years and the other words. */
import type { Entity } from '../src/extract/entities.ts';
import type { NameIndex } from '../src/extract/unknown-names.ts';

export interface ReadQuery {
  entities: Entity[];
  /** Four-digit years (`2026`) to narrow by date or period. */
  years: string[];
  /** Words that are neither a company nor a year. */
  rest: string[];
}

const MAX_SPAN = 3;

/** What reading a query needs of the names: the entity list, or the corpus's names (list + unknown companies). */
type Names = Pick<NameIndex, 'resolve' | 'find'>;

/** Reads company names (longest first, up to three words: "Project Prometheus", "SoftBank Vision Fund"), years and the rest. */
export function readQuery(text: string, catalog: Names): ReadQuery {
  const words = text.split(/[\s,;?!]+/).map((w) => w.replace(/^[("'“„]+|[)"'”.:]+$/g, '')).filter(Boolean);
  const result: ReadQuery = { entities: [], years: [], rest: [] };
  for (let i = 0; i < words.length; ) {
    if (/^(?:19|20)\d{2}$/.test(words[i]!)) {
      result.years.push(words[i++]!);
      continue;
    }
    let found = false;
    for (let n = Math.min(MAX_SPAN, words.length - i); n >= 1 && !found; n--) {
      const span = words.slice(i, i + n).join(' ');
      const entity = resolveSpan(span, n, catalog);
      if (entity && !result.entities.some((e) => e.id === entity.id)) {
        result.entities.push(entity);
        i += n;
        found = true;
      }
    }
    if (!found) result.rest.push(words[i++]!);
  }
  return result;
}

/**
 * A single word resolves leniently (inflections, typos: `openais`, `antrhopic`); a span of several words, or
 * a word of two letters, only when it is one name as a whole ("Project Prometheus", "LG"), so "anthropic
 * valuation" stays two words.
 */
function resolveSpan(span: string, words: number, catalog: Names): Entity | undefined {
  // A single word of three letters or more is read leniently; a shorter one ("LG", "1X") only as written.
  if (words === 1 && span.length >= 3) return catalog.resolve(span);
  const mentions = catalog.find(span);
  const whole = mentions.length === 1 && mentions[0]!.start === 0 && mentions[0]!.end === span.length;
  return whole ? mentions[0]!.entity : undefined;
}

/**
 * Keeps `top` the first `limit` items of a stable sort by `compare` of everything offered so far: a
 * company's thousands of facts are ranked without sorting them all (O(n · limit) instead of O(n log n),
 * with `limit` small).
 */
export function insertTop<T>(top: T[], item: T, limit: number, compare: (a: T, b: T) => number): void {
  if (top.length === limit && compare(item, top[limit - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && compare(item, top[i - 1]!) < 0) i--;
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}

/** What a question may end with to get a file with its answer: a spreadsheet or a chart. */
export type FileOutput = 'csv' | 'chart';

/**
 * Splits the output word off the end of a question (`openai csv` → `openai` and `csv`), if it is one that
 * the command offers; any other last word stays part of the question.
 */
export function splitOutput<O extends FileOutput>(text: string, offered: readonly O[]): { text: string; output?: O } {
  const trimmed = text.trim();
  const match = /\s+(\p{L}+)$/u.exec(trimmed);
  const word = match?.[1]!.toLowerCase() as O | undefined;
  if (!match || !word || !offered.includes(word)) return { text: trimmed };
  return { text: trimmed.slice(0, match.index), output: word };
}
