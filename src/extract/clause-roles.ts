/**
 * Who is who in a clause: frame cues, the clause's subject, names governed by prepositions, genitive owners,
 * investor lists ("led by A, B and C", "unter Führung von X") and the company in focus. The deal rules and the
 * round participants read parties through these.
 */
import { COMPANY_ANAPHORA, COMPANY_NOUN } from './cues.ts';
import type { Entity, EntityMention } from './entities.ts';
import {
  everyMatch,
  FRAME_CUES,
  INVESTOR_LIST_CUES,
  LEAD_CUES,
  NOUN_PHRASE_FILLERS,
  PREPOSITIONS,
  TARGET_PREPOSITION,
  TARGET_WORDS,
  WEAK_LIST_CUES,
  type Frame,
} from './frame-cues.ts';
import type { DealKind, Quantity } from './types.ts';
import type { Lang } from '../text/lang.ts';
import { unknownEntity } from './unknown-names.ts';
import { clauseOf, parties, type ArticleState, type SentenceView } from './reading.ts';
import { classSource, HYPHENS } from '../text/chars.ts';

/** A frame cue found in the sentence. */
export interface Cue {
  frame: Frame;
  start: number;
  end: number;
  kind?: DealKind;
}

/** A party of a deal: a named entity, or a company the text names by a noun ("digitale Plattformunternehmen"). */
export interface Party {
  id: string | null;
  name: string;
  mention: EntityMention | null;
}

/** Every frame cue of the sentence, in order. */
export function cuesOf(v: SentenceView, lang: Lang): Cue[] {
  let cues = CUES.get(v);
  if (!cues) CUES.set(v, (cues = findCues(v, lang)));
  return cues;
}

/** Cues and investor lists of each sentence, read once (the rules ask for them many times). */
const CUES = new WeakMap<SentenceView, Cue[]>();
const LISTS = new WeakMap<SentenceView, InvestorList[]>();

/**
 * All frame cues of a language as one pattern, one group per cue in `FRAME_CUES` order: a single scan of
 * the sentence, where at each position the earlier (more specific) frame wins.
 */
const allCues = (lang: Lang) =>
  // The shared look-behind first: positions inside a word fail at once, before any alternative is tried.
  new RegExp(`(?<![\\p{L}\\d])(?:${FRAME_CUES[lang].map((c, i) => `(?<c${i}>${c.pattern.source})`).join('|')})`, 'giu');
const ALL_CUES: Record<Lang, RegExp> = { en: allCues('en'), de: allCues('de') };

function findCues(v: SentenceView, lang: Lang): Cue[] {
  const cues: Cue[] = [];
  for (const match of v.text.matchAll(ALL_CUES[lang])) {
    const index = Object.values(match.groups!).findIndex((g) => g !== undefined);
    const { frame, kind } = FRAME_CUES[lang][index]!;
    cues.push({ frame, start: match.index, end: match.index + match[0].length, kind });
  }
  return cues;
}

// ── Parties ──────────────────────────────────────────────────────────────────────────────────────────

/** Whether a preposition governs `mention` ("in the Paris-based startup Mistral" → governed). */
export function governed(v: SentenceView, mention: { start: number }, lang: Lang): boolean {
  return governingPreposition(v, mention, lang) !== null;
}

/** Index of the last word that ends at or before `position` (-1 if none): words are in text order. */
function lastWordBefore(words: readonly { end: number }[], position: number): number {
  let low = 0;
  let high = words.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (words[mid]!.end <= position) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

const HYPHEN_ONLY = new RegExp(`^${classSource(HYPHENS)}$`, 'u');

/** The preposition that governs `mention` ("beim angeschlagenen Konkurrenten Intel" → "beim"), or null. */
export function governingPreposition(v: SentenceView, mention: { start: number }, lang: Lang): string | null {
  const words = v.words;
  const last = lastWordBefore(words, mention.start);
  for (let i = last, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const word = words[i]!;
    const gap = v.text.slice(word.end, i === last ? mention.start : words[i + 1]!.start);
    if (/[,;:()–—]/.test(gap)) return null;
    if (PREPOSITIONS[lang].includes(word.folded)) return word.folded;
    // A compound's first part ("ChatGPT" in "ChatGPT-Macherin") is judged with its head word.
    if (i < last && HYPHEN_ONLY.test(gap)) continue;
    if (!NOUN_PHRASE_FILLERS[lang].test(v.text.slice(word.start, word.end))) return null;
  }
  return null;
}

/** "OpenAI's", "Amazons": a genitive names the owner of what follows, not the clause's subject. */
export function possessive(mention: EntityMention, lang: Lang): boolean {
  if (/['’]s?$/u.test(mention.text)) return true;
  return lang === 'de' && /s$/.test(mention.text) && !mention.entity.aliases.some((a) => a === mention.text);
}

export const asParty = (mention: EntityMention): Party => ({ id: mention.canonical.id, name: mention.canonical.name, mention });

/** A party that can receive money or be bought: no person, no fund. */
export const companyLike = (m: EntityMention) => m.entity.kind !== 'person' && m.entity.kind !== 'fund';

/**
 * The subject of the clause around `cue`: English names it before the verb; German may also name it after
 * the finite verb ("Im Herbst hatte Quantum … eingesammelt", "Mit 6,6 Milliarden sicherte sich OpenAI …").
 * A pronoun or "the company" stands for the company in focus.
 */
export function subjectOf(
  v: SentenceView,
  cue: Cue,
  quantity: { start: number; end: number },
  lang: Lang,
  focus: EntityMention | null,
  /** Whom "it" / "es" stands for: in news, most often the company the article is about. */
  pronounReferent: EntityMention | null = focus,
): EntityMention | null {
  const clause = clauseOf(v, cue.start);
  // ", der 2017 … investierte", ", which raised …": a relative clause's subject is the name before it.
  if (/^[,\s]*(?:der|die|das|which|who|that)\s/iu.test(v.text.slice(clause[0], cue.start))) {
    const antecedent = parties(v.mentions).filter((m) => m.end <= clause[0]).at(-1);
    if (antecedent && clause[0] - antecedent.end <= 2 && !parties(v.mentions).some((m) => m.start >= clause[0] && m.end <= cue.start)) return antecedent;
  }
  const free = parties(v.mentions).filter((m) => !governed(v, m, lang) && !possessive(m, lang) && !inList(v, m, lang));
  const before = free.filter((m) => m.end <= cue.start);
  // "Nvidia is among its backers, and it raised …": a pronoun right before the verb is its subject.
  const lead = v.text.slice(before.at(-1)?.end ?? 0, cue.start);
  if (PRONOUN_SUBJECT[lang].test(lead)) {
    if (!/(?:^|[\s,;])(?:it|they|es|sie)\s/iu.test(lead.slice(-40))) return focus;
    // "when Skild was valued …, as it brought in": "it" is the company named just before, unless that one is
    // only said to back it ("Nvidia is already among its backers, and it raised …").
    const backer = /^\s+(?:is|are|was|were|ist|sind|war)\s+(?:already\s+|also\s+|bereits\s+|schon\s+)?(?:among|one of|unter|einer)\s+(?:its|the|seinen|ihren|den)\s+(?:backers|investors|shareholders|geldgebern|investoren)/iu;
    const named = parties(v.mentions).filter((m) => m.end <= cue.start && companyLike(m) && !backer.test(v.text.slice(m.end, m.end + 50))).at(-1);
    return named ?? pronounReferent;
  }
  // A colon ends a lead-in: in "Das Vorhaben gehört zu Oracles Initiative "Stargate": Gemeinsam mit OpenAI will
  // der Konzern …" the subject is "der Konzern", the company the lead-in named as owner.
  const colon = v.text.lastIndexOf(':', cue.start);
  if (colon >= 0 && !free.some((m) => m.start > colon && m.end <= clause[1]) && COMPANY_ANAPHORA.test(v.text.slice(colon + 1, clause[1]))) {
    return parties(v.mentions).filter((m) => m.end <= colon && possessive(m, lang) && companyLike(m)).at(-1) ?? focus;
  }
  if (lang === 'de') {
    const inClause = free.filter((m) => m.start >= clause[0] && m.end <= clause[1] && m.start < Math.max(cue.end, quantity.end) + 60);
    if (inClause.length) return inClause[0]!;
  }
  // German names the subject of "…, mit fünf Milliarden einzusteigen" in the clause before: read up to the clause's end.
  return before.at(-1) ?? (anaphorBefore(v, lang === 'de' ? clauseOf(v, cue.start)[1] : cue.start, lang === 'de') ? focus : null);
}

/** "it", "the company", "das Unternehmen", "der Konzern" before the verb. */
export function anaphorBefore(v: SentenceView, position: number, wholeSentence = false): boolean {
  const text = v.text.slice(wholeSentence ? 0 : clauseOf(v, position)[0], position);
  return COMPANY_ANAPHORA.test(text) || /(?:^|[\s,])(?:it|its|they|es|sie)\s/iu.test(` ${text}`);
}

/** Whether `mention` is a name in an investor list ("led by X", "von X"): then it is no subject. */
export function inList(v: SentenceView, mention: EntityMention, lang: Lang): boolean {
  return investorLists(v, lang).some((list) => list.names.some((p) => p.mention === mention));
}

/** Names after one investor cue ("led by A and B"), and whether the cue names the lead. */
export interface InvestorList {
  start: number;
  end: number;
  lead: boolean;
  names: Party[];
}

/**
 * The investor lists of a sentence. `moreAnchors`: positions after which a weak cue ("von", "including")
 * also counts, besides amounts and deal words.
 */
export function investorLists(v: SentenceView, lang: Lang, moreAnchors: number[] = []): InvestorList[] {
  if (moreAnchors.length) return findLists(v, lang, moreAnchors);
  let lists = LISTS.get(v);
  if (!lists) LISTS.set(v, (lists = findLists(v, lang, [])));
  return lists;
}

function findLists(v: SentenceView, lang: Lang, moreAnchors: number[]): InvestorList[] {
  const lists: InvestorList[] = [];
  // "in a round General Catalyst led", "eine Runde, die Lakestar anführte": the lead named before its verb;
  // "a Sequoia-led round": the lead in a compound.
  for (const m of parties(v.mentions)) {
    // … and "die Runde wird von General Catalyst angeführt": the lead before the participle.
    const byThenLed = /\bvon\s+(?:der\s+|dem\s+)?$/iu.test(v.text.slice(Math.max(0, m.start - 10), m.start)) && /^\s+(?:angeführt|geleitet|geführt)\b/iu.test(v.text.slice(m.end, m.end + 14));
    if (byThenLed || /^-(?:led|geführte[nmr]?|angeführte[nmr]?)\b/iu.test(v.text.slice(m.end, m.end + 14))) {
      lists.push({ start: m.start, end: m.end, lead: true, names: [asParty(m)] });
      continue;
    }
    if (/\b(?:round|runde)\s*,?\s+(?:that\s+|which\s+|die\s+)?$/iu.test(v.text.slice(Math.max(0, m.start - 30), m.start)) &&
      /^\s+(?:(?:co-)?led|anführte|angeführt hat)\b/iu.test(v.text.slice(m.end, m.end + 20))) {
      lists.push({ start: m.start, end: m.end, lead: true, names: [asParty(m)] });
    }
  }
  const leads = everyMatch(LEAD_CUES[lang], v.text).map((m) => m.index);
  let anchors: number[] | null = null; // read only when a weak cue needs them
  for (const match of everyMatch(INVESTOR_LIST_CUES[lang], v.text)) {
    // "von Amazon" is an investor only right after an amount or a deal word ("Investition von Amazon"), not in "Gründer von Amazon".
    if (WEAK_LIST_CUES.test(match[0])) {
      anchors ??= [...v.quantities.filter((q) => q.kind === 'money').map((q) => q.end), ...cuesOf(v, lang).map((c) => c.end), ...moreAnchors];
      if (!anchors.some((end) => end <= match.index && /^,?[^,;]{0,25}$/u.test(v.text.slice(end, match.index)))) continue;
    }
    const names = namesAt(v, match.index + match[0].length, lang);
    if (names.parties.length) {
      lists.push({ start: match.index, end: names.end, lead: leads.includes(match.index), names: names.parties });
    }
  }
  return lists;
}

const GERMAN_NAME_SHAPE = /(?:Capital|Ventures|Partners?|Fund|Fonds|[Ii]nvest\p{L}*|Holding|Group|Gruppe|AG|GmbH|SE|Bank|Management|Labs|AI)$|^\p{Lu}{2,}\b|^\p{Lu}\p{Ll}+\p{Lu}|\d/u;

const SEPARATOR = /^\s*(?:,\s*(?:and\s+|und\s+|sowie\s+)?|\s(?:and|und|sowie|as well as|plus|&)\s)\s*/iu;
const UNKNOWN_NAME = /^(?:(?:[\p{Lu}\d][\p{L}\d&.'’-]*|\p{Lu}\p{L}*-\p{Lu}[\p{L}-]*)(?:\s+(?:[\p{Lu}\d][\p{L}\d&.'’-]*|of|de|du|la))*)/u;
const NOT_A_NAME = /^(?:The|A|An|Its|Their|Der|Die|Das|Ein|Eine|Investors?|Investoren|Geldgeber|Backers?|Existing|Bestehende|Other|Andere|In|At|For|With|And|Und|Sowie|Also|Auch|This|That|It|Es|Sie|Er)$/u;

/**
 * Names in a row starting at `position`: "Jeff Bezos, SoftBank and Khosla Ventures", "HV Capital und Omnes
 * Capital". A capitalised name no list knows is taken as an investor here because the cue says it is one.
 */
export function namesAt(v: SentenceView, position: number, lang: Lang): { parties: Party[]; end: number } {
  const found: Party[] = [];
  let at = position;
  for (;;) {
    const rest = v.text.slice(at);
    // "vom Risikokapitalgeber Speedinvest", "from investors": the investor noun before the name is no name.
    const lead = /^\s*(?:(?:the|der|die|das|den|dem|investors?|investoren|[\p{L}-]*(?:geldgeber|kapitalgeber|investor)(?:n|en|s)?)\s+)*/iu.exec(rest)![0].length;
    let start = at + lead;
    // "Abu Dhabi's MGX", "Montreal's Inovia Capital": a place in the genitive before a known name is no
    // investor; "die bundeseigene KfW", "the state-owned KfW": adjectives before a known name are skipped.
    const before = /^(?:\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)?['’]s\s+|(?:\p{Ll}[\p{L}-]*\s+){1,2})/u.exec(v.text.slice(start));
    if (before && parties(v.mentions).some((m) => m.start === start + before[0].length)) start += before[0].length;
    const known = parties(v.mentions).find((m) => m.start === start);
    let end: number;
    if (known) {
      found.push(asParty(known));
      end = known.end;
    } else {
      const name = UNKNOWN_NAME.exec(v.text.slice(start))?.[0]?.replace(/['’]s?$|[.,]$/u, '');
      const words = name?.split(/\s+/) ?? [];
      if (!name || words.length > 5 || NOT_A_NAME.test(words[0]!) || name.length < 2 || /^\d+(?:\s|$)/u.test(name)) break;
      // German capitalises every noun: there a name needs the shape of one ("Omnes Capital", "NIF", "ElevenLabs").
      if (lang === 'de' && !GERMAN_NAME_SHAPE.test(name)) break;
      if (v.quantities.some((q) => q.start < start + name.length && q.end > start)) break;
      if (v.mentions.some((m) => m.start < start + name.length && m.end > start)) break; // a country or a name cut in half
      const entity: Entity = { ...unknownEntity(name), kind: 'fund' };
      found.push({ id: entity.id, name, mention: { entity, canonical: entity, start, end: start + name.length, text: name } });
      end = start + name.length;
    }
    // "In-Q-Tel (IQT)": an abbreviation in brackets belongs to the name before it; "HV Capital, einem deutschen
    // Wagniskapitalgeber, und Omnes": an apposition between two names is skipped.
    const bracket = /^\s*\([^()]{1,20}\)/u.exec(v.text.slice(end));
    if (bracket) end += bracket[0].length;
    const apposition = /^,\s+(?:einem|einer|eines|ein|eine|a|an|the)\s[^,;()]{1,60}(?=,\s*(?:and|und|sowie)\s)/iu.exec(v.text.slice(end));
    if (apposition) end += apposition[0].length;
    const separator = SEPARATOR.exec(v.text.slice(end));
    if (!separator) return { parties: found, end };
    at = end + separator[0].length;
  }
  return { parties: found, end: at };
}

/** The first party after `position` that a target preposition introduces ("in OpenAI", "an Anthropic", "bei Intel"). */
export function targetAfter(v: SentenceView, state: ArticleState, position: number, lang: Lang, focus: EntityMention | null, preposition = TARGET_PREPOSITION[lang]): Party | null {
  for (const mention of parties(v.mentions)) {
    if (mention.start < position) continue;
    if (preposition.test(v.text.slice(Math.max(0, mention.start - 40), mention.start))) return asParty(mention);
    // "beim angeschlagenen Konkurrenten Intel", "into the Paris-based startup Mistral".
    if (preposition === TARGET_PREPOSITION[lang] && TARGET_WORDS[lang].includes(governingPreposition(v, mention, lang) ?? '')) return asParty(mention);
  }
  // "in die Firma von Sam Altman", "into the company of Sam Altman": the company the person is known for.
  const ofPerson = parties(v.mentions).find(
    (m) => m.start >= position && m.entity.kind === 'person' && m.entity.affiliation &&
      /(?:^|\s)(?:in|into|an|bei)\s+(?:die|das|the)\s+(?:firma|unternehmen|start-?up|company|startup|lab)\s+(?:von|of)\s+$/iu.test(v.text.slice(Math.max(0, m.start - 50), m.start)),
  );
  const employer = ofPerson ? state.catalog.get(ofPerson.entity.affiliation!) : undefined;
  if (employer) return { id: employer.id, name: employer.name, mention: null };
  // No known name: accept a plain noun phrase only when it names companies ("in digitale Plattformunternehmen").
  const phrase = /\s(?:in|into)\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/u.exec(v.text.slice(position))?.[1];
  if (!phrase) return null;
  // "in das Pariser Unternehmen", "into the company": the company in focus, not a new one.
  if (/^(?:das|dem|den|der|die|diese[mns]?|the|this)\s/iu.test(phrase)) {
    const referent = dealFocus(state) ?? focus;
    return COMPANY_ANAPHORA.test(` ${phrase}`) && referent ? asParty(referent) : null;
  }
  const last = phrase.split(/\s+/).find((word) => COMPANY_NOUN.test(word));
  return last ? { id: null, name: phrase.slice(0, phrase.indexOf(last) + last.length), mention: null } : null;
}

/** "OpenAI's $6.6 billion round": the owner named in the genitive just before the amount or the cue. */
export function ownerBefore(v: SentenceView, position: number, lang: Lang): EntityMention | null {
  const owner = parties(v.mentions).filter((m) => m.end <= position && possessive(m, lang)).at(-1);
  return owner && position - owner.end <= 40 && !/[,;:]/.test(v.text.slice(owner.end, position)) ? owner : null;
}

/** "Microsoft and Nvidia will invest", "Nvidia und Microsoft investieren": the names joined to the investor. */
export function coInvestors(v: SentenceView, investor: EntityMention): EntityMention[] {
  const named = parties(v.mentions);
  const group = [investor];
  for (let i = named.indexOf(investor) - 1; i >= 0; i--) {
    const between = v.text.slice(named[i]!.end, group[0]!.start);
    if (!/^\s*(?:\([^()]{1,20}\)\s*)?(?:,|and|und|sowie|&)\s*$/iu.test(between)) break;
    group.unshift(named[i]!);
  }
  return group;
}

/** The target named most often in the article's deals so far (the latest on a tie). */
export function dealFocus(state: ArticleState): EntityMention | null {
  const counts = new Map<string, number>();
  let best: EntityMention | null = null;
  for (const mention of state.targets) {
    const count = (counts.get(mention.canonical.id) ?? 0) + 1;
    counts.set(mention.canonical.id, count);
    if (!best || count >= counts.get(best.canonical.id)!) best = mention;
  }
  return best;
}

/** A pronoun or "the company" as the subject right before the verb (auxiliaries and adverbs between). */
const PRONOUN_SUBJECT: Record<Lang, RegExp> = {
  en: /(?:^|[\s,;])(?:it|they|the company|the startup|the start-up|the firm)\s+(?:(?:has|have|had|also|then|just|now|will|would|is|was|reportedly|recently)\s+)*$/iu,
  de: /(?:^|[\s,;])(?:es|sie|das unternehmen|die firma|der konzern)\s+(?:(?:hat|haben|hatte|hatten|auch|nun|jetzt|bereits|wird|soll)\s+)*$/iu,
};

/** Each party once (by id, or by name for unknown ones), in order. */
export function unique(list: Party[]): Party[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = p.id ?? p.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The sentence's subject for the next sentence's "the company" / "der Konzern": the first name no preposition
 * governs and no investor list holds ("Angeführt wurde die Runde von X und Y" names investors, not a subject).
 */
export function sentenceSubject(v: SentenceView, lang: Lang): EntityMention | null {
  const free = parties(v.mentions).filter((m) => !governed(v, m, lang) && !possessive(m, lang) && !inList(v, m, lang));
  return free.find(companyLike) ?? free[0] ?? v.mentions.find((m) => !inList(v, m, lang)) ?? null;
}
