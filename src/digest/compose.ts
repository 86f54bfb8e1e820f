/**
 * The digest as an Answer: new articles (title, outlet, date), new or updated deals and figures with their
 * citations, new conflicts between sources, and how much was left out. At most `MAX_DIGEST_ITEMS` items,
 * shared round-robin between the sections so none crowds out the others. Nothing new → one line.
 *
 * `json` (printed by `ask "/digest now" --json`):
 * ```
 * { "command": "digest", "channel": "C123", "since": ISO, "until": ISO, "timeZone": "Europe/Berlin",
 *   "articles":  [{ "article", "title", "outlet", "date", "url", "arrivedAt" }],
 *   "deals":     [{ "change": "new"|"updated", "investor", "target", "amount", "status", "date", "citations": [Citation] }],
 *   "figures":   [{ "change", "subject", "entity", "metric", "period", "value", "max", "unit", "qualifier", "citations" }],
 *   "conflicts": [{ "subject", "values": [{ "value", "max", "unit", "citation": Citation }] }],
 *   "omitted":   { "articles": n, "deals": n, "figures": n, "conflicts": n },
 *   "skipped":   [ISO, …]   // send times missed while the bot was down, covered by this digest
 * }
 * ```
 * The lists hold what the message shows; `omitted` counts the rest.
 */
import { cite } from '../answer/cite.ts';
import type { DigestJson } from '../answer/contracts.ts';
import { citeSources, conflictLine, dealItem, figureItem, figureJson } from '../answer/facts.ts';
import type { Answer, AnswerItem } from '../answer/model.ts';
import type { FactSource } from '../extract/types.ts';
import type { Corpus } from '../search/corpus.ts';
import { isEmpty, type DigestContent, type NewArticle } from './collect.ts';
import { formatInZone } from './schedule.ts';

export const MAX_DIGEST_ITEMS = 10;
/** Citations shown per deal or figure. */
const CITATIONS_PER_FACT = 2;

export interface DigestFrame {
  channel: string;
  timeZone: string;
  /** Send times missed since the last digest (they are covered by this one). */
  skippedSlots?: string[];
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
  };
  if (isEmpty(content)) {
    return {
      command: 'digest',
      title: `Nothing new since ${since}.`,
      items: [],
      notes: [],
      json: { ...baseJson, articles: [], deals: [], figures: [], conflicts: [], omitted: { articles: 0, deals: 0, figures: 0, conflicts: 0 }, skipped },
    };
  }
  const [nArticles, nDeals, nFigures, nConflicts] = shareItems(
    [content.articles.length, content.deals.length, content.figures.length, content.conflicts.length],
    MAX_DIGEST_ITEMS,
  );
  const articles = content.articles.slice(0, nArticles);
  const deals = content.deals.slice(0, nDeals);
  const figures = content.figures.slice(0, nFigures);
  const conflicts = content.conflicts.slice(0, nConflicts);
  const omitted = {
    articles: content.articles.length - articles.length,
    deals: content.deals.length - deals.length,
    figures: content.figures.length - figures.length,
    conflicts: content.conflicts.length - conflicts.length,
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
    ...citedDeals.map(({ fact, change, citations }) => dealItem(fact, corpus, { lead: change === 'new' ? 'New deal: ' : 'Deal update: ', citations })),
    ...citedFigures.map(({ fact, change, citations }) => figureItem(fact, corpus, { lead: change === 'new' ? 'New figure: ' : 'Figure update: ', citations })),
    ...citedConflicts.map(({ conflict, sides }) => ({ text: conflictLine(conflict.figures, corpus), citations: sides.map((side) => side.citation) })),
  ];
  const notes: string[] = [];
  const left = Object.entries(omitted).filter(([, n]) => n > 0).map(([what, n]) => `${n} more ${n === 1 ? what.slice(0, -1) : what}`);
  if (left.length) notes.push(`Left out to keep this short: ${left.join(', ')}. /news finds them.`);
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
      deals: citedDeals.map(({ fact, change, citations }) => ({
        change,
        investor: fact.investor,
        target: fact.target,
        amount: fact.amount,
        status: fact.status,
        date: fact.date,
        citations,
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
      omitted,
      skipped,
    },
  };
}

/** Splits `budget` between sections one item at a time, in turn, so each non-empty section gets its share. */
export function shareItems(sizes: number[], budget: number): number[] {
  const shares = sizes.map(() => 0);
  let left = budget;
  while (left > 0 && shares.some((share, i) => share < sizes[i]!)) {
    shares.forEach((share, i) => {
      if (left > 0 && share < sizes[i]!) {
        shares[i]!++;
        left--;
      }
    });
  }
  return shares;
}

function articleItem({ article }: NewArticle): AnswerItem {
  const firstSentence = article.passages.find((p) => p.sentences.length)?.sentences[0]?.text;
  return {
    text: `New article: ${article.title ?? article.id}`,
    detail: [article.outlet ?? 'outlet unknown', article.date ?? 'date unknown'].join(' · '),
    citations: [cite(article, firstSentence ?? article.title ?? article.id)],
  };
}

/** `1 article`, `3 articles`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
