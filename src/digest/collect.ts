/**
 * What a digest reports: the articles that arrived in a time window, the deals and figures those articles
 * back (new ones, or known ones they add a source to), and conflicts between sources they create.
 */
import { findConflicts } from '../answer/facts.ts';
import type { Article } from '../corpus/types.ts';
import type { Deal, FactSource, Figure } from '../extract/types.ts';
import type { Corpus } from '../search/corpus.ts';
import type { IngestRecord } from '../state/types.ts';

/** `new`: every source is a new article; `updated`: the fact was known and a new article reports it too. */
export type Change = 'new' | 'updated';

export interface NewArticle {
  article: Article;
  arrivedAt: string;
}

export interface FactChange<T> {
  fact: T;
  change: Change;
  /** The sources from the new articles, the ones to cite. */
  newSources: FactSource[];
}

/** Figures that contradict each other (see `findConflicts`), reported by different articles. */
export interface Conflict {
  subject: string;
  figures: Figure[];
}

export interface DigestContent {
  since: Date;
  until: Date;
  articles: NewArticle[];
  deals: FactChange<Deal>[];
  figures: FactChange<Figure>[];
  conflicts: Conflict[];
}

/** Everything that arrived after `since` and at or before `until`. */
export function collectDigest(corpus: Corpus, arrivals: IngestRecord[], since: Date, until: Date): DigestContent {
  const articles = arrivals
    .filter((r) => {
      const at = Date.parse(r.arrivedAt);
      return at > since.getTime() && at <= until.getTime();
    })
    .sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt))
    .flatMap((r) => {
      const article = corpus.get(r.article);
      return article ? [{ article, arrivedAt: r.arrivedAt }] : [];
    });
  const isNew = new Set(articles.map((a) => a.article.id));
  const figures = factChanges(corpus.facts.figures, isNew);
  return {
    since,
    until,
    articles,
    deals: factChanges(corpus.facts.deals, isNew),
    figures,
    conflicts: conflictsTouching(corpus.facts.figures, isNew),
  };
}

/** How far back from the newest article `latestArticles` reaches, in days. */
const LATEST_DAYS = 14;

/**
 * On a fresh install nothing has "arrived" yet (the bundled corpus was there from the start): the newest
 * dated articles stand in, those within `LATEST_DAYS` of the newest, at most `max`, as if they had arrived at `now`.
 */
export function latestArticles(corpus: Corpus, now: Date, max = 10): IngestRecord[] {
  const dated = corpus.articles.filter((a) => a.date).sort((a, b) => b.date!.localeCompare(a.date!));
  if (!dated.length) return [];
  const newest = new Date(`${dated[0]!.date!.slice(0, 10).padEnd(10, '-01').slice(0, 10)}T00:00:00Z`);
  const from = new Date(newest.getTime() - LATEST_DAYS * 86_400_000).toISOString().slice(0, 10);
  return dated
    .filter((a) => a.date! >= from.slice(0, a.date!.length))
    .slice(0, max)
    .map((a) => ({ article: a.id, url: a.url, textHash: null, source: 'folder' as const, arrivedAt: now.toISOString() }));
}

export function isEmpty(content: DigestContent): boolean {
  return !content.articles.length && !content.deals.length && !content.figures.length && !content.conflicts.length;
}

function factChanges<T extends { sources: FactSource[] }>(facts: T[], isNew: Set<string>): FactChange<T>[] {
  return facts.flatMap((fact) => {
    const newSources = fact.sources.filter((s) => isNew.has(s.article));
    if (!newSources.length) return [];
    const change: Change = newSources.length === fact.sources.length ? 'new' : 'updated';
    return [{ fact, change, newSources }];
  });
}

/** The conflicts (`findConflicts`, the rule `/number` uses) that a new article takes part in. */
function conflictsTouching(figures: Figure[], isNew: Set<string>): Conflict[] {
  return findConflicts(figures)
    .map((group) => group.map((i) => figures[i]!))
    .filter((group) => group.some((f) => f.sources.some((s) => isNew.has(s.article))))
    .map((group) => ({ subject: group[0]!.subject, figures: group }));
}

/** Months before its report within which a deal's own date still makes it news. */
const NEWS_MONTHS = 6;

/** A deal told as background: historic, or dated more than `NEWS_MONTHS` before the report (ISO date) that brings it. */
function isBackground(deal: Deal, reported: string): boolean {
  if (deal.status === 'historic') return true;
  if (!deal.date) return false;
  const year = Number(reported.slice(0, 4));
  const month = Number(reported.slice(5, 7) || '12') - NEWS_MONTHS;
  const cutoff = month > 0 ? `${year}-${String(month).padStart(2, '0')}` : `${year - 1}-${String(month + 12).padStart(2, '0')}`;
  return deal.date.slice(0, 7) < cutoff.slice(0, deal.date.slice(0, 7).length);
}

/** The newest date among the articles of these sources (null when none is dated). */
function reportedOn(sources: FactSource[], corpus: Corpus): string | null {
  const dates = sources.map((s) => corpus.get(s.article)?.date).filter((d): d is string => Boolean(d));
  return dates.sort().at(-1) ?? null;
}

/**
 * Whether a changed deal is news for a message about arrivals since `since`: not background (historic, or
 * dated long before the newest article that reports it), so a deal of 2019 retold today is not "new".
 */
export function isNewsDeal({ fact, newSources }: FactChange<Deal>, corpus: Corpus, since: Date): boolean {
  return !isBackground(fact, reportedOn(newSources, corpus) ?? since.toISOString());
}

/**
 * The end of the window a digest or a watch may cover now: `until`, or just before the first arrival after
 * `since` whose article this process has not read yet (another process recorded it, and its file reaches this
 * one at its next scan of the shared folder). What the window leaves out is covered next time, never skipped.
 */
export function coverableUntil(corpus: Corpus, arrivals: readonly IngestRecord[], since: Date, until: Date): Date {
  let end = until.getTime();
  for (const r of arrivals) {
    const at = Date.parse(r.arrivedAt);
    if (at > since.getTime() && at <= end && !corpus.get(r.article)) end = at - 1;
  }
  return new Date(end);
}
