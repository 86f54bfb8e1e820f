/**
 * Deals and figures of the whole corpus, extracted once at index time and kept in maps keyed by entity, so
 * `/deal` and `/number` never search or re-parse text. The same deal reported twice (by two articles, in
 * two sentences, or in a table and a sentence) is stored once with every source.
 */
import type { Article } from '../corpus/types.ts';
import { bundledCatalog, type EntityCatalog } from './entities.ts';
import { extractFacts } from './facts.ts';
import { mergeSorted, SortedLists } from './sorted-lists.ts';
import { NameIndex } from './unknown-names.ts';
import type { Amount, Deal, DealStatus, Facts, Figure } from './types.ts';

/** Two amounts within this relative difference are the same figure written differently (rounding). */
const SAME_VALUE_TOLERANCE = 0.02;

/** The more cautious status wins when sources disagree: a reported "talks" is not yet "completed". */
const STATUS_CAUTION: DealStatus[] = ['rumoured', 'talks', 'planned', 'announced', 'completed', 'historic', 'rejected'];

export class FactStore {
  readonly deals: Deal[] = [];
  readonly figures: Figure[] = [];
  readonly catalog: EntityCatalog;
  /** Names for queries: the entity list plus the unknown companies the articles named. */
  readonly names: NameIndex;
  private readonly dealsByEntity = new Map<string, Deal[]>();
  private readonly figuresByEntity = new Map<string, Figure[]>();
  private readonly figuresByMetric = new Map<string, Figure[]>();
  /**
   * Duplicate lookup (performance only: the same answers as a scan of all deals or figures, in O(1) per fact).
   * Deals by target id and by target name, figures by all exact fields; both also by value bucket.
   */
  private readonly dealsByTargetId = new Map<string, Deal[]>();
  private readonly dealsByTargetName = new Map<string, Deal[]>();
  private readonly figuresByKey = new Map<string, Figure[]>();
  /** Insertion order, so the earliest equal fact wins as with `find`. */
  private readonly order = new Map<Deal | Figure, number>();
  /** `article start` of every source of a figure that has been merged into. */
  private readonly sourceKeys = new Map<Figure, Set<string>>();
  /** Deals per entity and figures per entity and per metric, newest first (see `dealsNewestFirst`). */
  private readonly newestDeals = new SortedLists<Deal>(newerDealFirst);
  private readonly newestFigures = new SortedLists<Figure>((a, b) => newerFirst(this.whenOf(a), this.whenOf(b)));
  /** Each article's date, for figures without a period. */
  private readonly articleDates = new Map<string, string>();
  /** Whether each new fact joins the newest-first lists (not while a snapshot is read: `sortAll` makes them at the end). */
  private listing = true;

  constructor(catalog: EntityCatalog = bundledCatalog()) {
    this.catalog = catalog;
    this.names = new NameIndex(catalog);
  }

  /** Stores the facts of one article: `facts` when they were extracted elsewhere (`FactsThread`), else extracted here. */
  addArticle(article: Article, facts: Facts = extractFacts(article, this.catalog)): Facts {
    if (article.date) this.articleDates.set(article.id, article.date);
    for (const deal of facts.deals) this.addDeal(deal);
    for (const figure of facts.figures) this.addFigure(figure);
    return facts;
  }

  /**
   * Takes an article's sources out of every fact (the article was edited or deleted). A fact only that
   * article reported goes; one that other articles report too stays, with their sources (its merged reading,
   * such as the more cautious status, is kept). The maps are rebuilt: O(facts), for a rare event.
   */
  removeArticle(articleId: string): void {
    const cites = (f: Deal | Figure) => f.sources.some((s) => s.article === articleId);
    if (!this.deals.some(cites) && !this.figures.some(cites)) return;
    const without = <T extends Deal | Figure>(facts: T[]): T[] =>
      facts.flatMap((f) => {
        const sources = f.sources.filter((s) => s.article !== articleId);
        return sources.length ? [{ ...f, sources }] : [];
      });
    const deals = without(this.deals);
    const figures = without(this.figures);
    this.newestDeals.clear();
    this.newestFigures.clear();
    for (const map of [this.dealsByEntity, this.figuresByEntity, this.figuresByMetric, this.dealsByTargetId, this.dealsByTargetName, this.figuresByKey, this.order, this.sourceKeys]) map.clear();
    this.deals.length = 0;
    this.figures.length = 0;
    for (const deal of deals) this.indexDeal(deal);
    for (const figure of figures) this.indexFigure(figure);
  }

  /** Deals where the entity (or a part of it, such as AWS for Amazon) invests or is invested in. */
  dealsOf(entityId: string): Deal[] {
    return this.dealsByEntity.get(entityId) ?? [];
  }

  /** Figures about the entity and its parts. */
  figuresOf(entityId: string): Figure[] {
    return this.figuresByEntity.get(entityId) ?? [];
  }

  /**
   * The entity's deals, newest first: by month; within a month this month's news before background, named
   * investors before unnamed ones, bigger amounts first. Sorted once per change, not per question.
   */
  dealsNewestFirst(entityId: string): readonly Deal[] {
    return this.newestDeals.get(entityId);
  }

  /** The entity's figures (with its parts'), newest first: by period, else by the date of the article reporting it. */
  figuresNewestFirst(entityId: string): readonly Figure[] {
    return this.newestFigures.get(entityId);
  }

  /**
   * Figures of these metrics (all figures when none is given), newest first; with `year`, only those of that
   * year (see `yearsOf`). Lazily, so a caller may stop early.
   */
  figuresOfMetricsNewestFirst(metrics: Iterable<string>, year?: string): Iterable<Figure> {
    const keys = [...new Set(metrics)].map((m) => `metric:${m}`);
    const lists = (keys.length ? keys : [ALL_FIGURES]).map((key) => this.newestFigures.get(year ? `${key}|year:${year}` : key));
    return mergeSorted(lists, this.newerFigureFirst);
  }

  /** When a figure holds: its period, else the date of the article that first reported it ('' when unknown). */
  whenOf(figure: Figure): string {
    return figure.period ?? this.articleDates.get(figure.sources[0]!.article) ?? '';
  }

  /** Newer figure first (see `whenOf`). */
  readonly newerFigureFirst = (a: Figure, b: Figure): number => newerFirst(this.whenOf(a), this.whenOf(b));

  /**
   * Puts every newest-first list in order now, after a load or a build, so that no question pays for it: all
   * deals and all figures are sorted once, then handed out to their lists in that order.
   */
  sortAll(): void {
    this.newestDeals.rebuild([...this.deals].sort(newerDealFirst), (deal) => this.entityKeys(deal));
    const dated = this.figures.map((figure) => ({ figure, when: this.whenOf(figure) }));
    dated.sort((a, b) => newerFirst(a.when, b.when));
    this.newestFigures.rebuild(
      dated.map((d) => d.figure),
      (figure) => this.figureKeys(figure),
    );
  }

  /** Figures of any of these metrics, in the order of `figures` (so `/number` need not scan them all). */
  figuresWithMetrics(metrics: Iterable<string>): Figure[] {
    const lists = [...new Set(metrics)].map((m) => this.figuresByMetric.get(m) ?? []).filter((l) => l.length);
    if (lists.length <= 1) return lists[0] ?? [];
    // Each list is in insertion order: merge them by it.
    const merged: Figure[] = [];
    const heads = lists.map(() => 0);
    for (;;) {
      let pick = -1;
      for (let i = 0; i < lists.length; i++) {
        const head = lists[i]![heads[i]!];
        if (head && (pick < 0 || this.order.get(head)! < this.order.get(lists[pick]![heads[pick]!]!)!)) pick = i;
      }
      if (pick < 0) return merged;
      merged.push(lists[pick]![heads[pick]!++]!);
    }
  }

  toJSON(): Facts {
    return { deals: this.deals, figures: this.figures };
  }

  /** The store of a snapshot; `articles` give the dates of figures without a period. */
  static fromJSON(facts: Facts, catalog?: EntityCatalog, articles: readonly Pick<Article, 'id' | 'date'>[] = []): FactStore {
    const store = new FactStore(catalog);
    for (const article of articles) if (article.date) store.articleDates.set(article.id, article.date);
    store.listing = false;
    for (const deal of facts.deals) store.indexDeal(deal);
    for (const figure of facts.figures) store.indexFigure(figure);
    store.listing = true;
    store.sortAll();
    return store;
  }

  private addDeal(deal: Deal): void {
    // What each source said, before a merge may make the deal's status more cautious.
    for (const source of deal.sources) source.status ??= deal.status;
    const same = this.earliest(this.dealCandidates(deal), (known) => sameDeal(known, deal));
    if (same) {
      mergeDeal(same, deal);
      // Its date, status or investors may have changed: where it stands among the newest.
      this.newestDeals.changed(this.entityKeys(same));
    } else this.indexDeal(deal);
  }

  /** Every known deal that can be the same as `deal`: same target (by id, or by name where an id is missing), value nearby. */
  private dealCandidates(deal: Deal): Deal[][] {
    const lists: Deal[][] = [];
    for (const bucket of nearBuckets(deal.amount ? deal.amount.value : NO_AMOUNT)) {
      if (deal.targetId) {
        const byId = this.dealsByTargetId.get(`${deal.targetId}|${bucket}`);
        if (byId) lists.push(byId);
        const byName = this.dealsByTargetName.get(`${deal.target}|${bucket}`);
        if (byName) lists.push(byName.filter((known) => !known.targetId));
      } else {
        const byName = this.dealsByTargetName.get(`${deal.target}|${bucket}`);
        if (byName) lists.push(byName);
      }
    }
    return lists;
  }

  /** The earliest added fact among `lists` that satisfies `same`. */
  private earliest<T extends Deal | Figure>(lists: T[][], same: (known: T) => boolean): T | undefined {
    let best: T | undefined;
    let bestOrder = Infinity;
    for (const list of lists) {
      for (const known of list) {
        const order = this.order.get(known)!;
        if (order < bestOrder && same(known)) {
          best = known;
          bestOrder = order;
          break; // lists are in insertion order: later entries of this list come after this one
        }
      }
    }
    return best;
  }

  private indexDeal(deal: Deal): void {
    this.names.remember(deal.targetId, deal.target);
    this.names.remember(deal.investorId, deal.investor);
    this.order.set(deal, this.order.size);
    this.deals.push(deal);
    const bucket = valueBucket(deal.amount ? deal.amount.value : NO_AMOUNT);
    if (deal.targetId) push(this.dealsByTargetId, `${deal.targetId}|${bucket}`, deal);
    push(this.dealsByTargetName, `${deal.target}|${bucket}`, deal);
    for (const key of this.entityKeys(deal)) {
      push(this.dealsByEntity, key, deal);
      if (this.listing) this.newestDeals.add(key, deal);
    }
  }

  /** The entities a deal is listed under: its investors and its target, each with the entities it belongs to. */
  private entityKeys(deal: Deal): Set<string> {
    const keys = new Set<string>();
    for (const id of new Set([...deal.investorIds, deal.targetId])) if (id) for (const key of this.withAncestors(id)) keys.add(key);
    return keys;
  }

  private addFigure(figure: Figure): void {
    const lists: Figure[][] = [];
    for (const bucket of nearBuckets(figure.value)) {
      const list = this.figuresByKey.get(`${figureKey(figure)}|${bucket}`);
      if (list) lists.push(list);
    }
    const same = this.earliest(lists, (known) => sameFigure(known, figure));
    if (same) {
      let keys = this.sourceKeys.get(same);
      if (!keys) this.sourceKeys.set(same, (keys = new Set(same.sources.map(sourceKey))));
      const added = figure.sources.filter((s) => !keys.has(sourceKey(s)));
      const years = yearsOf(same);
      same.sources.push(...added);
      for (const s of added) keys.add(sourceKey(s));
      // A new source may name another year: the figure is of that year too.
      for (const year of yearsOf(same)) {
        if (!years.has(year)) for (const key of [`${ALL_FIGURES}|year:${year}`, `metric:${same.metric}|year:${year}`]) this.newestFigures.add(key, same);
      }
    } else this.indexFigure(figure);
  }

  private indexFigure(figure: Figure): void {
    this.names.remember(figure.entityId, figure.entity);
    this.order.set(figure, this.order.size);
    this.figures.push(figure);
    push(this.figuresByKey, `${figureKey(figure)}|${valueBucket(figure.value)}`, figure);
    push(this.figuresByMetric, figure.metric, figure);
    if (figure.entityId) for (const key of this.withAncestors(figure.entityId)) push(this.figuresByEntity, key, figure);
    if (this.listing) for (const key of this.figureKeys(figure)) this.newestFigures.add(key, figure);
  }

  /** The newest-first lists a figure is in: all, its metric's, its entities', and those of its years. */
  private figureKeys(figure: Figure): string[] {
    const keys = [ALL_FIGURES, `metric:${figure.metric}`];
    if (figure.entityId) keys.push(...this.withAncestors(figure.entityId));
    for (const year of yearsOf(figure)) keys.push(`${ALL_FIGURES}|year:${year}`, `metric:${figure.metric}|year:${year}`);
    return keys;
  }

  /** Whether a deal involves the entity (or a part of it), or a figure is about it: as `dealsOf` and `figuresOf` list them. */
  involves(fact: Deal | Figure, entityId: string): boolean {
    const ids = 'target' in fact ? [...fact.investorIds, fact.targetId] : [fact.entityId];
    return ids.some((id) => id !== null && this.withAncestors(id).includes(entityId));
  }

  /** The entity and the entities it belongs to: AWS figures are also Amazon's. */
  private withAncestors(id: string): string[] {
    const ids: string[] = [];
    for (let entity = this.catalog.get(id); entity && !ids.includes(entity.id); entity = entity.parent ? this.catalog.get(entity.parent) : undefined) {
      ids.push(entity.id);
    }
    return ids.length ? ids : [id];
  }
}

/** The key of the list of every figure among the newest-first lists (entity ids never start with `*`). */
const ALL_FIGURES = '*';

/** The years a figure is of, as `/number … 2026` asks: its period's, and any year its sentences name. */
export function yearsOf(figure: Figure): Set<string> {
  const years = new Set<string>();
  const period = /^(?:19|20)\d{2}/.exec(figure.period ?? '');
  if (period) years.add(period[0]);
  for (const s of figure.sources) for (const m of s.quote.matchAll(YEAR)) years.add(m[0]);
  return years;
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/** Newer first, for ISO-like dates and periods ("2026", "2026-Q1", "2026-02-14"); unknown ('') last. */
function newerFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Deals newest first: by month; then news before background, named investors first, bigger amounts first. */
function newerDealFirst(a: Deal, b: Deal): number {
  return newerFirst((a.date ?? '').slice(0, 7), (b.date ?? '').slice(0, 7)) || background(a) - background(b) || rank(b) - rank(a);
}

/** Background (money paid long ago, dated only by the article) after this month's news. */
function background(d: Deal): number {
  return d.status === 'historic' ? 1 : 0;
}

/** Named investors before unnamed ones, bigger amounts first. */
function rank(d: Deal): number {
  return (d.investor ? 1e15 : 0) + (d.amount?.value ?? 0) / 1e3;
}

/** Stands for a deal without an amount in the value buckets. */
const NO_AMOUNT = 'none';
/**
 * Width of a value bucket on a log scale: two values that `sameValue` finds equal (at most 2 % apart, same
 * sign) lie in the same or in adjacent buckets. A little wider than needed, against rounding.
 */
const BUCKET_WIDTH = -Math.log(1 - SAME_VALUE_TOLERANCE) * 1.001;

function valueBucket(value: number | null | typeof NO_AMOUNT): string {
  if (value === null || value === NO_AMOUNT || value === 0 || !Number.isFinite(value)) return String(value);
  return `${value < 0 ? '-' : '+'}${Math.floor(Math.log(Math.abs(value)) / BUCKET_WIDTH)}`;
}

/** The bucket of `value` and its two neighbours (only its own for null, zero and no amount). */
function nearBuckets(value: number | null | typeof NO_AMOUNT): string[] {
  const own = valueBucket(value);
  if (!/^[+-]/.test(own)) return [own];
  const sign = own[0]!;
  const n = Number(own.slice(1));
  return [own, `${sign}${n - 1}`, `${sign}${n + 1}`];
}

/** The fields `sameFigure` compares exactly. */
function figureKey(f: Figure): string {
  return `${owner(f)}|${f.metric}|${f.period}|${f.unit}|${f.qualifier}`;
}

/** Whose figure it is: a listed company by id, a market by the phrase that names it ("GenAI spending"). */
function owner(f: Figure): string {
  return f.entityId ?? `=${f.entity}`;
}

function sourceKey(s: { article: string; start: number }): string {
  return `${s.article}\u0000${s.start}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= SAME_VALUE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function sameAmount(a: Amount | null, b: Amount | null): boolean {
  if (!a || !b) return a === b;
  return sameValue(a.value, b.value) && sameValue(a.max, b.max) && (a.currency === b.currency || !a.currency || !b.currency);
}

/**
 * Same investor (or one side does not name one), same target, same amount, and both past or both still
 * open. An "additional" amount is never the same deal as a plain one.
 */
function sameDeal(a: Deal, b: Deal): boolean {
  const sameTarget = a.targetId && b.targetId ? a.targetId === b.targetId : a.target === b.target;
  const sameInvestor = a.investorIds.length === 0 || b.investorIds.length === 0 || a.investorIds.join() === b.investorIds.join();
  const past = (d: Deal) => d.status === 'historic';
  return sameTarget && sameInvestor && a.additional === b.additional && past(a) === past(b) && sameAmount(a.amount, b.amount);
}

function mergeDeal(into: Deal, from: Deal): void {
  if (into.investorIds.length === 0 && from.investorIds.length) {
    into.investorIds = from.investorIds;
    into.investorId = from.investorId;
    into.investor = from.investor;
    into.investors = from.investors;
    into.lead = from.lead;
  }
  if (into.kind === 'unknown') into.kind = from.kind;
  into.round ??= from.round;
  // An amount written as exact in one source and "about"/"up to" in another is, honestly, the hedged one.
  if (into.amount && from.amount && into.amount.qualifier === 'exact' && from.amount.qualifier !== 'exact') {
    into.amount = { ...into.amount, qualifier: from.amount.qualifier };
  }
  into.amount ??= from.amount;
  if (STATUS_CAUTION.indexOf(from.status) < STATUS_CAUTION.indexOf(into.status)) into.status = from.status;
  if (into.dateFrom !== 'text' && from.dateFrom === 'text') {
    into.date = from.date;
    into.dateFrom = 'text';
  }
  into.sources.push(...from.sources);
}

function sameFigure(a: Figure, b: Figure): boolean {
  return (
    owner(a) === owner(b) &&
    a.metric === b.metric &&
    a.period === b.period &&
    a.unit === b.unit &&
    a.qualifier === b.qualifier &&
    sameValue(a.value, b.value) &&
    sameValue(a.max, b.max)
  );
}
