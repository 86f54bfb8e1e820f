/**
 * Deals: money going from investors into a target, read from the clause frame that governs the amount.
 *
 * An amount is a deal's only when a frame cue (`frame-cues.ts`) governs it: a verb next to it ("raised",
 * "invests … in", "übernommen", "stecken") or a deal noun ("an investment of", "eine Beteiligung von",
 * "a $2B round"). The frame says who is who: the subject of `raise` receives, the subject of `invest` gives
 * and the target follows a preposition, the subject of `acquire` buys its object. Investors named after
 * "from / led by / von / unter Führung von" are read as a list, known names or not. Where a role is not
 * clear from the clause, it stays empty: "investor not named" is better than a guess, and a deal whose
 * target is unclear is not reported at all.
 */
import {
  COMPANY_ANAPHORA,
  COMPANY_NOUN,
  STATUS_CUES,
} from './cues.ts';
import { type DateMention } from './dates.ts';
import type { Entity, EntityMention } from './entities.ts';
import {
  CONVERSION_OPEN,
  FRAME_CUES,
  FUND_NOUN,
  PARTNER_PREPOSITION,
  INVESTOR_LIST_CUES,
  KIND_CUES,
  LEAD_CUES,
  WEAK_LIST_CUES,
  NOUN_PHRASE_FILLERS,
  PREPOSITIONS,
  REJECTED_CUES,
  ROUND_NAME,
  RUMOUR_CUES,
  TARGET_PREPOSITION,
  type Frame,
} from './frame-cues.ts';
import type { Deal, DealKind, DealStatus, Quantity, Rule } from './types.ts';
import type { Lang } from '../text/lang.ts';
import { nearestMetric } from './figure-rules.ts';
import { unknownEntity } from './unknown-names.ts';
import {
  clauseOf,
  hasCue,
  hasWord,
  nearest,
  parties,
  source,
  wordsIn,
  type ArticleState,
  type SentenceView,
  type Word,
} from './reading.ts';

/** A frame cue found in the sentence. */
interface Cue {
  frame: Frame;
  start: number;
  end: number;
  kind?: DealKind;
}

/** A party of a deal: a named entity, or a company the text names by a noun ("digitale Plattformunternehmen"). */
interface Party {
  id: string | null;
  name: string;
  mention: EntityMention | null;
}

/** Verbs by which the subject takes part in a round named after them: "join", "lead", "sich beteiligen an". */
const JOIN_VERB = /\b(?:join|joins|joined|joining|lead|leads|leading|led|co-lead|anchor|anchors|anchoring|back|backs|backing|participat\p{L}*|take part|invest\p{L}*|beteilig\p{L}*|anführ\p{L}*|führ\p{L}*)\b/iu;

/** How far (in characters) a verb may stand from the amount it governs. */
const VERB_REACH = 90;
/** How far a deal noun may stand from its amount ("a $2 billion investment", "Beteiligung von bis zu …"). */
const NOUN_REACH = 40;

/** Every frame cue of the sentence, in order. */
function cuesOf(v: SentenceView, lang: Lang): Cue[] {
  const cues: Cue[] = [];
  for (const { frame, pattern, kind } of FRAME_CUES[lang]) {
    for (const match of v.text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (cues.some((c) => start < c.end && end > c.start)) continue; // an earlier (more specific) frame took these words
      cues.push({ frame, start, end, kind });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

const distance = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  a.end <= b.start ? b.start - a.end : Math.max(0, a.start - b.end);

/**
 * The cue that governs `quantity`: a verb in its clause with no other amount between them, else a deal noun
 * right next to it, else a verb elsewhere in the sentence close enough. Null: no frame, no deal.
 */
function governingCue(quantity: Quantity, v: SentenceView, cues: Cue[]): Cue | null {
  const clause = clauseOf(v, quantity.start);
  const others = v.quantities.filter((q) => q !== quantity && q.kind === 'money');
  const clear = (cue: Cue) => !others.some((q) => q.start >= Math.min(cue.end, quantity.end) && q.end <= Math.max(cue.start, quantity.start));
  const verbs = cues.filter((c) => c.frame !== 'deal_noun' && clear(c) && distance(c, quantity) <= VERB_REACH);
  const inClause = verbs.filter((c) => c.start >= clause[0] && c.end <= clause[1]);
  const nouns = cues.filter((c) => c.frame === 'deal_noun' && clear(c) && distance(c, quantity) <= NOUN_REACH);
  const byDistance = (list: Cue[]) => list.sort((a, b) => distance(a, quantity) - distance(b, quantity))[0] ?? null;
  return byDistance(inClause) ?? byDistance(nouns) ?? byDistance(verbs.filter((c) => distance(c, quantity) <= VERB_REACH / 2));
}

/** "€1.7 billion ($2 billion)": the amount in brackets converts the one before; it is no second fact. */
export function isConversion(quantity: Quantity, v: SentenceView): boolean {
  const before = v.text.slice(0, quantity.start);
  if (!CONVERSION_OPEN.test(before)) return false;
  const open = before.lastIndexOf('(');
  return v.quantities.some((q) => q !== quantity && q.kind === 'money' && q.end <= open && open - q.end <= 3);
}

/** Amounts that are not money moving: a price per share, a payout per dollar, a running total. */
function notADealAmount(quantity: Quantity, v: SentenceView, clause: [number, number]): boolean {
  const after = v.text.slice(quantity.end, quantity.end + 30);
  if (/^\s*(?:per|a|for each|for every|je|pro)\s+(?:share|aktie|dollar|person|user|month|year|jahr|monat)\b/iu.test(after)) return true;
  const clauseText = v.text.slice(...clause);
  return /\b(?:in total|to date|so far|total funding|bringing (?:its|the|their) total|insgesamt eingesammelt|bislang insgesamt|seit (?:seiner|ihrer) gründung)\b/iu.test(clauseText);
}

// ── Parties ──────────────────────────────────────────────────────────────────────────────────────────

/** Whether a preposition governs `mention` ("in the Paris-based startup Mistral" → governed). */
function governed(v: SentenceView, mention: { start: number }, lang: Lang): boolean {
  const words = v.words.filter((w) => w.end <= mention.start);
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const word = words[i]!;
    const gap = v.text.slice(word.end, i === words.length - 1 ? mention.start : words[i + 1]!.start);
    if (/[,;:()–—]/.test(gap)) return false;
    if (PREPOSITIONS[lang].includes(word.folded)) return true;
    if (!NOUN_PHRASE_FILLERS.test(v.text.slice(word.start, word.end))) return false;
  }
  return false;
}

/** "OpenAI's", "Amazons": a genitive names the owner of what follows, not the clause's subject. */
function possessive(mention: EntityMention, lang: Lang): boolean {
  if (/['’]s?$/u.test(mention.text)) return true;
  return lang === 'de' && /s$/.test(mention.text) && !mention.entity.aliases.some((a) => a === mention.text);
}

const asParty = (mention: EntityMention): Party => ({ id: mention.canonical.id, name: mention.canonical.name, mention });

/** Parties a deal can name: no countries, and (for a target) no people or funds. */
function candidates(v: SentenceView): EntityMention[] {
  return parties(v.mentions);
}
const companyLike = (m: EntityMention) => m.entity.kind !== 'person' && m.entity.kind !== 'fund';

/**
 * The subject of the clause around `cue`: English names it before the verb; German may also name it after
 * the finite verb ("Im Herbst hatte Quantum … eingesammelt", "Mit 6,6 Milliarden sicherte sich OpenAI …").
 * A pronoun or "the company" stands for the company in focus.
 */
function subjectOf(v: SentenceView, cue: Cue, quantity: Quantity, lang: Lang, focus: EntityMention | null): EntityMention | null {
  const clause = clauseOf(v, cue.start);
  // ", der 2017 … investierte", ", which raised …": a relative clause's subject is the name before it.
  if (/^[,\s]*(?:der|die|das|which|who|that)\s/iu.test(v.text.slice(clause[0], cue.start))) {
    const antecedent = candidates(v).filter((m) => m.end <= clause[0]).at(-1);
    if (antecedent && clause[0] - antecedent.end <= 2 && !candidates(v).some((m) => m.start >= clause[0] && m.end <= cue.start)) return antecedent;
  }
  const free = candidates(v).filter((m) => !governed(v, m, lang) && !possessive(m, lang) && !inList(v, m, lang));
  const before = free.filter((m) => m.end <= cue.start);
  if (lang === 'de') {
    const inClause = free.filter((m) => m.start >= clause[0] && m.end <= clause[1] && m.start < Math.max(cue.end, quantity.end) + 60);
    if (inClause.length) return inClause[0]!;
  }
  return before.at(-1) ?? (anaphorBefore(v, lang === 'de' ? clauseOf(v, cue.start)[1] : cue.start) ? focus : null);
}

/** "it", "the company", "das Unternehmen", "der Konzern" before the verb. */
function anaphorBefore(v: SentenceView, position: number): boolean {
  const clause = clauseOf(v, position);
  const text = v.text.slice(clause[0], position);
  return COMPANY_ANAPHORA.test(text) || /(?:^|[\s,])(?:it|its|they|es|sie)\s/iu.test(` ${text}`);
}

/** Whether `mention` is a name in an investor list ("led by X", "von X"): then it is no subject. */
function inList(v: SentenceView, mention: EntityMention, lang: Lang): boolean {
  return investorLists(v, lang).some((list) => list.names.some((p) => p.mention === mention));
}

/** The names after "from / led by / von / unter Führung von …": known mentions and capitalised unknown names. */
function investorLists(v: SentenceView, lang: Lang): { start: number; end: number; lead: boolean; names: Party[] }[] {
  const lists: { start: number; end: number; lead: boolean; names: Party[] }[] = [];
  const leads = [...v.text.matchAll(LEAD_CUES[lang])].map((m) => m.index);
  const anchors = [...v.quantities.filter((q) => q.kind === 'money').map((q) => q.end), ...cuesOf(v, lang).map((c) => c.end)];
  for (const match of v.text.matchAll(INVESTOR_LIST_CUES[lang])) {
    // "von Amazon" is an investor only right after an amount or a deal word ("Investition von Amazon"), not in "Gründer von Amazon".
    if (WEAK_LIST_CUES.test(match[0]) && !anchors.some((end) => end <= match.index && /^[^,;]{0,25}$/u.test(v.text.slice(end, match.index)))) continue;
    const names = namesAt(v, match.index + match[0].length);
    if (names.parties.length) {
      lists.push({ start: match.index, end: names.end, lead: leads.includes(match.index), names: names.parties });
    }
  }
  return lists;
}

const SEPARATOR = /^\s*(?:,\s*(?:and\s+|und\s+|sowie\s+)?|\s(?:and|und|sowie|as well as|plus|&)\s)\s*/iu;
const UNKNOWN_NAME = /^(?:(?:[\p{Lu}\d][\p{L}\d&.'’-]*|\p{Lu}\p{L}*-\p{Lu}[\p{L}-]*)(?:\s+(?:[\p{Lu}\d][\p{L}\d&.'’-]*|of|de|du|la))*)/u;
const NOT_A_NAME = /^(?:The|A|An|Its|Their|Der|Die|Das|Ein|Eine|Investors?|Investoren|Geldgeber|Backers?|Existing|Bestehende|Other|Andere|In|At|For|With|And|Und|Sowie|Also|Auch|This|That|It|Es|Sie|Er)$/u;

/**
 * Names in a row starting at `position`: "Jeff Bezos, SoftBank and Khosla Ventures", "HV Capital und Omnes
 * Capital". A capitalised name no list knows is taken as an investor here because the cue says it is one.
 */
function namesAt(v: SentenceView, position: number): { parties: Party[]; end: number } {
  const found: Party[] = [];
  let at = position;
  for (;;) {
    const rest = v.text.slice(at);
    const lead = /^\s*(?:(?:the|der|die|das|den|dem|investors?|investoren|geldgebern?)\s+)*/iu.exec(rest)![0].length;
    const start = at + lead;
    const known = candidates(v).find((m) => m.start === start);
    let end: number;
    if (known) {
      found.push(asParty(known));
      end = known.end;
    } else {
      const name = UNKNOWN_NAME.exec(v.text.slice(start))?.[0]?.replace(/['’]s?$|[.,]$/u, '');
      const words = name?.split(/\s+/) ?? [];
      if (!name || words.length > 5 || NOT_A_NAME.test(words[0]!) || name.length < 2 || /^\d+(?:\s|$)/u.test(name)) break;
      if (v.quantities.some((q) => q.start < start + name.length && q.end > start)) break;
      if (v.mentions.some((m) => m.start < start + name.length && m.end > start)) break; // a country or a name cut in half
      const entity: Entity = { ...unknownEntity(name), kind: 'fund' };
      found.push({ id: entity.id, name, mention: { entity, canonical: entity, start, end: start + name.length, text: name } });
      end = start + name.length;
    }
    // "In-Q-Tel (IQT)": an abbreviation in brackets belongs to the name before it.
    const bracket = /^\s*\([^()]{1,20}\)/u.exec(v.text.slice(end));
    if (bracket) end += bracket[0].length;
    const separator = SEPARATOR.exec(v.text.slice(end));
    if (!separator) return { parties: found, end };
    at = end + separator[0].length;
  }
  return { parties: found, end: at };
}

/** The first party after `position` that a target preposition introduces ("in OpenAI", "an Anthropic", "bei Intel"). */
function targetAfter(v: SentenceView, state: ArticleState, position: number, lang: Lang, focus: EntityMention | null, preposition = TARGET_PREPOSITION[lang]): Party | null {
  for (const mention of candidates(v)) {
    if (mention.start < position) continue;
    if (preposition.test(v.text.slice(Math.max(0, mention.start - 40), mention.start))) return asParty(mention);
  }
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
function ownerBefore(v: SentenceView, position: number, lang: Lang): EntityMention | null {
  const owner = candidates(v).filter((m) => m.end <= position && possessive(m, lang)).at(-1);
  return owner && position - owner.end <= 40 && !/[,;:]/.test(v.text.slice(owner.end, position)) ? owner : null;
}

/** "Microsoft and Nvidia will invest", "Nvidia und Microsoft investieren": the names joined to the investor. */
function coInvestors(v: SentenceView, investor: EntityMention): EntityMention[] {
  const named = candidates(v);
  const group = [investor];
  for (let i = named.indexOf(investor) - 1; i >= 0; i--) {
    const between = v.text.slice(named[i]!.end, group[0]!.start);
    if (!/^\s*(?:\([^()]{1,20}\)\s*)?(?:,|and|und|sowie|&)\s*$/iu.test(between)) break;
    group.unshift(named[i]!);
  }
  return group;
}

// ── Roles by frame ───────────────────────────────────────────────────────────────────────────────────

interface Roles {
  investors: Party[];
  lead: Party[];
  target: Party;
  rule: Rule;
}

/** The article being read, and the sentence after this one (a fund raised is often named there). */
type ReadingState = ArticleState & { next: SentenceView | null };

function rolesFor(cue: Cue, quantity: Quantity, v: SentenceView, state: ReadingState, focus: EntityMention | null): Roles | null {
  const lang = state.article.lang;
  const lists = investorLists(v, lang).filter((l) => l.start >= Math.min(cue.start, quantity.start) - 5);
  const listed = lists.flatMap((l) => l.names);
  const leads = lists.filter((l) => l.lead).flatMap((l) => l.names);
  const subject = subjectOf(v, cue, quantity, lang, focus);
  const subjectGroup = subject ? coInvestors(v, subject).map(asParty) : [];
  const rule = (id: string, reason: string): Rule => ({ id, reason });

  switch (cue.frame) {
    case 'raise': {
      if (!subject || !companyLike(subject)) return null;
      return { target: asParty(subject), investors: listed, lead: leads, rule: rule('deal.raise', `${subject.canonical.name} is the subject of "${v.text.slice(cue.start, cue.end)}": it receives the money`) };
    }
    case 'invest': {
      // "ASML beteiligt sich mit 1,3 Milliarden": joining without a name joins the deal the article is about.
      const joins = /beteilig|steig|einsteig|particip|join/iu.test(v.text.slice(cue.start, cue.end));
      const carried = joins ? dealFocus(state) : null;
      const target = targetAfter(v, state, Math.min(cue.start, quantity.start), lang, focus) ?? targetAfter(v, state, cue.end, lang, focus) ?? (carried ? asParty(carried) : null);
      if (!target) return null;
      const investors = subjectGroup.filter((p) => p.id !== target.id);
      return { target, investors: investors.length ? investors : listed, lead: leads, rule: rule('deal.invest', `"${v.text.slice(cue.start, cue.end)}": the subject gives, the name after the preposition receives`) };
    }
    case 'acquire': {
      const passive = /(?:\b(?:is|was|were|are|been|be|being|wird|wurde|wurden|werden)\s+(?:\p{L}+\s+){0,2})$/iu.test(v.text.slice(Math.max(0, cue.start - 40), cue.start));
      const nounOf = /^\s+(?:of|von|des|der)\s+/iu.exec(v.text.slice(cue.end));
      let buyer: EntityMention | null;
      let bought: EntityMention | null;
      if (nounOf) {
        bought = candidates(v).find((m) => m.start === cue.end + nounOf[0].length) ?? null;
        buyer = ownerBefore(v, cue.start, lang) ?? lists.find((l) => /\b(?:by|durch)\b/iu.test(v.text.slice(l.start, l.start + 6)))?.names[0]?.mention ?? null;
      } else if (passive) {
        bought = subject;
        buyer = listed[0]?.mention ?? null;
      } else {
        buyer = subject;
        bought = candidates(v).find((m) => m.start >= cue.end && m !== subject && !governed(v, m, lang)) ??
          (lang === 'de' ? candidates(v).find((m) => m.end <= cue.start && m !== subject && !governed(v, m, lang) && clauseOf(v, m.start)[0] === clauseOf(v, cue.start)[0]) ?? null : null);
      }
      if (!bought || !companyLike(bought) || bought.canonical.id === buyer?.canonical.id) return null;
      const buyers = buyer ? [asParty(buyer)] : [];
      return { target: asParty(bought), investors: buyers, lead: [], rule: rule('deal.acquire', `"${v.text.slice(cue.start, cue.end)}": ${buyer ? `${buyer.canonical.name} buys` : 'the buyer is not named;'} ${bought.canonical.name}`) };
    }
    case 'pay': {
      const to = targetAfter(v, state, quantity.end, lang, focus);
      const object = candidates(v).find((m) => m.start >= cue.end && m.end <= quantity.start && !governed(v, m, lang));
      const target = to ?? (object ? asParty(object) : null);
      if (!target || !subject || target.id === subject.canonical.id) return null;
      return { target, investors: [asParty(subject)], lead: [], rule: rule('deal.pay', `"${v.text.slice(cue.start, cue.end)}": ${subject.canonical.name} pays ${target.name}`) };
    }
    case 'spend': {
      // "hat 6,2 Milliarden Dollar für etwas … ausgegeben": what it was spent on is the article's company.
      const on = targetAfter(v, state, quantity.end, lang, focus, /(?:^|\s)(?:on|für|fur)\s+(?:the\s+|das\s+|die\s+|den\s+)?$/iu);
      const indefinite = /^\s+(?:für|on|for)\s+(?:etwas|something|ein(?:e|en)? (?:neues )?(?:projekt|vorhaben)|a (?:new )?project)\b/iu.test(v.text.slice(quantity.end));
      const main = state.mainEntity && companyLike(state.mainEntity) ? asParty(state.mainEntity) : null;
      const target = on ?? (indefinite ? main : null);
      if (!target || !subject || target.id === subject.canonical.id) return null;
      return { target, investors: [asParty(subject)], lead: [], rule: rule('deal.spend', `"${v.text.slice(cue.start, cue.end)}": ${subject.canonical.name} spends on ${target.name}`) };
    }
    case 'lead': {
      const owner = ownerBefore(v, quantity.start, lang);
      const target = (owner && owner !== subject ? asParty(owner) : null) ?? targetAfter(v, state, cue.end, lang, focus);
      if (!target || !subject || target.id === subject.canonical.id) return null;
      const leadGroup = subjectGroup.filter((p) => p.id !== target.id);
      return { target, investors: [...leadGroup, ...listed], lead: leadGroup, rule: rule('deal.lead', `"${v.text.slice(cue.start, cue.end)}": ${subject.canonical.name} led the round of ${target.name}`) };
    }
    case 'deal_noun':
      return nounRoles(cue, quantity, v, state, focus, subject, listed, leads);
  }
}

/**
 * A deal noun: "Amazons Beitrag von $50 Milliarden", "an investment of $2B from Amazon in OpenAI",
 * "OpenAI's $6.6 billion round led by Thrive". The giver is a genitive before it, "von / from / by" after it,
 * or the subject of the clause when a target follows a preposition; the receiver follows "in / an / into",
 * is the genitive owner of a round, or is the company the article's deals are about.
 */
function nounRoles(
  cue: Cue,
  quantity: Quantity,
  v: SentenceView,
  state: ReadingState,
  focus: EntityMention | null,
  subject: EntityMention | null,
  listed: Party[],
  leads: Party[],
): Roles | null {
  const lang = state.article.lang;
  const noun = v.text.slice(cue.start, cue.end);
  const round = /round|runde|series|serie|funding|financing|finanzierung|raise|mittel|kapital|geld/iu.test(noun);
  const first = Math.min(cue.start, quantity.start);
  const explicitTarget =
    targetAfter(v, state, first, lang, focus) ?? (/deal|vertrag|contract|vereinbarung|agreement/iu.test(noun) ? targetAfter(v, state, first, lang, focus, PARTNER_PREPOSITION[lang]) : null);
  const owner = ownerBefore(v, first, lang);
  const reason = (text: string): Rule => ({ id: round ? 'deal.round' : 'deal.noun', reason: `"${noun}": ${text}` });
  const fund = fundRaised(v, quantity, state);
  if (fund) return { target: fund, investors: [], lead: [], rule: reason(`a fund being raised: ${fund.name}`) };
  if (FUND_NOUN.test(noun)) return null;
  if (round) {
    // A round belongs to the company raising it: its genitive owner, "for / in Y", the clause's subject, or
    // the one named in a relative clause after it ("eine Finanzierungsrunde …, die OpenAI zusammenstellt").
    const target =
      (owner ? asParty(owner) : null) ?? explicitTarget ?? (subject && companyLike(subject) ? asParty(subject) : null) ?? relativeOwner(v, Math.max(cue.end, quantity.end));
    if (!target) return null;
    // "Nvidia and SoftBank are in talks to join a new round for Skild AI": a subject that joins, leads or backs
    // a round named for another company invests in it.
    const joining =
      subject && subject.canonical.id !== target.id && (explicitTarget || owner) &&
      JOIN_VERB.test(v.text.slice(subject.end, cue.start));
    const investors = [...(joining ? coInvestors(v, subject).map(asParty) : []), ...listed].filter((p) => p.id !== target.id);
    return { target, investors, lead: leads.filter((p) => p.id !== target.id), rule: reason(`the round of ${target.name}`) };
  }
  const investor = owner ?? listed.find((p) => p.id !== target0(explicitTarget))?.mention ?? subject;
  let target = explicitTarget;
  // "Nvidia erwägt ein Investment von bis zu 30 Milliarden": talks about the deal the article is about.
  if (!target && investor) {
    const carried = dealFocus(state);
    if (carried && carried.canonical.id !== investor.canonical.id) target = asParty(carried);
  }
  if (!target) return null;
  const investors = investor && investor.canonical.id !== target.id ? (investor === subject ? coInvestors(v, investor).map(asParty) : [asParty(investor)]) : [];
  return { target, investors, lead: leads, rule: reason(`${investors[0]?.name ?? 'an unnamed investor'} → ${target.name}`) };
}

const target0 = (party: Party | null): string | null => party?.id ?? null;

/** "…, die OpenAI derzeit zusammenstellt", "…, which Anthropic is raising": the company in the relative clause after a round. */
function relativeOwner(v: SentenceView, position: number): Party | null {
  const relative = /^[^,;]{0,40},\s+(?:die|den|der|das|which|that)\s+/iu.exec(v.text.slice(position));
  if (!relative) return null;
  const at = position + relative[0].length;
  const mention = candidates(v).find((m) => m.start === at && companyLike(m));
  return mention ? asParty(mention) : null;
}

/** "Beschaffung eines neuen Investmentvehikels", "raising a new fund": the fund named here or in the next sentence. */
function fundRaised(v: SentenceView, quantity: Quantity, state: ReadingState): Party | null {
  if (!FUND_NOUN.test(v.text.slice(...clauseOf(v, quantity.start)))) return null;
  const fund = [...v.mentions, ...(state.next?.mentions ?? [])].find((m) => m.entity.kind === 'fund');
  return fund ? asParty(fund) : null;
}

/** The target named most often in the article's deals so far (the latest on a tie). */
function dealFocus(state: ArticleState): EntityMention | null {
  const counts = new Map<string, number>();
  let best: EntityMention | null = null;
  for (const mention of state.targets) {
    const count = (counts.get(mention.canonical.id) ?? 0) + 1;
    counts.set(mention.canonical.id, count);
    if (!best || count >= counts.get(best.canonical.id)!) best = mention;
  }
  return best;
}

// ── Deals ────────────────────────────────────────────────────────────────────────────────────────────

export function dealFor(
  quantity: Quantity,
  v: SentenceView,
  next: SentenceView | null,
  subject: EntityMention | null,
  articleState: ArticleState,
): Deal | null {
  const state = { ...articleState, next };
  if (quantity.kind !== 'money' || isConversion(quantity, v)) return null;
  const clause = clauseOf(v, quantity.start);
  if (nearestMetric(quantity, v, clause) === 'valuation' || notADealAmount(quantity, v, clause)) return null;
  const lang = state.article.lang;
  const cues = cuesOf(v, lang);
  const cue = governingCue(quantity, v, cues);
  if (!cue) return null;
  // "the company" as a subject is the company named before; "in das Unternehmen" the one the deals are about.
  const focus = subject && companyLike(subject) ? subject : state.mainEntity;
  const roles = rolesFor(cue, quantity, v, state, focus);
  if (!roles) return null;
  const { target } = roles;
  // Leads first, each investor once, never the target itself.
  const investors = unique([...roles.lead, ...roles.investors]).filter((p) => p.id !== target.id || p.name !== target.name);
  if (target.mention) state.targets.push(target.mention);
  const date = dateFor(quantity, v, clause);
  const named = investors.filter((p) => p.id);
  return {
    investorId: named.length === 1 && investors.length === 1 ? named[0]!.id : null,
    investorIds: named.map((p) => p.id!),
    investor: investors.length ? investors.map((p) => p.name).join('/') : null,
    investors: investors.map((p) => p.name),
    lead: unique(roles.lead).map((p) => p.name),
    targetId: target.id,
    target: target.name,
    amount: quantity.value === null ? null : { value: quantity.value, max: quantity.max, currency: quantity.currency, qualifier: quantity.qualifier },
    additional: quantity.additional,
    status: statusFor(v, quantity, clause, date, state.article.date, lang, cue),
    kind: kindFor(cue, v),
    round: ROUND_NAME.exec(v.text)?.[0] ?? null,
    rule: roles.rule,
    date: date?.value ?? state.article.date,
    dateFrom: date ? 'text' : state.article.date ? 'article' : null,
    sources: [source(state.article, v.sentence, quantity)],
  };
}

function unique(list: Party[]): Party[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = p.id ?? p.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function kindFor(cue: Cue, v: SentenceView): DealKind {
  if (cue.kind) return cue.kind;
  for (const { kind, pattern } of KIND_CUES) {
    pattern.lastIndex = 0;
    if (pattern.test(v.text)) return kind;
  }
  return 'unknown';
}

// ── Status and date ──────────────────────────────────────────────────────────────────────────────────

/** Auxiliaries of the perfect tense: "hat … investiert", "has invested" report money already in, over time. */
const PERFECT_AUXILIARIES = ['hat', 'haben', 'hatte', 'hatten', 'has', 'have', 'had'];
/** "had raised", "hatte … eingesammelt": the pluperfect tells background. */
const PLUPERFECT = /\b(?:had|hatte|hatten)\b/iu;

/**
 * Talks, plans and announcements by their wording. Money already paid is `completed` when the report is
 * news ("raised", "hat … eingesammelt", "hat gerade … ausgegeben") and `historic` when it is background: an
 * earlier year, the pluperfect, or a running total in the perfect tense ("Microsoft hat mehr als $13 Mrd
 * investiert", "Amazon hat seit 2023 rund acht Milliarden investiert"). An offer turned down is `rejected`;
 * news only others report ("reportedly", "Berichten zufolge") is `rumoured` unless it is about talks.
 */
function statusFor(
  v: SentenceView,
  quantity: Quantity,
  clause: [number, number],
  date: DateMention | null,
  articleDate: string | null,
  lang: Lang,
  cue: Cue,
): DealStatus {
  if ((cue.frame === 'acquire' || /offer|angebot/iu.test(v.text)) && test(REJECTED_CUES, v.text)) return 'rejected';
  let status = statusIn(wordsIn(v, clause)) ?? statusIn(v.words) ?? 'announced';
  if (status !== 'talks' && test(RUMOUR_CUES, v.text)) return 'rumoured';
  if (PLUPERFECT.test(v.text) && (status === 'completed' || status === 'announced' || status === 'historic')) return 'historic';
  // Without the article's date, a year named in the text ("der 2017 … investierte") marks background too.
  const pastYear = date && (articleDate ? date.value.slice(0, 4) < articleDate.slice(0, 4) : true);
  if (pastYear && (status === 'completed' || status === 'announced' || status === 'historic')) return 'historic';
  // English uses the present perfect for background ("Amazon, which has invested $8 billion"); German news
  // tells fresh events in the perfect ("hat … eingesammelt"), so there only a running total is background.
  const cumulative = lang === 'en' || quantity.qualifier === 'more_than' || hasWord(v.words, CUMULATIVE_WORDS);
  if (status === 'historic' && !(cumulative && hasWord(v.words, PERFECT_AUXILIARIES))) status = 'completed';
  return status;
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** "seit 2023", "bislang", "so far", "in total": a running total, not this week's news. */
const CUMULATIVE_WORDS = ['seit', 'bislang', 'bisher', 'insgesamt', 'since', 'total', 'far', 'date', 'cumulative', 'already'];

function statusIn(words: Word[]): DealStatus | null {
  const completedVerb = hasCue(words, STATUS_CUES.find((c) => c.status === 'historic')!.words);
  for (const { status, words: cues } of STATUS_CUES) {
    if (!hasCue(words, cues)) continue;
    if (status === 'completed_recent') {
      if (completedVerb) return 'completed';
      continue;
    }
    return status;
  }
  return null;
}

function dateFor(quantity: Quantity, v: SentenceView, clause: [number, number]): DateMention | null {
  const inClause = v.dates.filter((d) => d.role === 'at' && d.start >= clause[0] && d.end <= clause[1]);
  const candidates = inClause.length ? inClause : v.dates.filter((d) => d.role === 'at');
  return nearest(candidates, quantity);
}
