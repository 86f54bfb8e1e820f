/**
 * Reads deals and figures out of one article, sentence by sentence (and row by row for Markdown tables).
 *
 * For every money amount, percentage or count the money parser finds, the words around it decide what it
 * is: a valuation (always a figure of the company), a deal's amount (money going from an investor into a
 * target), or another figure (revenue, profit, capex, job cuts …). Who is who comes from entity mentions
 * and the prepositions before them; a sentence that names nobody ("the company", "der Konzern") refers
 * to the company last named in the paragraph. Every fact keeps the sentence it came from.
 */
import type { Article, Passage, Sentence } from '../corpus/types.ts';
import { fold } from '../search/analyzer.ts';
import {
  COMPANY_ANAPHORA,
  COMPANY_METRICS,
  COMPANY_NOUN,
  DEAL_CUES,
  INVESTOR_PREPOSITIONS,
  IPO_WORDS,
  METRIC_CUES,
  METRIC_LABELS,
  RECEIVE_CUES,
  REPORTING_METRICS,
  STATUS_CUES,
  TARGET_PREPOSITIONS,
} from './cues.ts';
import { findDates, type DateMention } from './dates.ts';
import type { Entity, EntityCatalog, EntityMention } from './entities.ts';
import { parseQuantities } from './money.ts';
import { findUnknownCompanies } from './unknown-names.ts';
import type { Deal, DealStatus, FactSource, Facts, Figure, Lang, Quantity } from './types.ts';

/** Money, percent and count metrics a cue may assign; growth and shares only describe percentages. */
const PERCENT_METRICS = new Set(['growth', 'share_price', 'market_share']);
const COUNT_METRICS = new Set(['job_cuts', 'jobs']);
/** Capex words: money a company spends on itself, never a deal unless a target is named. */
const CAPEX_WORDS = new Set(['investitionen', 'kapitalinvestitionen', 'investitionsausgaben', 'ausgaben', 'capex', 'spending', 'stecken', 'investieren']);
const VALUATION_AFTER = /^\s*(?:(?:pre|post)-money\s+)?(?:valuation|bewertung)\b/;
const SHARE_PRICE_WORDS = METRIC_CUES.find((c) => c.metric === 'share_price')!.words;
const FUND_NOUN = /\b(?:fonds|\w*vehikels?|fund|vehicle)\b/i;

interface Word {
  folded: string;
  start: number;
  end: number;
}

/** One sentence prepared for extraction. */
interface SentenceView {
  sentence: Sentence;
  text: string;
  words: Word[];
  mentions: EntityMention[];
  quantities: Quantity[];
  dates: DateMention[];
  /** Clause boundaries: [start, end) ranges that never cut through a quantity. */
  clauses: [number, number][];
}

interface ArticleState {
  article: Article;
  catalog: EntityCatalog;
  /** The company the article is mostly about: the fallback for "the company". */
  mainEntity: EntityMention | null;
  /**
   * Targets of the deals read so far: "SoftBank is in talks about a further 30 billion" continues the deal
   * the article is about, the target named most often (the latest on a tie).
   */
  targets: EntityMention[];
}

export function extractFacts(article: Article, catalog: EntityCatalog): Facts {
  const deals: Deal[] = [];
  const figures: Figure[] = [];
  // Entity mentions of every sentence, found once: for the article's main entity and for the sentence views.
  const mentions = article.passages.map((passage) =>
    passage.sentences.map((sentence) => withUnknownCompanies(sentence.text, catalog.find(sentence.text))),
  );
  const state: ArticleState = { article, catalog, mainEntity: mainEntity(mentions), targets: [] };
  // The company last named: "the company" / "der Konzern" in a later sentence or paragraph refers to it.
  let subject: EntityMention | null = null;
  let focus: EntityMention | null = null;
  article.passages.forEach((passage, p) => {
    if (passage.tableHeader) {
      deals.push(...tableDeals(passage, state));
      return;
    }
    let previousFigure: Figure | null = null;
    const views = passage.sentences.map((sentence, s) => view(sentence, article, mentions[p]![s]!));
    views.forEach((v, i) => {
      // The company that receives money in this sentence: "… raised $120M and was valued at $1B" values it.
      let receiver: Entity | null = null;
      for (const quantity of v.quantities) {
        const deal = dealFor(quantity, v, views[i + 1] ?? null, subject, state);
        if (deal) deals.push(deal);
        const target = deal?.targetId ? (v.mentions.find((m) => m.canonical.id === deal.targetId)?.canonical ?? state.catalog.get(deal.targetId) ?? null) : null;
        receiver = target ?? receiver;
        if (deal && deal.amount && !isRoundOrFunding(quantity, v)) continue;
        // A round's total is also a figure of the company raising it.
        const figure = figureFor(quantity, v, focus, previousFigure, state, target, receiver);
        if (figure) {
          figures.push(figure);
          previousFigure = figure;
        }
      }
      subject = v.mentions[0] ?? subject;
      // After "X invests in Y", a figure of "the company" in the next sentence is most often Y's.
      focus = (receiver && v.mentions.find((m) => m.canonical.id === receiver!.id)) || subject;
    });
  });
  return { deals, figures };
}

function withUnknownCompanies(text: string, known: EntityMention[]): EntityMention[] {
  const unknown = findUnknownCompanies(text, known);
  return unknown.length ? [...known, ...unknown].sort((a, b) => a.start - b.start) : known;
}

/** Mentions that can take part in a deal: countries (as in "U.S. investors", "in Texas") cannot. */
function parties(mentions: EntityMention[]): EntityMention[] {
  return mentions.filter((m) => m.entity.kind !== 'country');
}

/**
 * The view of one sentence. Quantities and mentions are needed for every sentence; words, dates and clauses
 * only for sentences with a quantity (most have none), so they are computed on first use.
 */
function view(sentence: Sentence, article: Article, mentions: EntityMention[]): SentenceView {
  return new LazyView(sentence, article, mentions);
}

class LazyView implements SentenceView {
  readonly text: string;
  readonly quantities: Quantity[];
  private cachedWords: Word[] | undefined;
  private cachedDates: DateMention[] | undefined;
  private cachedClauses: [number, number][] | undefined;

  constructor(
    readonly sentence: Sentence,
    private readonly article: Article,
    readonly mentions: EntityMention[],
  ) {
    this.text = sentence.text;
    this.quantities = parseQuantities(this.text, article.lang);
  }

  get words(): Word[] {
    return (this.cachedWords ??= [...this.text.matchAll(/[\p{L}\p{N}'’]+/gu)].map((m) => ({
      folded: fold(m[0]).replace(/['’]s?$/, ''),
      start: m.index,
      end: m.index + m[0].length,
    })));
  }

  get dates(): DateMention[] {
    return (this.cachedDates ??= findDates(this.text, this.article.date));
  }

  get clauses(): [number, number][] {
    return (this.cachedClauses ??= clauses(this.text, this.quantities));
  }
}

/** Splits at commas, semicolons, colons, dashes and "und/and/sowie", but never inside a quantity. */
function clauses(text: string, quantities: Quantity[]): [number, number][] {
  const cuts = [0];
  for (const match of text.matchAll(/,\s|;\s|:\s|\s[–—]\s|—|\s(?:und|and|sowie|while|während)\s/g)) {
    if (!quantities.some((q) => match.index >= q.start && match.index < q.end)) cuts.push(match.index);
  }
  cuts.push(text.length);
  return cuts.slice(0, -1).map((start, i) => [start, cuts[i + 1]!]);
}

function clauseOf(v: SentenceView, position: number): [number, number] {
  return v.clauses.find(([s, e]) => position >= s && position < e) ?? [0, v.text.length];
}

function wordsIn(v: SentenceView, [start, end]: [number, number]): Word[] {
  return v.words.filter((w) => w.start >= start && w.end <= end);
}

function hasWord(words: Word[], list: readonly string[]): boolean {
  return words.some((w) => list.includes(w.folded));
}

/** Like `hasWord`, but long cues also match inflected forms (`potenziell` → `potenzielle`). */
function hasCue(words: Word[], cues: readonly string[]): boolean {
  return words.some((w) => cues.some((cue) => w.folded === cue || (cue.length >= 6 && w.folded.startsWith(cue))));
}

// ── Deals ────────────────────────────────────────────────────────────────────────────────────────────

function dealFor(
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
    investor = investorAfter(quantity, v, recipient);
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
  return {
    investorId: investor?.canonical.id ?? null,
    investorIds: investor ? [investor.canonical.id] : [],
    investor: investor?.canonical.name ?? null,
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

function nearest<T extends { start: number; end: number }>(items: T[], quantity: Quantity): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const item of items) {
    const distance = item.end <= quantity.start ? quantity.start - item.end : Math.max(0, item.start - quantity.end);
    if (distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** Markdown table rows: columns found by their header names; a row whose investor cell is empty stays without investor. */
function tableDeals(passage: Passage, state: ArticleState): Deal[] {
  const header = passage.tableHeader!.map((h) => fold(h));
  const column = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
  const dateCol = column(/datum|date|jahr|year|wann|when/);
  const targetCol = column(/unternehmen|company|target|startup|empfanger|firma/);
  const investorCol = column(/investor|geldgeber|backer|lead/);
  const amountCol = column(/summe|betrag|amount|hohe|volume|volumen|usd|eur/);
  const headerCurrency = /\b(usd|eur|chf|gbp)\b/.exec(header[amountCol] ?? '')?.[1]?.toUpperCase() ?? null;
  if (targetCol < 0 || amountCol < 0) return [];
  const deals: Deal[] = [];
  for (const row of passage.sentences) {
    const cells = row.text.slice(1, -1).split('|').map((c) => c.trim());
    // A row may be shifted left where a cell is missing: take the amount from whichever cell holds money.
    const amountCell = [amountCol, investorCol, ...cells.keys()].find((i) => i >= 0 && parseMoney(cells[i] ?? '', state).length);
    if (amountCell === undefined) continue;
    const quantity = parseMoney(cells[amountCell]!, state)[0]!;
    const targets = state.catalog.find(cells[targetCol] ?? '');
    const investors = amountCell === investorCol ? [] : state.catalog.find(cells[investorCol] ?? '');
    const dateText = cells[dateCol] ?? '';
    const date = findDates(dateText, state.article.date).find((d) => d.role === 'at') ?? null;
    const expected = /voraussichtlich|erwartet|geplant|expected|planned|rumou?red/i.test(dateText);
    const past = date && state.article.date && date.value < state.article.date.slice(0, date.value.length);
    const offset = row.text.indexOf(cells[amountCell]!);
    deals.push({
      investorId: investors.length === 1 ? investors[0]!.canonical.id : null,
      investorIds: investors.map((m) => m.canonical.id),
      investor: investors.length ? investors.map((m) => m.canonical.name).join('/') : null,
      targetId: targets[0]?.canonical.id ?? null,
      target: targets[0]?.canonical.name ?? cells[targetCol] ?? '',
      amount: { value: quantity.value, max: quantity.max, currency: quantity.currency ?? headerCurrency, qualifier: quantity.qualifier },
      additional: quantity.additional,
      status: expected ? 'talks' : past ? 'historic' : 'announced',
      date: date?.value ?? state.article.date,
      dateFrom: date ? 'text' : state.article.date ? 'article' : null,
      sources: [{ ...source(state.article, row, quantity), highlight: [offset + quantity.start, offset + quantity.end] }],
    });
  }
  return deals;
}

function parseMoney(cell: string, state: ArticleState): Quantity[] {
  return parseQuantities(cell, state.article.lang).filter((q) => q.kind === 'money' && q.value !== null);
}

// ── Figures ──────────────────────────────────────────────────────────────────────────────────────────

function figureFor(
  quantity: Quantity,
  v: SentenceView,
  subject: EntityMention | null,
  previous: Figure | null,
  state: ArticleState,
  about: Entity | null = null,
  receiver: Entity | null = null,
): Figure | null {
  if (quantity.value === null) return null;
  const clause = clauseOf(v, quantity.start);
  let metric = nearestMetric(quantity, v, clause) ?? nearestMetric(quantity, v, [0, v.text.length]);
  let period = periodFor(quantity, v, clause);
  if (!metric) {
    // "Meta plant mit 115 bis 135 Milliarden Dollar." continues the figure before it in the paragraph.
    if (quantity.kind === 'count') metric = 'count';
    else if (quantity.kind === 'percent') metric = 'market_share';
    else if (!previous || previous.metric === 'valuation' || previous.metric === 'ipo_valuation') return null;
    else {
      metric = previous.metric;
      period ??= previous.period;
    }
  }
  metric ??= 'count';
  if (quantity.kind === 'percent' && hasCue(wordsIn(v, clause), SHARE_PRICE_WORDS)) metric = 'share_price';
  if (quantity.kind === 'percent' && metric === 'growth') {
    const base = nearestMetric(quantity, v, clause, (m) => !PERCENT_METRICS.has(m) && !COUNT_METRICS.has(m));
    if (base) metric = `${base}_growth`;
  }
  if (metric === 'valuation' && hasCue(v.words, IPO_WORDS)) metric = 'ipo_valuation';
  if (REPORTING_METRICS.has(metric) && previous && REPORTING_METRICS.has(previous.metric)) period ??= previous.period;
  const valuation = metric === 'valuation' || metric === 'ipo_valuation';
  const entity = about ?? (valuation ? receiver : null) ?? entityFor(quantity, v, clause, metric, subject, state)?.entity ?? null;
  const name = entity?.name ?? null;
  return {
    entityId: entity?.id ?? null,
    entity: name ?? '',
    metric,
    period,
    subject: [name, metricLabel(metric, quantity), period].filter(Boolean).join(' '),
    value: quantity.value,
    max: quantity.max,
    unit: quantity.kind === 'money' ? (quantity.currency ?? 'money') : quantity.unit,
    qualifier: quantity.qualifier,
    sources: [source(state.article, v.sentence, quantity)],
  };
}

function metricLabel(metric: string, quantity: Quantity): string {
  if (metric === 'count') return quantity.unit;
  if (metric.endsWith('_growth')) return `${METRIC_LABELS[metric.slice(0, -'_growth'.length)]} growth`;
  return METRIC_LABELS[metric] ?? metric;
}

function isRoundOrFunding(quantity: Quantity, v: SentenceView): boolean {
  const metric = nearestMetric(quantity, v, clauseOf(v, quantity.start));
  return metric === 'funding_round' || metric === 'funding';
}

/** Who a figure is about: named in the clause, else the sentence, else (for company books) the paragraph's company. */
function entityFor(
  quantity: Quantity,
  v: SentenceView,
  clause: [number, number],
  metric: string,
  subject: EntityMention | null,
  state: ArticleState,
): EntityMention | null {
  const companyFigure = COMPANY_METRICS.has(metric.replace(/_growth$/, '')) || COMPANY_ANAPHORA.test(v.text);
  // A company's books are never a country's: "Läden … in den USA brachte eine Belastung" is Amazon's charge.
  // Funds and people invest; what gets valued is the company ("led by Spark Capital, valuing the startup at …").
  const valued = metric === 'valuation' || metric === 'ipo_valuation';
  const mentions = (companyFigure ? parties(v.mentions) : v.mentions).filter(
    (m) => !valued || (m.entity.kind !== 'fund' && m.entity.kind !== 'person'),
  );
  const inClause = mentions.filter((m) => m.start >= clause[0] && m.end <= clause[1]);
  const before = inClause.filter((m) => m.end <= quantity.start).at(-1);
  if (before) return before;
  if (companyFigure) {
    return inClause[0] ?? mentions.filter((m) => m.end <= quantity.start).at(-1) ?? mentions[0] ?? subject ?? state.mainEntity;
  }
  // Other figures (shares, growth, jobs) are only attributed when nobody else is named in the sentence.
  return v.mentions.length ? null : subject;
}

/** The metric cue nearest to the quantity in its clause, among the metrics that fit its kind. */
function nearestMetric(
  quantity: Quantity,
  v: SentenceView,
  clause: [number, number],
  accept: (metric: string) => boolean = (m) => fitsKind(m, quantity),
): string | null {
  const lower = v.text.toLowerCase();
  // "$183 billion post-money valuation", "at a $40 billion valuation": a valuation named right after the
  // amount decides, however close a "round" or "investment" stands before it.
  if (accept('valuation') && VALUATION_AFTER.test(lower.slice(quantity.end, clause[1]))) return 'valuation';
  // Nearest cue wins; on a tie (one word matching several cues) the longer, more specific cue.
  let best: { metric: string; distance: number; length: number } | null = null;
  const consider = (metric: string, cue: string, start: number, end: number) => {
    const distance = end <= quantity.start ? quantity.start - end : start - quantity.end;
    if (!best || distance < best.distance || (distance === best.distance && cue.length > best.length)) {
      best = { metric, distance, length: cue.length };
    }
  };
  for (const { metric, words } of METRIC_CUES) {
    if (!accept(metric)) continue;
    // Cues of several words ("run-rate", "net income", "market share") are found in the text itself.
    for (const cue of words) {
      if (!/[\s-]/.test(cue)) continue;
      for (let at = lower.indexOf(cue, clause[0]); at >= 0 && at + cue.length <= clause[1]; at = lower.indexOf(cue, at + 1)) {
        if (at + cue.length <= quantity.start || at >= quantity.end) consider(metric, cue, at, at + cue.length);
      }
    }
    for (const word of wordsIn(v, clause)) {
      if (word.start >= quantity.start && word.end <= quantity.end) continue;
      const cue = words.filter((c) => cueMatches(word.folded, c)).sort((a, b) => b.length - a.length)[0];
      if (cue) consider(metric, cue, word.start, word.end);
    }
  }
  return (best as { metric: string } | null)?.metric ?? null;
}

function fitsKind(metric: string, quantity: Quantity): boolean {
  if (quantity.kind === 'percent') return PERCENT_METRICS.has(metric);
  if (quantity.kind === 'count') return COUNT_METRICS.has(metric);
  return !PERCENT_METRICS.has(metric) && !COUNT_METRICS.has(metric);
}

/** A cue matches a word exactly, as its prefix (`umsatzes`), or as the head of a German compound (`konzernumsatz`). */
function cueMatches(word: string, cue: string): boolean {
  if (word === cue) return true;
  if (cue.length < 5) return false;
  return word.startsWith(cue) || word.endsWith(cue);
}

function multiWordCue(clauseText: string, cues: readonly string[]): boolean {
  const folded = fold(clauseText);
  return cues.some((cue) => cue.includes(' ') && folded.includes(cue));
}

function periodFor(quantity: Quantity, v: SentenceView, clause: [number, number]): string | null {
  const usable = v.dates.filter((d) => d.role !== 'since');
  const inClause = usable.filter((d) => d.start >= clause[0] && d.end <= clause[1]);
  // "Meta will 2026 … investieren, Microsoft rund 80 Milliarden": a lone date in an earlier clause covers the
  // later ones (not the other way round: "… bewertet, nachdem es im Oktober …" dates only its own clause).
  const earlier = usable.length === 1 && usable[0]!.end <= clause[0] ? usable[0]! : null;
  return (nearest(inClause, quantity) ?? earlier)?.value ?? null;
}

// ── Shared ───────────────────────────────────────────────────────────────────────────────────────────

function source(article: Article, sentence: Sentence, quantity: Quantity): FactSource {
  return {
    article: article.id,
    quote: sentence.text,
    start: sentence.start,
    end: sentence.end,
    highlight: [quantity.start, quantity.end],
  };
}

/** The company named most often in the article (companies, labs and projects; not people or funds). */
function mainEntity(mentionsByPassage: EntityMention[][][]): EntityMention | null {
  const counts = new Map<string, { mention: EntityMention; count: number }>();
  for (const passage of mentionsByPassage) {
    for (const sentence of passage) {
      for (const mention of sentence) {
        if (mention.entity.kind === 'person' || mention.entity.kind === 'fund') continue;
        const entry = counts.get(mention.canonical.id) ?? { mention, count: 0 };
        entry.count++;
        counts.set(mention.canonical.id, entry);
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.mention ?? null;
}
