/**
 * Investors named in a sentence of their own: "The round was led by Accel", "Backers in the round … include
 * Khosla Ventures, Lux Capital and NEA", "Accel is primed to lead a fresh funding round", "Angeführt wird die
 * Finanzierungsrunde von HV Capital und Omnes". Reports often give the amount in one sentence and the
 * investors in another; these statements join the nearest deal of the article that names no investor yet.
 */
import { asParty, coInvestors, cuesOf, investorLists, subjectOf, targetAfter, unique, type Party } from './clause-roles.ts';
import type { EntityMention } from './entities.ts';
import { everyMatch, PARTICIPATION_VERB, ROUND_REFERENCE } from './frame-cues.ts';
import type { ArticleState, SentenceView } from './reading.ts';
import type { Deal } from './types.ts';

/** Investors a sentence names for a round, and the company whose round it is when it says so. */
export interface Participants {
  /** Position of the sentence in the article (0, 1, 2 … over all passages). */
  sentence: number;
  investors: Party[];
  lead: Party[];
  target: Party | null;
  quote: string;
}

/** A cheap first look for a sentence that names a round's investors. */
const PARTICIPANT_HINT = {
  en: /led\b|lead|particip|backers|backed by|investors?\b|invested\b|investment|includ|joined|weigh|consider/iu,
  de: /angeführt|führ|leitung|beteilig|investoren|investition|geldgeber|darunter|mit dabei/iu,
};

const FRESH = /\b(?:new|latest|current|fresh|neue[nrms]?|aktuelle[nrms]?|jüngste[nrms]?)\b/iu;

/** How many sentences apart a statement and its deal may be. */
export const PARTICIPANTS_REACH = 8;

/** The participants a sentence without a deal names, or null. */
export function participantsIn(v: SentenceView, sentence: number, state: ArticleState): Participants | null {
  const lang = state.article.lang;
  const focus = state.mainEntity;
  if (!PARTICIPANT_HINT[lang].test(v.text)) return null; // most sentences name no investor of a round
  // Weak cues ("including", "von") and bare participation verbs need the sentence to speak of a round.
  const references = everyMatch(ROUND_REFERENCE[lang], v.text);
  const lists = investorLists(v, lang, references.map((m) => m.index + m[0].length));
  const investors = lists.flatMap((l) => l.names);
  const lead = lists.filter((l) => l.lead).flatMap((l) => l.names);
  let target: Party | null = null;
  // "Accel is primed to lead a fresh funding round", "Nvidia also participated": the subject takes part.
  for (const cue of cuesOf(v, lang)) {
    const leads = cue.frame === 'lead';
    if (!leads && !PARTICIPATION_VERB[lang].test(v.text.slice(cue.start, cue.end + 30))) continue;
    const subject = subjectOf(v, cue, cue, lang, null);
    if (!subject) continue;
    const group = coInvestors(v, subject).map(asParty);
    investors.unshift(...group);
    if (leads) lead.unshift(...group);
    target ??= targetAfter(v, state, cue.end, lang, focus);
  }
  for (const match of references.length ? everyMatch(PARTICIPATION_VERB[lang], v.text) : []) {
    const cue = { frame: 'invest' as const, start: match.index, end: match.index + match[0].length };
    const subject = subjectOf(v, cue, cue, lang, null);
    if (subject) investors.unshift(...coInvestors(v, subject).map(asParty));
  }
  const named = unique(investors).filter((p) => p.id !== target?.id);
  if (!named.length) return null;
  return { sentence, investors: named, lead: unique(lead), target, quote: v.text };
}

/**
 * Gives each statement's investors to the nearest deal (at most `PARTICIPANTS_REACH` sentences away, the earlier one on a
 * tie) that names none yet, is money into a company (not an acquisition), and is not one of the investors.
 */
export function attachParticipants(deals: { deal: Deal; sentence: number }[], statements: Participants[]): void {
  for (const statement of statements) {
    const ids = new Set(statement.investors.map((p) => p.id ?? p.name));
    const open = deals.filter(
      ({ deal, sentence }) =>
        Math.abs(sentence - statement.sentence) <= PARTICIPANTS_REACH &&
        deal.investors.length === 0 &&
        deal.kind !== 'acquisition' &&
        // A deal told as background takes investors only from the sentence right beside it, and never from one
        // about "the new deal".
        (deal.status !== 'historic' || (Math.abs(sentence - statement.sentence) <= 1 && !FRESH.test(statement.quote))) &&
        !ids.has(deal.targetId ?? deal.target) &&
        (!statement.target || statement.target.id === deal.targetId),
    );
    const nearest = open.sort((a, b) => Math.abs(a.sentence - statement.sentence) - Math.abs(b.sentence - statement.sentence) || a.sentence - b.sentence)[0];
    if (!nearest) {
      joinLedRound(deals, statement, ids);
      continue;
    }
    const { deal } = nearest;
    const investors = unique([...statement.lead, ...statement.investors]);
    const named = investors.filter((p) => p.id);
    deal.investors = investors.map((p) => p.name);
    deal.lead = statement.lead.map((p) => p.name);
    deal.investorIds = named.map((p) => p.id!);
    deal.investorId = named.length === 1 && investors.length === 1 ? named[0]!.id : null;
    deal.investor = deal.investors.join('/');
    deal.rule = {
      id: `${deal.rule.id}+participants`,
      reason: `${deal.rule.reason}; investors from a nearby sentence: "${statement.quote.slice(0, 120)}"`,
    };
  }
}

/**
 * "Mistral AI has raised €1.7 billion in a round led by ASML. Existing investors including Andreessen Horowitz and
 * Nvidia also participated.": participants named right after a round that names its lead join it, after the lead.
 */
function joinLedRound(deals: { deal: Deal; sentence: number }[], statement: Participants, ids: Set<string>): void {
  if (statement.lead.length) return;
  const round = deals.find(
    ({ deal, sentence }) =>
      sentence === statement.sentence - 1 && deal.investors.length > 0 && deal.kind !== 'acquisition' && deal.status !== 'historic' &&
      !ids.has(deal.targetId ?? deal.target) && (!statement.target || statement.target.id === deal.targetId),
  )?.deal;
  if (!round) return;
  const added = statement.investors.filter((p) => !(p.id ? round.investorIds.includes(p.id) : round.investors.includes(p.name)));
  if (!added.length) return;
  round.investors = [...round.investors, ...added.map((p) => p.name)];
  round.investorIds = [...round.investorIds, ...added.flatMap((p) => (p.id ? [p.id] : []))];
  round.investorId = null;
  round.investor = round.investors.join('/');
  round.rule = { id: `${round.rule.id}+participants`, reason: `${round.rule.reason}; more investors from the next sentence: "${statement.quote.slice(0, 120)}"` };
}
