/**
 * Companies the entity list does not know yet. News is full of start-ups no list has heard of, so a name is
 * also taken as a company when the text itself says so:
 * - a company suffix or legal form: "Acme AI", "Foo Labs", "Bar Robotics GmbH", "Baz Inc.";
 * - a company noun before it: "the London-based startup Wayve", "AI company Cohere", "das Freiburger
 *   KI-Start-up Tacto", "die US-Firma Nice";
 * - an apposition after it: "Clay, an AI sales automation startup", "Cognigy, ein KI-Unternehmen aus Düsseldorf".
 * Once an article has named a company this way, `ArticleNames` finds it in all its other sentences too
 * (and "Skild AI" also as "Skild"). Such companies get ids starting with `~` and are looked up by name like
 * the listed ones.
 */
import type { Entity, EntityCatalog, EntityMention } from './entities.ts';
import { normalizeName } from './entities.ts';
import type { Lang } from '../text/lang.ts';

/** A word of a name: capitalised, may hold digits, dots, colons and inner capitals ("Run:ai", "Q.ai", "ElevenLabs"). */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\d&'’.:-]*[\p{L}\d]|\p{Lu}`;
const NAME = String.raw`(?:${NAME_WORD})(?:\s+(?:${NAME_WORD})){0,2}`;
const SUFFIX = String.raw`(?:AI|Labs|Robotics|Technologies|Systems|Inc\.?|Corp\.?|Corporation|AG|GmbH|SE|Ltd\.?|LLC|plc|S\.A\.|SAS)`;
/** "Acme AI", "Black Box Labs", "Robo Systems GmbH": up to three capitalised words and a suffix. */
const WITH_SUFFIX = new RegExp(String.raw`(?<![\p{L}\d])(${NAME}\s+${SUFFIX})(?![\p{L}\d])`, 'gu');

/** Nouns that say the name after them is a company ("startup Wayve", "KI-Start-up Tacto", "Firma Nice"). */
const COMPANY_NOUNS_EN = String.raw`start-?up|company|firm|lab|developer|maker|unicorn|rival|provider|chipmaker|upstart|specialist|operator|newcomer|outfit|venture firm|investment firm`;
/** German company nouns, also as the last part of a hyphen compound ("KI-Start-up", "US-Firma"): the look-behind allows a hyphen. */
const COMPANY_NOUNS_DE = String.raw`(?:Start-?up|Startup|Firma|Unternehmen|Konzern|Hersteller|Anbieter|Entwickler|Spezialist|Rivale|Konkurrent|Investor|Fonds|Softwarehaus|Chipriese|Tochter)`;
/** The cue, then the name; a German name must be followed by punctuation or a lower-case word ("Firma Nice übernahm"). */
const AFTER_CUE_EN = new RegExp(String.raw`(?<![\p{L}])(?:${COMPANY_NOUNS_EN})\s+(${NAME})(?![\p{L}\d])`, 'gu');
const AFTER_CUE_DE = new RegExp(String.raw`(?<![\p{L}])(?:${COMPANY_NOUNS_DE})\s+(${NAME})(?=\s*[,.;:)!?]|\s+\p{Ll}|\s+(?:Ende|Anfang|Mitte)\s|$)`, 'gu');
/** The name, then an apposition that says what it is: "Clay, an AI sales automation startup". */
const apposition = (articles: string, nouns: string) =>
  new RegExp(
    String.raw`(?<![\p{L}\d])(?<!\b(?:in|aus|from|at|nach|to) )(${NAME}),\s+(?:${articles})\s+(?:[\p{L}\d'’-]+\s+){0,4}(?:[\p{L}\d]+-)*(?:${nouns})(?![\p{L}])(?=\s*[,.;:)–—]|\s+(?:aus|from|based|in|im|that|which|whose|mit|with|für|for|of|known|founded|backed|valued|headquartered|launched|created|owned|gegründet)\b)`,
    'gu',
  );
/** Each language's patterns: an English article is not searched for German company nouns, and back. */
const BY_LANG: Record<Lang, { afterCue: RegExp; apposition: RegExp }> = {
  en: { afterCue: AFTER_CUE_EN, apposition: apposition('a|an|the|another', COMPANY_NOUNS_EN) },
  de: { afterCue: AFTER_CUE_DE, apposition: apposition('ein|eine|einem|einer', COMPANY_NOUNS_DE) },
};
/**
 * English names in front of "raised $…": whoever raises money is a company ("Fetch.ai and Iris Audio have
 * raised $40 million and $7 million respectively"). German puts the subject anywhere, so only English.
 */
const RAISED_BY = new RegExp(
  String.raw`(?<![\p{L}\d])(${NAME}(?:(?:,\s+${NAME})*,?\s+and\s+${NAME})?)\s+(?:(?:has|have|had|just|recently|reportedly|also)\s+)*(?:raised|raises|secured|secures|closed|landed|bagged|collected)\s+(?:a\s+|an\s+|about\s+|around\s+|more than\s+|nearly\s+)?(?:US)?[$€£\d]`,
  'gu',
);
const LEGAL_FORM = /\s+(?:Inc\.?|Corp\.?|Corporation|AG|GmbH|SE|Ltd\.?|LLC|plc|S\.A\.|SAS)$/u;
/** The part of "Skild AI" an article may use alone. */
const SHORTENABLE = /^(\p{Lu}[\p{L}\d]{3,})\s+(?:AI|Labs|Robotics|Technologies|Systems|Data|Dynamics)$/u;

/** Cheap first looks, one per pattern: a suffix, a company noun, an apposition, a raise verb. */
const HINTS = {
  suffix: /\b(?:AI|Labs|Robotics|Technologies|Systems|Inc|Corp|Corporation|AG|GmbH|SE|Ltd|LLC|plc|SAS|S\.A)\b/,
  noun: new RegExp(String.raw`\b(?:${COMPANY_NOUNS_EN})\b|${COMPANY_NOUNS_DE}`),
  apposition: /,\s+(?:a|an|the|another|ein|eine|einem|einer)\s/,
  raised: /\b(?:raised|raises|secured|secures|closed|landed|bagged|collected)\b/,
  bought: /\b(?:acquir|buy|bought|purchas|took over|takes? over)/,
};
/**
 * English names right after a verb of buying, before a preposition or punctuation: "agreed to buy Core
 * Scientific in an all-stock deal", "acquires Lakera for $300 million". ("acquire Israeli startup Run:ai":
 * a name followed by a lower-case word is none.)
 */
const BOUGHT = new RegExp(
  String.raw`\b(?:acquir(?:e|es|ed|ing)|bu(?:y|ys|ying)|bought|purchas(?:e|es|ed|ing)|tak(?:e|es|ing) over|took over)\s+(${NAME})(?=\s+(?:in|for|at|from|to|by|with|and|as)\b|\s*[,.;:)]|$)`,
  'gu',
);
const TRAILING_SUFFIX = new RegExp(String.raw`\s+${SUFFIX}$`, 'u');
const ONLY_A_SUFFIX = new RegExp(String.raw`^${SUFFIX}$`, 'u');
const NAME_IN_LIST = new RegExp(NAME, 'gu');

/** Capitalised words that begin sentences, tell time or name no company. */
/** A German company noun, also inflected or in a compound, that stands before a name: "den Server-Spezialisten ZT Systems". */
const COMPANY_NOUN_WORD = new RegExp(String.raw`^[\p{L}-]*${COMPANY_NOUNS_DE}(?:en|n|s|e|es)?$`, 'u');

const NOT_A_NAME = new Set([
  'The', 'A', 'An', 'Die', 'Der', 'Das', 'Ein', 'Eine', 'Its', 'Their', 'Sein', 'Ihr', 'This', 'That', 'Dieses', 'Diese', 'In', 'For',
  'Mit', 'Und', 'And', 'Generative', 'Open', 'It', 'Es', 'Sie', 'Er', 'We', 'Wir', 'But', 'Aber', 'Also', 'Auch', 'As', 'Als', 'On', 'At',
  'Ende', 'Anfang', 'Mitte', 'Jahr', 'Jahres', 'Monat', 'Woche', 'Quartal', 'Last', 'Next', 'Earlier', 'Later', 'Today', 'Heute', 'Nun', 'Now',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Januar', 'Februar', 'März', 'Mai', 'Juni', 'Juli', 'Oktober', 'Dezember',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag',
  'US', 'USA', 'EU', 'UK', 'CEO', 'KI', 'IPO', 'Series', 'Seed', 'Reuters', 'Bloomberg', 'According', 'Laut',
  // Words that open sentences or describe AI without naming anyone: "Because AI …", "Chinese AI labs".
  'Because', 'While', 'When', 'If', 'After', 'Before', 'Since', 'Although', 'Despite', 'Without', 'Unlike', 'Like', 'From', 'By', 'So',
  'Weil', 'Wenn', 'Während', 'Nachdem', 'Obwohl', 'Doch', 'Dass', 'Damit', 'Auf', 'Bei', 'Für', 'Von', 'Zu', 'Im', 'Am', 'Vom',
  'Chinese', 'American', 'European', 'German', 'French', 'British', 'Japanese', 'Israeli', 'Canadian', 'Korean', 'Indian', 'Swiss',
  'Worldwide', 'Agentic', 'Physical', 'Sovereign', 'Enterprise', 'Conversational', 'Responsible',
  'Chinesische', 'Amerikanische', 'Europäische', 'Künstliche',
]);

function slug(name: string): string {
  return `~${normalizeName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function unknownEntity(name: string, kind: 'company' | 'person' = 'company'): Entity {
  return { id: slug(name), name, kind, aliases: [name] };
}

/**
 * Company names in `text` that none of the `known` mentions covers, found by suffix, company noun or
 * apposition; in the patterns of `lang`, or of both languages when it is not given.
 */
export function findUnknownCompanies(text: string, known: EntityMention[], lang?: Lang): EntityMention[] {
  const found: EntityMention[] = [];
  const add = (name: string, start: number) => addName(name, start, text, known, found);
  // Each pattern only where its cheap hint is in the text: most sentences have none of them.
  if (HINTS.suffix.test(text)) {
    for (const match of text.matchAll(WITH_SUFFIX)) {
      // "Microsoft AI" is Microsoft's: a known name followed by a suffix is the known one.
      const suffixFree = match[1]!.replace(TRAILING_SUFFIX, '');
      if (!known.some((m) => m.text === suffixFree)) add(match[1]!, match.index);
    }
  }
  const patterns = lang ? [BY_LANG[lang]] : [BY_LANG.en, BY_LANG.de];
  if (HINTS.noun.test(text)) {
    for (const { afterCue } of patterns) {
      for (const match of text.matchAll(afterCue)) add(match[1]!, match.index + match[0].length - match[1]!.length);
    }
  }
  if (HINTS.apposition.test(text)) for (const { apposition } of patterns) for (const match of text.matchAll(apposition)) add(match[1]!, match.index);
  if (lang !== 'de' && HINTS.bought.test(text)) for (const match of text.matchAll(BOUGHT)) add(match[1]!, match.index + match[0].length - match[1]!.length);
  if (lang !== 'de' && HINTS.raised.test(text)) for (const match of text.matchAll(RAISED_BY)) {
    // Each name of the list on its own: "Fetch.ai", "Iris Audio".
    for (const part of match[1]!.matchAll(NAME_IN_LIST)) {
      if (!/^(?:and|und)$/u.test(part[0])) add(part[0], match.index + part.index);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Adds `name`, found at `start`, to `found`: without the sentence words before it, the time words after it
 * or its legal form, and only where no other name stands.
 */
function addName(name: string, start: number, text: string, known: EntityMention[], found: EntityMention[]): void {
  let words = name.split(/\s+/);
  while (words.length > 1 && (NOT_A_NAME.has(words[0]!) || COMPANY_NOUN_WORD.test(words[0]!))) {
    start += words[0]!.length + 1;
    words.shift();
  }
  // "Nice Ende Juli": a word that tells time ends the name.
  const stop = words.findIndex((w, i) => i > 0 && NOT_A_NAME.has(w));
  if (stop > 0) words = words.slice(0, stop);
  // The legal form is no part of the name people use: "Acme AI Inc." is Acme AI.
  const clean = words.join(' ').replace(LEGAL_FORM, '').replace(/['’]s?$|[.,:]$/u, '');
  if (clean.length < 2 || words.some((w) => NOT_A_NAME.has(w)) || ONLY_A_SUFFIX.test(clean)) return;
  const end = start + clean.length;
  const overlaps = (m: EntityMention) => start < m.end && end > m.start;
  if (known.some(overlaps) || found.some(overlaps)) return;
  const entity = unknownEntity(clean);
  found.push({ entity, canonical: entity, start, end, text: text.slice(start, end) });
}

/**
 * The unknown companies of one article: learnt from every sentence first, then found in every sentence, so
 * "Skild AI" named once with a cue is also the "Skild" of a later sentence that has none.
 */
export class ArticleNames {
  private readonly entities = new Map<string, Entity>();
  /** The learnt names, longest first (so "Skild AI" is found before "Skild"); made again after `learn`. */
  private longestFirst: [string, Entity][] | null = null;
  /** What each sentence named by its own cues, kept from `learn` for `mentionsIn`. */
  private readonly cued = new Map<string, EntityMention[]>();

  /** `lang`: the article's language (both languages' patterns when not given). */
  constructor(private readonly lang?: Lang) {}

  learn(text: string, known: EntityMention[]): void {
    const found = findUnknownCompanies(text, known, this.lang);
    this.cued.set(text, found);
    // A listed company named in full ("Quantum Systems") may come back as its first word ("Quantum").
    for (const mention of known) if (mention.entity.kind !== 'person') this.rememberShortForm(mention.text, mention.canonical);
    for (const mention of found) {
      this.remember(mention.entity.name, mention.entity);
      this.rememberShortForm(mention.entity.name, mention.entity);
    }
  }

  private remember(surface: string, entity: Entity): void {
    if (this.entities.has(surface)) return;
    this.entities.set(surface, entity);
    this.longestFirst = null;
  }

  /** "Skild AI" → "Skild", when the first word can stand alone. */
  private rememberShortForm(name: string, entity: Entity): void {
    const short = SHORTENABLE.exec(name)?.[1];
    if (short && !NOT_A_NAME.has(short)) this.remember(short, entity);
  }

  /** The known mentions and every learnt name in `text`, in text order. */
  mentionsIn(text: string, known: EntityMention[]): EntityMention[] {
    const found = [...(this.cued.get(text) ?? findUnknownCompanies(text, known, this.lang))];
    const taken = [...known, ...found];
    this.longestFirst ??= [...this.entities].sort((a, b) => b[0].length - a[0].length);
    for (const [surface, entity] of this.longestFirst) {
      for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
        const end = at + surface.length;
        // Whole words only; a genitive "'s" or German "s" may follow ("Skild's", "Skilds").
        if (/[\p{L}\d]/u.test(text[at - 1] ?? '') || /[\p{L}\d]/u.test((text.slice(end).replace(/^['’]?s(?![\p{L}])/u, '')[0]) ?? '')) continue;
        if (taken.some((m) => at < m.end && end > m.start)) continue;
        const mention = { entity, canonical: entity, start: at, end, text: surface };
        taken.push(mention);
        found.push(mention);
      }
    }
    return found.length ? [...known, ...found].sort((a, b) => a.start - b.start) : known;
  }
}

/**
 * Names for queries: the entity list first, then the unknown companies seen in the corpus, so `/deal acme`
 * finds "Acme AI" once an article has named it.
 */
export class NameIndex {
  private readonly unknown = new Map<string, Entity>();
  /** The unknown companies by their normalised name, and by its first word ("skild" → Skild AI): the first one remembered. */
  private readonly byName = new Map<string, Entity>();
  private readonly byFirstWord = new Map<string, Entity>();

  constructor(readonly catalog: EntityCatalog) {}

  /** Remembers an unknown company from a stored fact (ids starting with `~`). */
  remember(id: string | null, name: string | null): void {
    if (!id?.startsWith('~') || !name || this.unknown.has(id)) return;
    const entity = unknownEntity(name);
    this.unknown.set(id, entity);
    const normal = normalizeName(name);
    if (!this.byName.has(normal)) this.byName.set(normal, entity);
    const first = normal.split(' ')[0]!;
    if (!this.byFirstWord.has(first)) this.byFirstWord.set(first, entity);
  }

  get(id: string): Entity | undefined {
    return this.catalog.get(id) ?? this.unknown.get(id);
  }

  resolve(query: string): Entity | undefined {
    const known = this.catalog.resolve(query);
    if (known) return known;
    const wanted = normalizeName(query);
    if (wanted.length < 3) return undefined;
    return this.byName.get(wanted) ?? this.byFirstWord.get(wanted);
  }

  find(text: string): EntityMention[] {
    const known = this.catalog.find(text);
    const exact = this.byName.get(normalizeName(text));
    if (exact && known.length === 0) return [{ entity: exact, canonical: exact, start: 0, end: text.length, text }];
    return known;
  }

  suggest(query: string, n = 5): string[] {
    const wanted = normalizeName(query);
    const unknown = wanted.length >= 3 ? [...this.byName].filter(([normal]) => normal.includes(wanted)).map(([, e]) => e.name) : [];
    return [...new Set([...this.catalog.suggest(query, n), ...unknown])].slice(0, n);
  }
}
