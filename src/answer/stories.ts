/**
 * One story per deal: the same deal told by several articles shown once, with every source.
 *
 * The fact store already merges reports that agree to rounding (same parties, amounts within 2 %). Real
 * coverage agrees less: "about $2bn" here, "$2.1bn" there; "in talks" in Monday's scoop, "closed" in
 * Friday's follow-up; an investor named by one outlet and not by another. A story joins such deals when
 * they come from different articles (two deals one article tells apart are two deals: "raised $6.2bn, now
 * seeks up to $6bn more"), have the same target, compatible investors (one side unnamed, or one investor in
 * common), kinds and rounds that do not contradict, amounts within `STORY_AMOUNT_TOLERANCE` (or ranges that
 * overlap) and dates within `STORY_DAYS`. Amounts that differ, or a missing one, join only with something
 * specific in common: an investor, the round, or (for two amounts) dates on both. Precision first: two
 * stories shown apart are a nuisance, two deals shown as one are a wrong fact. Where the joined reports
 * differ on the amount or the status, the story says so, outlet by outlet: never a silent pick.
 */
import type { Article } from '../corpus/types.ts';
import { sameValue } from '../extract/fact-store.ts';
import type { Deal, DealStatus } from '../extract/types.ts';
import { citeSources, dealLine, dealWhen, factRef, formatMoney, type ArticleLookup } from './facts.ts';
import type { AnswerItem, Citation } from './model.ts';

/** Two amounts at most this far apart (relative to the larger) can be one deal reported differently. */
export const STORY_AMOUNT_TOLERANCE = 0.15;
/** Two reports of one deal are dated at most this many days apart. */
export const STORY_DAYS = 45;

export interface Story {
  /** The member shown: the one most sources report; among equals, the one that says most (see `shownBefore`). */
  deal: Deal;
  /** Every deal of the story, in the order given. */
  members: Deal[];
  /** The outlets that reported it, first reporter first. */
  outlets: string[];
  /** What the reports disagree on; empty when they agree. */
  differences: Difference[];
}

/** One aspect the reports disagree on, each reading with the outlets that give it. */
export interface Difference {
  aspect: 'amount' | 'status';
  readings: { text: string; outlets: string[] }[];
}

/** Groups `deals` into stories, in the order of each story's first deal. */
export function groupStories(deals: readonly Deal[], articles: ArticleLookup): Story[] {
  return groupDeals(deals).map((members) => storyOf(members, articles));
}

/**
 * The deals of each story, in the order of each story's first deal: `groupStories` without telling the
 * stories (for a caller that tells only the first few: `storyOf`).
 */
export function groupDeals(deals: readonly Deal[]): Deal[][] {
  const groups: Report[][] = [];
  // Candidate groups by target, so a company's hundreds of deals are not compared all with all. Plain loops:
  // this runs on every `/deal`, which must allocate little (see Performance).
  const byTarget = new Map<string, Report[][]>();
  for (const deal of deals) {
    const report = reportOf(deal);
    const key = deal.targetId ?? `=${deal.target}`;
    let candidates = byTarget.get(key);
    if (!candidates) byTarget.set(key, (candidates = []));
    const group = candidates.find((g) => joins(g, report));
    if (group) group.push(report);
    else {
      groups.push([report]);
      candidates.push(groups.at(-1)!);
    }
  }
  return groups.map((members) => members.map((m) => m.deal));
}

/** Whether `report` joins the group: the same story as one of its members, and no article shared with any. */
function joins(group: readonly Report[], report: Report): boolean {
  let same = false;
  for (const member of group) {
    if (shareAnArticle(member, report)) return false;
    same ||= sameReport(member, report);
  }
  return same;
}

/** Whether two deals can be one deal reported twice (see the module comment). */
export function sameStory(a: Deal, b: Deal): boolean {
  return sameReport(reportOf(a), reportOf(b));
}

/** A deal with what comparing it needs read once: its day and its round's key. */
interface Report {
  deal: Deal;
  day: number | null;
  round: string | null;
}

function reportOf(deal: Deal): Report {
  return { deal, day: dayOf(deal.date), round: deal.round === null ? null : roundKey(deal.round) };
}

/** `sameStory` on prepared reports: the cheap tests first. */
function sameReport(ra: Report, rb: Report): boolean {
  const a = ra.deal;
  const b = rb.deal;
  const sameTarget = a.targetId && b.targetId ? a.targetId === b.targetId : a.target === b.target;
  if (!sameTarget || a.additional !== b.additional) return false;
  // Money paid long ago, told as background, is not this week's round.
  if ((a.status === 'historic') !== (b.status === 'historic')) return false;
  if (a.kind !== b.kind && a.kind !== 'unknown' && b.kind !== 'unknown') return false;
  const va = a.amount?.value ?? null;
  const vb = b.amount?.value ?? null;
  if (va !== null && vb !== null) {
    if (a.amount!.currency && b.amount!.currency && a.amount!.currency !== b.amount!.currency) return false;
    if (!closeAmounts(va, a.amount!.max, vb, b.amount!.max)) return false;
  }
  if (ra.day !== null && rb.day !== null && Math.abs(ra.day - rb.day) > STORY_DAYS) return false;
  const sameRound = ra.round !== null && ra.round === rb.round;
  if (ra.round !== null && rb.round !== null && !sameRound) return false;
  const sharedInvestor = shareAnInvestor(a, b);
  if (a.investorIds.length && b.investorIds.length && !sharedInvestor) return false;
  if (shareAnArticle(ra, rb)) return false;
  // One report without an amount joins only a report that shares something specific: an investor or the round.
  if (va === null || vb === null) return va === vb || sharedInvestor || sameRound;
  // Amounts apart by more than rounding need more in common than the target.
  return sameValue(va, vb) || sharedInvestor || sameRound || (ra.day !== null && rb.day !== null);
}

/** Whether the deals name an investor in common (a loop, not a closure: this runs for every pair). */
function shareAnInvestor(a: Deal, b: Deal): boolean {
  for (const id of a.investorIds) if (b.investorIds.includes(id)) return true;
  return false;
}

/** Whether the two deals were read in one article (which then told them apart). Sources are few: no set needed. */
function shareAnArticle(a: Report, b: Report): boolean {
  for (const s of a.deal.sources) for (const t of b.deal.sources) if (s.article === t.article) return true;
  return false;
}

/** "Series B", "Series-B-Runde", "series b round" → `seriesb`. */
function roundKey(round: string): string {
  return round.toLowerCase().replace(/finanzierungsrunde|runde|round|[^\p{L}\d]/gu, '');
}

/**
 * A date (`2026-02-06`, `2026-02`) as a day number (a month counts as its middle day), for `STORY_DAYS`; null
 * when unknown or only a year (it never contradicts). Read digit by digit: it runs for every deal of every
 * `/deal`, which must allocate little (see Performance).
 */
function dayOf(date: string | null): number | null {
  if (date === null || date.length < 7 || date[4] !== '-') return null;
  const digits = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) {
      const d = date.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return NaN;
      n = n * 10 + d;
    }
    return n;
  };
  const day = date.length >= 10 && date[7] === '-' ? digits(8, 10) : 15;
  const value = Date.UTC(digits(0, 4), digits(5, 7) - 1, day) / 86_400_000;
  return Number.isNaN(value) ? null : value;
}

/** Ranges that overlap, or values within the tolerance of the larger. */
function closeAmounts(a: number, aMax: number | null, b: number, bMax: number | null): boolean {
  if (a <= (bMax ?? b) && b <= (aMax ?? a)) return true;
  return Math.abs(a - b) <= STORY_AMOUNT_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** The story of one group of `groupDeals`: the deal to show, its outlets, what they differ on. */
export function storyOf(members: Deal[], articles: ArticleLookup): Story {
  const outletOf = (article: string) => articles.get(article)?.outlet ?? 'outlet unknown';
  // Most stories are one report from one article: nothing to compare (and `/deal` tells 25 of them per answer).
  if (members.length === 1 && members[0]!.sources.length === 1) {
    return { deal: members[0]!, members, outlets: [outletOf(members[0]!.sources[0]!.article)], differences: [] };
  }
  const deal = members.reduce((best, d) => (shownBefore(d, best) ? d : best), members[0]!);
  // Each reading with the outlets of the sources that give it.
  const amounts = new Map<string, Set<string>>();
  const statuses = new Map<DealStatus, Set<string>>();
  const add = <K>(map: Map<K, Set<string>>, key: K, outlet: string) => map.set(key, (map.get(key) ?? new Set()).add(outlet));
  for (const d of members) {
    const amount = d.amount ? formatMoney(d.amount) : 'amount not given';
    for (const source of d.sources) {
      add(amounts, amount, outletOf(source.article));
      add(statuses, source.status ?? d.status, outletOf(source.article));
    }
  }
  const differences: Difference[] = [];
  const readings = <K>(map: Map<K, Set<string>>, text: (key: K) => string) => [...map].map(([key, outlets]) => ({ text: text(key), outlets: [...outlets] }));
  // An amount a report leaves out is not a disagreement; two different amounts are.
  const given = readings(amounts, String).filter((r) => r.text !== 'amount not given');
  if (given.length > 1) differences.push({ aspect: 'amount', readings: given });
  if (statuses.size > 1) differences.push({ aspect: 'status', readings: readings(statuses, String) });
  return { deal, members, outlets: firstReportersFirst(members, articles), differences };
}

/** Whether `a` is the better member to show than `b`: more sources, then a named round, more investors, a date from the text. */
function shownBefore(a: Deal, b: Deal): boolean {
  const detail = (d: Deal) => [d.sources.length, d.round ? 1 : 0, d.investors.length, d.dateFrom === 'text' ? 1 : 0];
  const [da, db] = [detail(a), detail(b)];
  const differs = da.findIndex((value, i) => value !== db[i]);
  return differs >= 0 && da[differs]! > db[differs]!;
}

/** The distinct outlets of the members' sources, ordered by their articles' dates (undated last). */
function firstReportersFirst(members: readonly Deal[], articles: ArticleLookup): string[] {
  const dated = members
    .flatMap((d) => d.sources.map((s) => articles.get(s.article)))
    .filter((a): a is Article => a !== undefined)
    .sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'));
  return [...new Set(dated.map((a) => a.outlet ?? 'outlet unknown'))];
}

/** How many outlets a line names before "and N more". */
const OUTLETS_NAMED = 2;

/** "reported by Reuters", "reported by Reuters and Handelsblatt", "reported by Reuters, Handelsblatt and 3 more". */
export function reportedBy(outlets: readonly string[]): string {
  if (outlets.length <= OUTLETS_NAMED) return `reported by ${outlets.join(' and ')}`;
  return `reported by ${outlets.slice(0, OUTLETS_NAMED).join(', ')} and ${outlets.length - OUTLETS_NAMED} more`;
}

/** "sources differ on the amount: $2B (Reuters) vs. $2.1B (FT)". */
export function differenceLine(difference: Difference): string {
  const what = difference.aspect === 'amount' ? 'the amount' : 'the status';
  return `sources differ on ${what}: ${difference.readings.map((r) => `${r.text} (${r.outlets.join(', ')})`).join(' vs. ')}`;
}

/**
 * A story as one row: the shown deal's line; its status, date, who reported it and what they disagree on
 * (after `context`); every article of every member cited once, unless `citations` are given. Its fact is
 * the shown deal, with every member's articles.
 */
export function storyItem(story: Story, articles: ArticleLookup, options: { lead?: string; context?: string; citations?: Citation[] } = {}): AnswerItem {
  const { deal } = story;
  const detail = [`${options.context ?? ''}${deal.status}`, dealWhen(deal), ...(story.outlets.length > 1 ? [reportedBy(story.outlets)] : []), ...story.differences.map(differenceLine)];
  const sources = story.members.flatMap((d) => d.sources);
  return {
    text: `${options.lead ?? ''}${dealLine(deal)}`,
    detail: detail.join(' · '),
    citations: options.citations ?? citeSources(sources, articles),
    fact: factRef(deal, sources),
  };
}
