/**
 * The digest as an Answer: new articles (title, outlet, date) first, then the biggest new or updated deals,
 * new conflicts between sources and the biggest figures, with their citations, and how much was left out.
 * At most `MAX_DIGEST_ITEMS` items (see `allotItems`): what is left out is the smallest. A deal told as
 * background (historic, or dated long before the window) is never news. Nothing new → one line.
 *
 * `json` (printed by `ask "/digest now" --json`):
 * ```
 * { "command": "digest", "channel": "C123", "since": ISO, "until": ISO, "timeZone": "Europe/Berlin",
 *   "articles":  [{ "article", "title", "outlet", "date", "url", "arrivedAt" }],
 *   "deals":     [{ "change": "new"|"updated", "investor", "target", "amount", "status", "date", "citations": [Citation] }],
 *   "figures":   [{ "change", "subject", "entity", "metric", "period", "value", "max", "unit", "qualifier", "citations" }],
 *   "conflicts": [{ "subject", "values": [{ "value", "max", "unit", "citation": Citation }] }],
 *   "omitted":   { "articles": n, "deals": n, "figures": n, "conflicts": n, "corrected": n },
 *   "skipped":   [ISO, …]   // send times missed while the bot was down, covered by this digest
 * }
 * ```
 * The lists hold what the message shows; `omitted` counts the rest (`corrected`: what the team marked wrong,
 * left out whatever the room: stories, figures and conflicts it touches).
 */
import { count } from '../text/plural.ts';
import { cite } from '../answer/cite.ts';
import type { DigestJson } from '../answer/contracts.ts';
import { citeSources, conflictLine, figureItem, figureJson, amountSize } from '../answer/facts.ts';
import { groupStories, storyItem, type Story } from '../answer/stories.ts';
import { correctionOf, type Corrections } from '../answer/corrections.ts';
import type { Answer, AnswerItem } from '../answer/model.ts';
import type { Deal, FactSource, Figure } from '../extract/types.ts';
import type { Corpus } from '../search/corpus.ts';
import { isEmpty, isNewsDeal, type DigestContent, type FactChange, type NewArticle } from './collect.ts';
import { formatInZone } from './schedule.ts';

export const MAX_DIGEST_ITEMS = 10;
/** Citations shown per deal or figure. */
const CITATIONS_PER_FACT = 2;

export interface DigestFrame {
  channel: string;
  timeZone: string;
  /** Send times missed since the last digest (they are covered by this one). */
  skippedSlots?: string[];
  /** Alerts the channel's watches sent since the last digest. */
  alertsSent?: number;
  /** The facts the team marked wrong: left out, and counted (see src/answer/corrections.ts). */
  corrections?: Corrections;
}

export function digestAnswer(corpus: Corpus, content: DigestContent, frame: DigestFrame): Answer<DigestJson> {
  const since = formatInZone(content.since, frame.timeZone);
  const skipped = frame.skippedSlots ?? [];
  const baseJson = {
    command: 'digest' as const,
    channel: frame.channel,
    since: content.since.toISOString(),
    until: content.until.toISOString(),
    timeZone: frame.timeZone,
    alerts_sent: frame.alertsSent ?? 0,
  };
  // Watch alerts already told the channel part of the news: the digest says how much.
  const alertNotes = frame.alertsSent ? [`Already sent here as watch alerts since the last digest: ${count(frame.alertsSent, 'alert')}.`] : [];
  if (isEmpty(content)) {
    return {
      command: 'digest',
      title: `Nothing new since ${since}.`,
      items: [],
      notes: alertNotes,
      json: { ...baseJson, articles: [], deals: [], figures: [], conflicts: [], omitted: { articles: 0, deals: 0, figures: 0, conflicts: 0, corrected: 0 }, skipped },
    };
  }
  // One story per deal, however many of the new articles told it; biggest first. What the team marked wrong is left out.
  const corrections = frame.corrections ?? new Map();
  const stories = storiesOf(content.deals.filter((change) => isNewsDeal(change, corpus, content.since)), corpus);
  const newsDeals = stories.filter(({ story }) => !correctionOf(story.members, corrections)).sort((a, b) => amountSize(b.fact.amount) - amountSize(a.fact.amount));
  const bigFigures = content.figures.filter(({ fact }) => !correctionOf([fact], corrections)).sort((a, b) => figureSize(b.fact) - figureSize(a.fact));
  const standingConflicts = content.conflicts.filter((conflict) => !correctionOf(conflict.figures, corrections));
  const corrected = stories.length - newsDeals.length + (content.figures.length - bigFigures.length) + (content.conflicts.length - standingConflicts.length);
  const [nArticles, nDeals, nConflicts, nFigures] = allotItems([content.articles.length, newsDeals.length, standingConflicts.length, bigFigures.length], MAX_DIGEST_ITEMS);
  const articles = content.articles.slice(0, nArticles);
  const deals = newsDeals.slice(0, nDeals);
  const figures = bigFigures.slice(0, nFigures);
  const conflicts = standingConflicts.slice(0, nConflicts);
  const shortened = {
    articles: content.articles.length - articles.length,
    deals: newsDeals.length - deals.length,
    figures: bigFigures.length - figures.length,
    conflicts: standingConflicts.length - conflicts.length,
  };
  // Cited once each, for the message and the JSON: a fact by its new articles, each side of a conflict by its first.
  const cited = <T extends { newSources: FactSource[] }>(change: T) => ({ ...change, citations: citeSources(change.newSources, corpus).slice(0, CITATIONS_PER_FACT) });
  const citedDeals = deals.map(cited);
  const citedFigures = figures.map(cited);
  const citedConflicts = conflicts.map((conflict) => ({
    conflict,
    sides: conflict.figures.flatMap((f) => {
      const [citation] = citeSources(f.sources, corpus);
      return citation ? [{ figure: f, citation }] : [];
    }),
  }));
  const items: AnswerItem[] = [
    ...articles.map(articleItem),
    ...citedDeals.map(({ story, change, citations }) => storyItem(story, corpus, { lead: change === 'new' ? 'New deal: ' : 'Deal update: ', citations })),
    ...citedFigures.map(({ fact, change, citations }) => figureItem(fact, corpus, { lead: change === 'new' ? 'New figure: ' : 'Figure update: ', citations })),
    ...citedConflicts.map(({ conflict, sides }) => ({ text: conflictLine(conflict.figures, corpus), citations: sides.map((side) => side.citation) })),
  ];
  const notes: string[] = [];
  const left = Object.entries(shortened).filter(([, n]) => n > 0).map(([what, n]) => `${n} more ${n === 1 ? what.slice(0, -1) : what}`);
  if (left.length) notes.push(`Left out to keep this short: ${left.join(', ')}. /news finds them.`);
  if (corrected) notes.push(`Left out: ${count(corrected, 'fact')} the team marked wrong (/corrections lists them).`);
  notes.push(...alertNotes);
  if (skipped.length) {
    const when = skipped.map((slot) => formatInZone(new Date(slot), frame.timeZone)).join('; ');
    notes.push(`Not sent while the bot was down: the digest due ${when}. This one covers everything since then.`);
  }
  return {
    command: 'digest',
    title: `Digest: ${count(content.articles.length, 'new article')} since ${since}`,
    items,
    notes,
    json: {
      ...baseJson,
      articles: articles.map(({ article, arrivedAt }) => ({
        article: article.id,
        title: article.title,
        outlet: article.outlet,
        date: article.date,
        url: article.url,
        arrivedAt,
      })),
      deals: citedDeals.map(({ fact, change, citations, story }) => ({
        change,
        investor: fact.investor,
        target: fact.target,
        amount: fact.amount,
        status: fact.status,
        date: fact.date,
        citations,
        reported_by: story.outlets,
        differences: story.differences,
      })),
      figures: citedFigures.map(({ fact, change, citations }) => ({
        change,
        ...figureJson(fact),
        entity: fact.entity,
        metric: fact.metric,
        citations,
      })),
      conflicts: citedConflicts.map(({ conflict, sides }) => ({
        subject: conflict.subject,
        values: sides.map(({ figure: f, citation }) => ({ value: f.value, max: f.max, unit: f.unit, citation })),
      })),
      omitted: { ...shortened, corrected },
      skipped,
    },
  };
}

/** A story of new deals, as the digest lists it: updated when any of its deals was known before. */
interface StoryChange extends FactChange<Deal> {
  story: Story;
}

/** The changed deals as stories (see `groupStories`): the shown deal, every member's new sources. */
function storiesOf(changes: FactChange<Deal>[], corpus: Corpus): StoryChange[] {
  const changeOf = new Map(changes.map((c) => [c.fact, c]));
  return groupStories(changes.map((c) => c.fact), corpus).map((story) => {
    const members = story.members.map((d) => changeOf.get(d)!);
    return {
      story,
      fact: story.deal,
      change: members.some((m) => m.change === 'updated') ? 'updated' : 'new',
      newSources: members.flatMap((m) => m.newSources),
    };
  });
}

/** First-pass shares of the item budget, in the digest's order: articles, deals, conflicts, figures. */
const FIRST_SHARES = [4, 3, 2, 1];

/**
 * Splits `budget` between the sections (articles, deals, conflicts, figures), in that order of importance:
 * each first gets up to its `FIRST_SHARES`, then what is left goes to the sections in the same order. New
 * arrivals thus always lead, and a long list of figures never crowds out the deals.
 */
export function allotItems(sizes: number[], budget: number): number[] {
  let left = budget;
  const take = (want: number) => {
    const n = Math.max(0, Math.min(want, left));
    left -= n;
    return n;
  };
  const shares = sizes.map((size, i) => take(Math.min(size, FIRST_SHARES[i] ?? 0)));
  return shares.map((share, i) => share + take(sizes[i]! - share));
}


/** Money figures by size, before percentages and counts. */
function figureSize(f: Figure): number {
  return /^[A-Z]{3}$/.test(f.unit) ? amountSize({ value: f.value, max: f.max, currency: f.unit }) : -1;
}

function articleItem({ article }: NewArticle): AnswerItem {
  const firstSentence = article.passages.find((p) => p.sentences.length)?.sentences[0]?.text;
  return {
    text: `New article: ${article.title ?? 'untitled'}`,
    detail: [article.outlet ?? 'outlet unknown', article.date ?? 'undated'].join(' · '),
    citations: [cite(article, firstSentence ?? article.title ?? '')],
  };
}
