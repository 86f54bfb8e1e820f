/**
 * Deals: money going from an investor into a target. The target follows a preposition ("in OpenAI", "an
 * Anthropic", "mit Cerebras") or receives ("raised", "Finanzierungsrunde", "Startkapital"); the investor is
 * named before the amount or after "von/from/led by"; the status comes from the wording.
 */
import { fold } from '../text/words.ts';
import {
  COMPANY_ANAPHORA,
  COMPANY_NOUN,
  DEAL_CUES,
  INVESTOR_PREPOSITIONS,
  RECEIVE_CUES,
  STATUS_CUES,
  TARGET_PREPOSITIONS,
} from './cues.ts';
import { type DateMention } from './dates.ts';
import type { EntityMention } from './entities.ts';
import type { Deal, DealStatus, Quantity } from './types.ts';
import type { Lang } from '../text/lang.ts';
import { nearestMetric } from './figure-rules.ts';
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

/** Capex words: money a company spends on itself, never a deal unless a target is named. */
const CAPEX_WORDS = new Set(['investitionen', 'kapitalinvestitionen', 'investitionsausgaben', 'ausgaben', 'capex', 'spending', 'stecken', 'investieren']);
const LEAD_VERB = /\b(?:led|leads|leading|co-led|führte|führt|anführte)\b/i;
const FUND_NOUN = /\b(?:fonds|\w*vehikels?|fund|vehicle)\b/i;

// ── Deals ────────────────────────────────────────────────────────────────────────────────────────────

export function dealFor(
  quantity: Quantity,
  v: SentenceView,
  next: SentenceView | null,
  subject: EntityMention | null,
  state: ArticleState,
): Deal | null {
  if (quantity.kind !== 'money') return null;
  const clause = clauseOf(v, quantity.start);
  const clauseWords = wordsIn(v, clause);
  if (nearestMetric(quantity, v, clause) === 'valuation') return null;
  const dealCue = hasWord(clauseWords, DEAL_CUES) || hasWord(v.words, DEAL_CUES);
  if (!dealCue) return null;

  const explicitTarget = targetAfter(quantity, v);
  const receiving = hasWord(clauseWords, RECEIVE_CUES) || multiWordCue(v.text.slice(...clause), RECEIVE_CUES);
  let target: { id: string | null; name: string; mention: EntityMention | null } | null = explicitTarget;
  let investor: EntityMention | null = null;

  if (!target && FUND_NOUN.test(v.text.slice(...clause))) {
    const fund = [...v.mentions, ...(next?.mentions ?? [])].find((m) => m.entity.kind === 'fund');
    if (fund) target = entityTarget(fund);
  }
  if (!target && receiving) {
    const recipient =
      nearestBefore(v, quantity.start, clause) ??
      nearestBefore(v, quantity.start, [0, v.text.length]) ??
      (COMPANY_ANAPHORA.test(v.text) ? subject : null);
    if (recipient) target = entityTarget(recipient);
    investor = investorAfter(quantity, v, recipient) ?? leadInvestor(v, recipient);
  }
  if (!target) target = laterMention(quantity, v);
  if (!target) {
    // Spending plans ("will 2026 … investieren, Microsoft rund 80 Milliarden") name no company to invest in.
    const capex = (words: Word[]) => hasWord(words, [...CAPEX_WORDS]) && !hasWord(words, ['investition', 'investment', 'beteiligung']);
    if (capex(clauseWords) || capex(v.words)) return null;
    const carried = dealFocus(state) ?? otherThan(state.mainEntity, nearestBefore(v, quantity.start, clause));
    if (!carried) return null;
    target = entityTarget(carried);
  }
  if (!receiving) {
    investor =
      investorAfter(quantity, v, target.mention) ??
      nearestBefore(v, quantity.start, clause, target.id) ??
      nearestBefore(v, quantity.start, [0, v.text.length], target.id) ??
      (COMPANY_ANAPHORA.test(v.text) && subject?.canonical.id !== target.id ? subject : null);
  }
  if (target.mention) state.targets.push(target.mention);
  const date = dateFor(quantity, v, clause);
  const investors = investor ? coInvestors(v, investor) : [];
  return {
    investorId: investors.length === 1 ? investors[0]!.canonical.id : null,
    investorIds: investors.map((m) => m.canonical.id),
    investor: investors.length ? investors.map((m) => m.canonical.name).join('/') : null,
    investors: investors.map((m) => m.canonical.name),
    lead: [],
    kind: 'unknown',
    round: null,
    rule: { id: 'deal.near', reason: 'a deal word in the sentence; parties by preposition and nearness' },
    targetId: target.id,
    target: target.name,
    amount: quantity.value === null ? null : { value: quantity.value, max: quantity.max, currency: quantity.currency, qualifier: quantity.qualifier },
    additional: quantity.additional,
    status: statusFor(v, quantity, clause, date, state.article.date, state.article.lang),
    date: date?.value ?? state.article.date,
    dateFrom: date ? 'text' : state.article.date ? 'article' : null,
    sources: [source(state.article, v.sentence, quantity)],
  };
}

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

function entityTarget(mention: EntityMention) {
  return { id: mention.canonical.id, name: mention.canonical.name, mention };
}

function otherThan(candidate: EntityMention | null, other: EntityMention | null): EntityMention | null {
  return candidate && candidate.canonical.id !== other?.canonical.id ? candidate : null;
}

/** "… in OpenAI", "an Anthropic", "mit Cerebras": the first entity after the amount led by a target preposition. */
function targetAfter(quantity: Quantity, v: SentenceView) {
  for (const mention of parties(v.mentions)) {
    if (mention.start < quantity.end) continue;
    const before = v.words.filter((w) => w.end <= mention.start).at(-1);
    if (before && TARGET_PREPOSITIONS.includes(before.folded)) return entityTarget(mention);
  }
  // No known name: accept a plain noun phrase only when it names companies ("in digitale Plattformunternehmen").
  const after = v.text.slice(quantity.end);
  const phrase = /^\s+(?:in|into)\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/u.exec(after)?.[1];
  const last = phrase?.split(/\s+/).find((w) => COMPANY_NOUN.test(w));
  // "in das Pariser Unternehmen", "into the company": a company named before, not a new one.
  if (phrase && /^(?:das|dem|den|der|die|diese[mns]?|the|this)\s/i.test(phrase)) return null;
  if (phrase && last) return { id: null, name: phrase.slice(0, phrase.indexOf(last) + last.length), mention: null };
  return null;
}

/** "… zum wichtigsten Geldgeber von OpenAI": failing a preposition, a company named after the amount. */
function laterMention(quantity: Quantity, v: SentenceView) {
  const investor = nearestBefore(v, quantity.start, [0, v.text.length]);
  const [, clauseEnd] = clauseOf(v, quantity.start);
  const later = parties(v.mentions).find(
    (m) => m.start >= quantity.end && m.end <= clauseEnd && m.canonical.id !== investor?.canonical.id && m.entity.kind !== 'person',
  );
  return later && investor ? entityTarget(later) : null;
}

/** "Microsoft and Nvidia will invest", "Nvidia und Microsoft investieren": the names joined to the investor. */
function coInvestors(v: SentenceView, investor: EntityMention): EntityMention[] {
  const named = parties(v.mentions);
  const group = [investor];
  for (let i = named.indexOf(investor) - 1; i >= 0; i--) {
    const between = v.text.slice(named[i]!.end, group[0]!.start);
    if (!/^\s*(?:,|and|und|sowie|&)\s*$/i.test(between)) break;
    group.unshift(named[i]!);
  }
  return group;
}

/** "Thrive Capital led OpenAI's $6.6 billion round": who led a round named before the company raising it. */
function leadInvestor(v: SentenceView, recipient: EntityMention | null): EntityMention | null {
  if (!recipient) return null;
  const before = parties(v.mentions).filter((m) => m.end <= recipient.start && m.canonical.id !== recipient.canonical.id).at(-1);
  return before && LEAD_VERB.test(v.text.slice(before.end, recipient.start)) ? before : null;
}

/** "eine Investition von Amazon", "raised … from Thrive": an investor named after the amount. */
function investorAfter(quantity: Quantity, v: SentenceView, target: EntityMention | null): EntityMention | null {
  for (const mention of parties(v.mentions)) {
    if (mention.start < quantity.end || mention.canonical.id === target?.canonical.id) continue;
    const before = v.words.filter((w) => w.end <= mention.start).at(-1);
    if (before && INVESTOR_PREPOSITIONS.includes(before.folded)) return mention;
  }
  return null;
}

/** The nearest entity named before `position` inside `range`, skipping `exceptId`. */
function nearestBefore(v: SentenceView, position: number, range: [number, number], exceptId?: string | null): EntityMention | null {
  const candidates = parties(v.mentions).filter((m) => m.end <= position && m.start >= range[0] && m.canonical.id !== exceptId);
  return candidates.at(-1) ?? null;
}

/** Auxiliaries of the perfect tense: "hat … investiert", "has invested" report money already in, over time. */
const PERFECT_AUXILIARIES = ['hat', 'haben', 'hatte', 'hatten', 'has', 'have', 'had'];

/**
 * Talks, plans and announcements by their wording. Money already paid is `completed` when the report is
 * news ("raised", "hat … eingesammelt", "hat gerade … ausgegeben") and `historic` when it is background: an
 * earlier year, or a running total in the perfect tense ("Microsoft hat mehr als $13 Mrd investiert",
 * "Amazon hat seit 2023 rund acht Milliarden investiert").
 */
function statusFor(
  v: SentenceView,
  quantity: Quantity,
  clause: [number, number],
  date: DateMention | null,
  articleDate: string | null,
  lang: Lang,
): DealStatus {
  const status = statusIn(wordsIn(v, clause)) ?? statusIn(v.words) ?? 'announced';
  // Without the article's date, a year named in the text ("der 2017 … investierte") marks background too.
  const pastYear = date && (articleDate ? date.value.slice(0, 4) < articleDate.slice(0, 4) : true);
  if (pastYear && (status === 'completed' || status === 'announced' || status === 'historic')) return 'historic';
  // English uses the present perfect for background ("Amazon, which has invested $8 billion"); German news
  // tells fresh events in the perfect ("hat … eingesammelt"), so there only a running total is background.
  const cumulative = lang === 'en' || quantity.qualifier === 'more_than' || hasWord(v.words, CUMULATIVE_WORDS);
  if (status === 'historic' && !(cumulative && hasWord(v.words, PERFECT_AUXILIARIES))) return 'completed';
  return status;
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


function multiWordCue(clauseText: string, cues: readonly string[]): boolean {
  const folded = fold(clauseText);
  return cues.some((cue) => cue.includes(' ') && folded.includes(cue));
}

