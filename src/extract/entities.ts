/**
 * Entity catalogue (companies, funds, projects, labs, people) and a fast mention matcher.
 *
 * Data lives in `entities.yml` next to this module (see the header of that file for the format);
 * `EntityCatalog.load(path)` accepts another file so config can point elsewhere.
 *
 * Matching (`find`):
 *  - case-insensitive, except aliases flagged `caseSensitive` (ordinary words: Meta, Apple, Stargate …);
 *  - an alias must start at a word start and end at a word end, where "word" means letters, combining
 *    marks and digits. Hyphens/dashes (incl. U+2011) are boundaries, so hyphen compounds count
 *    (`Amazon-Gründer`, `OpenAI‑Chef`, `NVIDIA‑zentrierten`) but closed compounds do not (`Amazonas`, `Metadaten`);
 *  - genitive / inflected forms are accepted: `Amazons`, `OpenAIs`, `Amazon's`, `Nvidia’s`, and a bare
 *    apostrophe after s/x/z/ß (`Bezos'`). **The span includes that suffix**: for `Amazons` the mention text
 *    is `Amazons`, always `text.slice(start, end) === mention.text`;
 *  - leftmost, then longest match wins; mentions never overlap (`Amazon Web Services` is one AWS mention);
 *  - spaces inside aliases match any whitespace, hyphens any dash, apostrophes `'` or `’`.
 *
 * Implementation: the text is scanned word by word with one precompiled regex; each word is looked up
 * (lower-cased, optionally without a trailing `s`) in a map of alias first-words, and only the few
 * candidate aliases for that word are tried with precompiled sticky regexes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { APOSTROPHES, classSource, DASHES } from '../text/chars.ts';

export type EntityKind = 'company' | 'fund' | 'person' | 'project' | 'lab' | 'country';

/** Per-alias matching options (from `{ text, caseSensitive, notBefore }` alias entries in the YAML). */
export interface AliasRule {
  /** Match only as written (for aliases that are ordinary words: Meta, Apple, Prometheus …). */
  caseSensitive?: boolean;
  /** Do not match when directly followed by one of these (case-sensitive; a leading `-` matches any dash): `-Ebene`. */
  notBefore?: string[];
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** Id of the entity this one belongs to (AWS → amazon). */
  parent?: string;
  /** Loose link, never used for attribution: a person's company, a vehicle's backer. */
  affiliation?: string;
  /** Free text for people: `CEO`, `founder` … */
  role?: string;
  /**
   * Whom a deal mentioning this entity is attributed to when it has a parent.
   * Default: `self` for funds and people, `parent` otherwise.
   */
  attribution?: 'parent' | 'self';
  /** Matching rules keyed by alias (or name) as written in `aliases`. */
  aliasRules?: Record<string, AliasRule>;
}

export interface EntityMention {
  entity: Entity;
  /** the entity a deal should be attributed to: parent for parts like AWS, itself otherwise (people stay themselves) */
  canonical: Entity;
  start: number;
  end: number;
  /** Surface text, including a genitive suffix (`Amazons`, `Bezos'`); equals `text.slice(start, end)`. */
  text: string;
}

export class EntityCatalogError extends Error {
  override name = 'EntityCatalogError';
}

// ───────────────────────────── validation ─────────────────────────────

const KINDS = ['company', 'fund', 'person', 'project', 'lab', 'country'] as const;
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "amazon" or "jeff-bezos"');
const aliasText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => /^[\p{L}\p{N}]/u.test(s), 'must start with a letter or digit');
const aliasRuleShape = {
  caseSensitive: z.boolean().optional(),
  notBefore: z.array(z.string().min(1)).optional(),
};
const yamlAlias = z.preprocess(
  (v) => (typeof v === 'string' ? { text: v } : v),
  z.strictObject({ text: aliasText, ...aliasRuleShape }),
);
const yamlEntry = z.strictObject({
  id: slug,
  name: z.string().trim().min(1, 'must not be empty'),
  kind: z.enum(KINDS),
  aliases: z.array(yamlAlias).default([]),
  parent: slug.optional(),
  affiliation: slug.optional(),
  role: z.string().optional(),
  attribution: z.enum(['parent', 'self']).optional(),
});
const entityShape = z.strictObject({
  id: slug,
  name: z.string().trim().min(1, 'must not be empty'),
  kind: z.enum(KINDS),
  aliases: z.array(aliasText),
  parent: slug.optional(),
  affiliation: slug.optional(),
  role: z.string().optional(),
  attribution: z.enum(['parent', 'self']).optional(),
  aliasRules: z.record(z.string(), z.strictObject(aliasRuleShape)).optional(),
});

function describeEntry(raw: unknown, index: number): string {
  const id = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === 'string' ? `entry #${index + 1} (id "${id}")` : `entry #${index + 1}`;
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Validates cross-references and alias uniqueness; throws naming the offending entry. */
function validateEntities(list: readonly unknown[], source: string): Entity[] {
  const out: Entity[] = [];
  list.forEach((raw, index) => {
    const r = entityShape.safeParse(raw);
    if (!r.success) {
      throw new EntityCatalogError(`${source}: ${describeEntry(raw, index)}: ${formatIssues(r.error)}`);
    }
    out.push(r.data as Entity);
  });
  const byId = new Map<string, Entity>();
  out.forEach((e, index) => {
    if (byId.has(e.id)) throw new EntityCatalogError(`${source}: entry #${index + 1}: duplicate id "${e.id}"`);
    byId.set(e.id, e);
  });
  const aliasOwner = new Map<string, Entity>();
  out.forEach((e, index) => {
    const where = `${source}: entry #${index + 1} (id "${e.id}")`;
    for (const field of ['parent', 'affiliation'] as const) {
      const ref = e[field];
      if (ref !== undefined && !byId.has(ref)) throw new EntityCatalogError(`${where}: ${field} "${ref}" is not a known entity id`);
      if (ref === e.id) throw new EntityCatalogError(`${where}: ${field} must not be the entity itself`);
    }
    // parent cycles
    const seen = new Set([e.id]);
    for (let p = e.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (seen.has(p)) throw new EntityCatalogError(`${where}: parent chain has a cycle through "${p}"`);
      seen.add(p);
    }
    for (const alias of surfaceForms(e)) {
      const key = alias.normalize('NFC').toLowerCase();
      const other = aliasOwner.get(key);
      if (other && other !== e) {
        throw new EntityCatalogError(`${where}: alias "${alias}" is already used by entity "${other.id}"`);
      }
      aliasOwner.set(key, e);
    }
    for (const key of Object.keys(e.aliasRules ?? {})) {
      if (!surfaceForms(e).includes(key)) throw new EntityCatalogError(`${where}: aliasRules names unknown alias "${key}"`);
    }
  });
  return out;
}

/** Name + aliases, deduplicated, as written. */
function surfaceForms(e: Entity): string[] {
  return [...new Set([e.name, ...e.aliases].map((s) => s.trim()))];
}

// ───────────────────────────── text helpers ─────────────────────────────

const WORD_CHAR = String.raw`\p{L}\p{M}\p{N}`;
const NON_ASCII_WORD_CHAR = new RegExp(`[${WORD_CHAR}]`, 'u');

/** Word characters among the first code points (Latin, Greek, Cyrillic …), looked up instead of tested. */
const WORD_CODES = Uint8Array.from({ length: 0x2000 }, (_, code) => (NON_ASCII_WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0));

/** Whether the character at `i` belongs to a word (a letter, mark or digit), by a table for common scripts. */
function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x2000) return WORD_CODES[code] === 1;
  // A surrogate pair's halves are tested as the one character they form.
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) return NON_ASCII_WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  return NON_ASCII_WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}
const DASH_CLASS = classSource(DASHES);
const APOS_CLASS = classSource(APOSTROPHES);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for a literal alias: whitespace → \s+, any hyphen → hyphen class, apostrophes → both. */
function aliasPattern(alias: string): string {
  let src = '';
  for (const part of alias.split(/(\s+)/)) {
    if (/^\s+$/.test(part)) {
      src += '\\s+';
      continue;
    }
    for (const ch of part) {
      if (DASHES.includes(ch)) src += DASH_CLASS;
      else if (APOSTROPHES.includes(ch)) src += APOS_CLASS;
      else src += escapeRe(ch);
    }
  }
  return src;
}

/** Lower-case, strip diacritics, unify punctuation and whitespace (for `resolve`/`suggest`). */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(new RegExp(`${APOS_CLASS}|[\`´]`, 'g'), "'")
    .replace(new RegExp(DASH_CLASS, 'g'), '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'„“”«»‚(\[]+|[\s"„“”«»‚)\].,;:!?]+$/g, '')
    .trim();
}

/** Only letters and digits of the normalised form: "Open-AI" → "openai". */
function compact(s: string): string {
  return normalizeName(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Optimal string alignment distance (Levenshtein + adjacent transposition). */
function osaDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (!n) return m;
  if (!m) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** Edit distance between `q` and the closest prefix of `k` ("antro" vs "anthropic" → 1). */
function prefixDistance(q: string, k: string): number {
  const m = k.length;
  let prev = new Array<number>(m + 1).fill(0); // empty q vs any prefix: 0
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= q.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = q[i - 1] === k[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return Math.min(...prev);
}

// ───────────────────────────── catalog ─────────────────────────────

/** Spaces and dashes between the words of a name ("Open AI", "Mistral-AI"), as `aliasPattern` matches them. */
const isNameGap = (ch: string) => /\s/.test(ch) || DASHES.includes(ch);

/** The first letter of a name's second word, past the spaces and dashes after its first ("new enterprise …" → "e"). */
const SECOND_WORD_LETTER = new RegExp(`^(?:\\s|${DASH_CLASS})+(\\p{L})`, 'u');

/** Whether the next word after `position` (past spaces or a dash) starts with `letter` (lower case). */
function nextWordStarts(text: string, position: number, letter: string): boolean {
  let i = position;
  while (i < text.length && isNameGap(text[i]!)) i++;
  return i > position && i < text.length && text[i]!.toLowerCase() === letter;
}

interface Candidate {
  entity: Entity;
  re: RegExp; // sticky
  /**
   * For an alias of several words: the first letter of its second word, lower case ("new enterprise
   * associates" → "e"). A cheap test that spares the regular expression most of the words that merely
   * begin like an alias ("new", "european", "project").
   */
  nextLetter: string | null;
}

/** The bundled catalogue; `ENTITIES_FILE` may point elsewhere. */
export const DEFAULT_ENTITIES_FILE = fileURLToPath(new URL('./entities.yml', import.meta.url));

let bundled: EntityCatalog | undefined;

/** The bundled `entities.yml`, loaded once per process (ENTITIES_FILE is the configuration's business: `loadCorpus`). */
export function bundledCatalog(): EntityCatalog {
  bundled ??= EntityCatalog.load(DEFAULT_ENTITIES_FILE);
  return bundled;
}

/** Answers of `EntityCatalog.resolve` kept at most (a bound for long-running servers). */
const RESOLVED_LIMIT = 10_000;

export class EntityCatalog {
  readonly entities: Entity[];
  /** `resolve`'s answers by query: the catalog never changes after it is made. */
  private readonly resolved = new Map<string, Entity | undefined>();
  private readonly byId = new Map<string, Entity>();
  private readonly canonicalById = new Map<string, Entity>();
  /** lower-cased first word of an alias → candidate aliases, longest first */
  private readonly byFirstWord = new Map<string, Candidate[]>();
  /** compact normalised alias/name/id → entity ids */
  private readonly byCompact = new Map<string, Set<string>>();
  /** The same lists under the plural of each first word ("amazons", "nvidias"): one lookup per word. */
  private readonly byPlural = new Map<string, Candidate[]>();

  private constructor(entities: Entity[]) {
    this.entities = entities;
    for (const e of entities) this.byId.set(e.id, e);
    for (const e of entities) this.canonicalById.set(e.id, this.computeCanonical(e));

    const firstWordRe = new RegExp(`^[${WORD_CHAR}]+`, 'u');
    const endsWithWordChar = new RegExp(`[${WORD_CHAR}]$`, 'u');
    const tmp = new Map<string, { c: Candidate; len: number }[]>();
    for (const e of entities) {
      for (const alias of surfaceForms(e)) {
        const rule = e.aliasRules?.[alias] ?? {};
        let src = aliasPattern(alias);
        if (rule.notBefore?.length) src += `(?!${rule.notBefore.map(aliasPattern).join('|')})`;
        if (endsWithWordChar.test(alias)) {
          // genitive / inflection suffix; bare apostrophe only after s, x, z, ß (Bezos')
          const bare = /[sxzßSXZ]$/.test(alias) ? `|${APOS_CLASS}(?![${WORD_CHAR}])` : '';
          src += `(?:${APOS_CLASS}s|s${bare})?(?![${WORD_CHAR}])`;
        }
        const re = new RegExp(src, rule.caseSensitive ? 'uy' : 'iuy');
        const first = firstWordRe.exec(alias)![0].toLowerCase();
        const nextLetter = SECOND_WORD_LETTER.exec(alias.slice(first.length))?.[1]!.toLowerCase() ?? null;
        const list = tmp.get(first) ?? [];
        list.push({ c: { entity: e, re, nextLetter }, len: alias.length });
        tmp.set(first, list);

        const key = compact(alias);
        if (key) (this.byCompact.get(key) ?? this.byCompact.set(key, new Set()).get(key)!).add(e.id);
      }
      const idKey = compact(e.id);
      (this.byCompact.get(idKey) ?? this.byCompact.set(idKey, new Set()).get(idKey)!).add(e.id);
    }
    for (const [k, list] of tmp) this.byFirstWord.set(k, list.sort((a, b) => b.len - a.len).map((x) => x.c));
    for (const [k, list] of this.byFirstWord) if (k.length >= 2 && !this.byFirstWord.has(`${k}s`)) this.byPlural.set(`${k}s`, list);
  }

  /** Loads and validates a YAML catalogue (default: the bundled `entities.yml`). */
  static load(file: string = DEFAULT_ENTITIES_FILE): EntityCatalog {
    return EntityCatalog.fromText(EntityCatalog.readText(file), file);
  }

  /** The text of a catalogue file; throws `EntityCatalogError` naming the file when it cannot be read. */
  static readText(file: string): string {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      throw new EntityCatalogError(`${file}: cannot read entity catalogue: ${(err as Error).message}`);
    }
  }

  /** Parses and validates a catalogue's YAML `text`, read from `file` (named in errors). */
  static fromText(text: string, file: string): EntityCatalog {
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (err) {
      throw new EntityCatalogError(`${file}: cannot read entity catalogue: ${(err as Error).message}`);
    }
    const top = z.strictObject({ entities: z.array(z.unknown()) }).safeParse(doc);
    if (!top.success) {
      throw new EntityCatalogError(`${file}: expected a top-level "entities:" list: ${formatIssues(top.error)}`);
    }
    const list = top.data.entities.map((raw, index) => {
      const r = yamlEntry.safeParse(raw);
      if (!r.success) throw new EntityCatalogError(`${file}: ${describeEntry(raw, index)}: ${formatIssues(r.error)}`);
      const { aliases, ...rest } = r.data;
      const entity: Entity = { ...dropUndefined(rest), aliases: aliases.map((a) => a.text) };
      const rules: Record<string, AliasRule> = {};
      for (const a of aliases) {
        if (a.caseSensitive || a.notBefore) rules[a.text] = dropUndefined({ caseSensitive: a.caseSensitive, notBefore: a.notBefore });
      }
      if (Object.keys(rules).length) entity.aliasRules = rules;
      return entity;
    });
    return new EntityCatalog(validateEntities(list, file));
  }

  static fromEntities(list: Entity[]): EntityCatalog {
    return new EntityCatalog(validateEntities(list, 'entities'));
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** The entity deals should be attributed to (see `Entity.attribution`). */
  canonical(entity: Entity): Entity {
    return this.canonicalById.get(entity.id) ?? entity;
  }

  /** All mentions, in text order, non-overlapping, leftmost-longest. */
  find(text: string): EntityMention[] {
    const out: EntityMention[] = [];
    // Lower case once for the whole text (where that keeps every offset: almost always).
    const lower = text.toLowerCase();
    const sameLength = lower.length === text.length;
    // Words are scanned by character codes (ASCII without a regular expression: this runs on every sentence).
    for (let i = 0; i < text.length; ) {
      if (!isWordChar(text, i)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < text.length && isWordChar(text, j)) j++;
      const word = sameLength ? lower.slice(i, j) : text.slice(i, j).toLowerCase();
      const cands = this.byFirstWord.get(word) ?? this.byPlural.get(word);
      if (!cands) {
        i = j;
        continue;
      }
      const start = i;
      const after = j;
      let best: Candidate | undefined;
      let bestEnd = -1;
      for (const c of cands) {
        if (c.nextLetter !== null && !nextWordStarts(text, after, c.nextLetter)) continue;
        c.re.lastIndex = start;
        if (c.re.test(text) && c.re.lastIndex > bestEnd) {
          bestEnd = c.re.lastIndex;
          best = c;
        }
      }
      if (!best) {
        i = j;
        continue;
      }
      out.push({
        entity: best.entity,
        canonical: this.canonicalById.get(best.entity.id)!,
        start,
        end: bestEnd,
        text: text.slice(start, bestEnd),
      });
      i = bestEnd;
    }
    return out;
  }

  /**
   * User input → entity. Tries, in order: exact alias/name/id (case-, diacritic-, punctuation-insensitive),
   * inflected forms ("OpenAIs", "amazon's", "Bezos'"), a mention inside the query ("Nvidia Corp"),
   * then a light typo (1 edit from 5 letters, 2 from 9) if exactly one entity is that close.
   */
  resolve(query: string): Entity | undefined {
    // Questions repeat their words ("valuation", "capex"): the fuzzy search below is done once per word.
    if (this.resolved.has(query)) return this.resolved.get(query);
    if (this.resolved.size >= RESOLVED_LIMIT) this.resolved.clear();
    const entity = this.resolveUncached(query);
    this.resolved.set(query, entity);
    return entity;
  }

  private resolveUncached(query: string): Entity | undefined {
    const norm = normalizeName(query);
    if (!norm) return undefined;
    const variants = [norm];
    for (const suffix of ["'s", "'", 's']) {
      if (norm.endsWith(suffix) && norm.length - suffix.length >= 2) variants.push(norm.slice(0, -suffix.length));
    }
    for (const v of variants) {
      const hit = this.unique(this.byCompact.get(compact(v)));
      if (hit) return hit;
    }
    const mentioned = new Set(this.find(query.trim()).map((m) => m.entity.id));
    if (mentioned.size === 1) return this.byId.get([...mentioned][0]!);

    let bestDist = Infinity;
    let bestIds = new Set<string>();
    for (const v of variants) {
      const q = compact(v);
      const maxDist = q.length >= 9 ? 2 : q.length >= 5 ? 1 : 0;
      if (maxDist === 0) continue;
      for (const [key, ids] of this.byCompact) {
        if (key.length < 4 || Math.abs(key.length - q.length) > maxDist) continue;
        const d = osaDistance(q, key);
        if (d > maxDist || d > bestDist) continue;
        if (d < bestDist) {
          bestDist = d;
          bestIds = new Set();
        }
        for (const id of ids) bestIds.add(id);
      }
    }
    return bestIds.size === 1 ? this.byId.get([...bestIds][0]!) : undefined;
  }

  /** Nearest known display names (prefix, substring, edit distance), best first; [] if nothing is close. */
  suggest(query: string, n = 5): string[] {
    const q = compact(query);
    if (!q) return [];
    const limit = Math.max(1, Math.floor(q.length / 3));
    const scored: { name: string; score: number }[] = [];
    for (const e of this.entities) {
      let score = Infinity;
      for (const alias of surfaceForms(e)) {
        const k = compact(alias);
        let s: number;
        if (k === q) s = 0;
        else if (k.startsWith(q)) s = 0.2 + (k.length - q.length) / 1000;
        else if (q.length >= 3 && k.includes(q)) s = 0.6 + (k.length - q.length) / 1000;
        else {
          const full = osaDistance(q, k);
          const pre = q.length >= 3 ? prefixDistance(q, k) + 0.5 : Infinity;
          s = Math.min(full, pre);
          if (s > limit + 0.5) continue;
        }
        score = Math.min(score, s);
      }
      if (score < Infinity) scored.push({ name: e.name, score });
    }
    scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name));
    return [...new Set(scored.map((s) => s.name))].slice(0, n);
  }

  private unique(ids: Set<string> | undefined): Entity | undefined {
    return ids && ids.size === 1 ? this.byId.get([...ids][0]!) : undefined;
  }

  private computeCanonical(e: Entity): Entity {
    let cur = e;
    const seen = new Set<string>();
    while (cur.parent !== undefined && !seen.has(cur.id)) {
      seen.add(cur.id);
      const attribution = cur.attribution ?? (cur.kind === 'fund' || cur.kind === 'person' ? 'self' : 'parent');
      if (cur.kind === 'person' || attribution === 'self') break;
      const parent = this.byId.get(cur.parent);
      if (!parent) break;
      cur = parent;
    }
    return cur;
  }
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
