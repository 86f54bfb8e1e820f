/**
 * Companies the entity list does not know yet. News is full of start-ups no list has heard of, so a name is
 * also taken as a company when the text itself says so: a legal or company suffix ("Acme AI", "Foo Labs",
 * "Bar Robotics GmbH", "Baz Inc.") or a start-up cue before it ("das Münchner Start-up Foo", "AI startup Foo").
 * Such companies get ids starting with `~` and are looked up by name like the listed ones.
 */
import type { Entity, EntityCatalog, EntityMention } from './entities.ts';
import { normalizeName } from './entities.ts';

const NAME_WORD = String.raw`\p{Lu}[\p{L}\d&'’.-]*`;
const SUFFIX = String.raw`(?:AI|Labs|Robotics|Technologies|Systems|Inc\.?|Corp\.?|Corporation|AG|GmbH|SE|Ltd\.?|LLC|plc|S\.A\.|SAS)`;
/** "Acme AI", "Black Box Labs", "Robo Systems GmbH": up to three capitalised words and a suffix. */
const WITH_SUFFIX = new RegExp(String.raw`(?<![\p{L}\d])(${NAME_WORD}(?:\s+${NAME_WORD}){0,2}\s+${SUFFIX})(?![\p{L}\d])`, 'gu');
/** "Start-up Foo", "KI-Start-up Foo Bar", "AI startup Foo": the cue, then the name. */
const AFTER_CUE = new RegExp(
  String.raw`(?:Start-?up|Startup|startup|start-up|KI-Firma|KI-Unternehmen|AI company|AI lab|Softwarefirma)\s+(${NAME_WORD}(?:\s+${NAME_WORD}){0,2})`,
  'gu',
);
const LEGAL_FORM = /\s+(?:Inc\.?|Corp\.?|Corporation|AG|GmbH|SE|Ltd\.?|LLC|plc|S\.A\.|SAS)$/u;

/** A cheap first look: a suffix or a cue somewhere in the text. */
const HINT = /\b(?:AI|Labs|Robotics|Technologies|Systems|Inc|Corp|Corporation|AG|GmbH|SE|Ltd|LLC|plc|SAS|S\.A)\b|tart-?up|KI-Firma|KI-Unternehmen|AI company|AI lab|Softwarefirma/;

/** Capitalised words that begin sentences or name no company. */
const NOT_A_NAME = new Set(['The', 'A', 'An', 'Die', 'Der', 'Das', 'Ein', 'Eine', 'Its', 'Their', 'Sein', 'Ihr', 'This', 'That', 'Dieses', 'Diese', 'In', 'For', 'Mit', 'Und', 'And', 'Generative', 'Open']);

function slug(name: string): string {
  return `~${normalizeName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function unknownEntity(name: string): Entity {
  return { id: slug(name), name, kind: 'company', aliases: [name] };
}

/** Company names in `text` that none of the `known` mentions covers. */
export function findUnknownCompanies(text: string, known: EntityMention[]): EntityMention[] {
  if (!HINT.test(text)) return []; // most sentences name no company this way: skip the two patterns
  const found: EntityMention[] = [];
  const add = (name: string, start: number) => {
    const words = name.split(/\s+/);
    while (words.length > 1 && NOT_A_NAME.has(words[0]!)) {
      start += words[0]!.length + 1;
      words.shift();
    }
    // The legal form is no part of the name people use: "Acme AI Inc." is Acme AI.
    const clean = words.join(' ').replace(LEGAL_FORM, '').replace(/[.,]$/, '');
    if (clean.length < 3 || NOT_A_NAME.has(clean) || !/\s/.test(name + ' ')) return;
    const end = start + clean.length;
    if ([...known, ...found].some((m) => start < m.end && end > m.start)) return;
    const entity = unknownEntity(clean);
    found.push({ entity, canonical: entity, start, end, text: text.slice(start, end) });
  };
  for (const match of text.matchAll(WITH_SUFFIX)) {
    // "Microsoft AI" is Microsoft's: a known name followed by a suffix is the known one.
    const suffixFree = match[1]!.replace(new RegExp(String.raw`\s+${SUFFIX}$`, 'u'), '');
    if (!known.some((m) => m.text === suffixFree)) add(match[1]!, match.index);
  }
  for (const match of text.matchAll(AFTER_CUE)) add(match[1]!, match.index + match[0].length - match[1]!.length);
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Names for queries: the entity list first, then the unknown companies seen in the corpus, so `/deal acme`
 * finds "Acme AI" once an article has named it.
 */
export class NameIndex {
  private readonly unknown = new Map<string, Entity>();

  constructor(readonly catalog: EntityCatalog) {}

  /** Remembers an unknown company from a stored fact (ids starting with `~`). */
  remember(id: string | null, name: string | null): void {
    if (id?.startsWith('~') && name && !this.unknown.has(id)) this.unknown.set(id, unknownEntity(name));
  }

  get(id: string): Entity | undefined {
    return this.catalog.get(id) ?? this.unknown.get(id);
  }

  resolve(query: string): Entity | undefined {
    const known = this.catalog.resolve(query);
    if (known) return known;
    const wanted = normalizeName(query);
    if (wanted.length < 3) return undefined;
    const all = [...this.unknown.values()];
    return all.find((e) => normalizeName(e.name) === wanted) ?? all.find((e) => normalizeName(e.name).split(' ')[0] === wanted);
  }

  find(text: string): EntityMention[] {
    const known = this.catalog.find(text);
    const wanted = normalizeName(text);
    const exact = [...this.unknown.values()].find((e) => normalizeName(e.name) === wanted);
    if (exact && known.length === 0) return [{ entity: exact, canonical: exact, start: 0, end: text.length, text }];
    return known;
  }

  suggest(query: string, n = 5): string[] {
    const wanted = normalizeName(query);
    const unknown = [...this.unknown.values()].map((e) => e.name).filter((name) => wanted.length >= 3 && normalizeName(name).includes(wanted));
    return [...new Set([...this.catalog.suggest(query, n), ...unknown])].slice(0, n);
  }
}
