/**
 * How facts are shown and compared, in one place for `/deal`, `/number`, `/check` and the digest: the money
 * formatter, the deal line and the figure line, the conflict rule, and the citations of a fact.
 */
import type { Article } from '../corpus/types.ts';
import { sameValue } from '../extract/fact-store.ts';
import type { Amount, Deal, DealKind, FactSource, Figure, Qualifier, Quantity } from '../extract/types.ts';
import { factId } from '../extract/fact-id.ts';
import type { AnswerItem, Citation, FactRef } from './model.ts';
import { cite } from './cite.ts';

// ---------------------------------------------------------------------------------------------
// Amounts

/** A currency printed as a symbol glued to the figure; any other code goes before it ("CHF 5"). */
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

const QUALIFIER_LABELS: Readonly<Record<Qualifier, string>> = {
  exact: '',
  range: '',
  up_to: 'up to ',
  about: 'about ',
  below: 'below ',
  more_than: 'more than ',
  at_least: 'at least ',
};

const FIGURE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const MONEY_SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** The figure (or "lower–upper") in the scale of the larger bound: 175e9..185e9 → "175–185B". */
function scaled(value: number, max: number | null, scales: ReadonlyArray<readonly [number, string]>): string {
  const [div, suffix] = scales.find(([d]) => (max ?? value) >= d) ?? [1, ''];
  const figure = FIGURE.format(value / div) + (max !== null ? `–${FIGURE.format(max / div)}` : '');
  return figure + suffix;
}

/** What `formatAmount` reads of an amount, a figure or a parsed quantity. */
export interface Printable {
  value: number | null;
  max: number | null;
  currency: string | null;
  unit: string;
  qualifier: Qualifier;
  kind: Quantity['kind'];
}

/**
 * An amount as analysts write it: "up to $50B", "about €1.2B", "$175–185B", "$8T", "24%",
 * "about 30,000 jobs", "CHF 5", "CAD 2B"; "billions (no figure)" when the text gave no value ("milliardenschwer").
 */
export function formatAmount(q: Printable): string {
  if (q.value === null) return 'billions (no figure)';
  const label = QUALIFIER_LABELS[q.qualifier];
  if (q.kind === 'percent') return `${label}${scaled(q.value, q.max, [])}%`;
  if (q.kind === 'count') return `${label}${scaled(q.value, q.max, MONEY_SCALES.slice(0, 3))} ${q.unit}`;
  const figure = scaled(q.value, q.max, MONEY_SCALES);
  if (!q.currency) return label + figure;
  const symbol = CURRENCY_SYMBOLS[q.currency];
  return label + (symbol ? symbol + figure : `${q.currency} ${figure}`);
}

/** A sum of money (a deal's amount, a claim's, a watch's threshold) as `formatAmount` prints it: "up to $50B". */
export function formatMoney(amount: Amount): string {
  return formatAmount({ ...amount, unit: amount.currency ?? '', kind: 'money' });
}

/** A figure's value: money (an ISO currency, or `money` when the text named none), a percentage or a count. */
export function formatFigure(f: Figure): string {
  const kind = f.unit === 'percent' ? 'percent' : /^[A-Z]{3}$|^money$/.test(f.unit) ? 'money' : 'count';
  return formatAmount({ value: f.value, max: f.max, currency: kind === 'money' && f.unit !== 'money' ? f.unit : null, unit: f.unit, qualifier: f.qualifier, kind });
}

/**
 * Rough US dollars per unit, to compare amounts in different currencies (the digest's biggest deals first, a
 * watch's threshold) and never shown: without them a ¥100 billion deal would outrank a $50 billion one.
 */
const USD_PER_UNIT: Readonly<Record<string, number>> = { USD: 1, EUR: 1.1, GBP: 1.27, CHF: 1.13, CAD: 0.73, AUD: 0.66, JPY: 0.0067, CNY: 0.14, INR: 0.012, SEK: 0.095 };

/** `value` in `currency` as rough US dollars; a currency without a rate (or none) counts as dollars. */
export function roughUsd(value: number, currency: string | null): number {
  return value * (USD_PER_UNIT[currency ?? 'USD'] ?? 1);
}

/** How big an amount is, for ordering biggest first: its upper bound in rough dollars (0 without a value). */
export function amountSize(amount: Pick<Amount, 'value' | 'max' | 'currency'> | null): number {
  if (!amount || amount.value === null) return 0;
  return roughUsd(amount.max ?? amount.value, amount.currency);
}

// ---------------------------------------------------------------------------------------------
// Lines and rows

/** How a deal's kind reads after its amount or beside its round; equity is what a deal is unless said otherwise. */
const KIND_LABELS: Readonly<Record<DealKind, string>> = {
  equity: '',
  unknown: '',
  debt: 'debt',
  secondary: 'secondary sale',
  acquisition: 'acquisition',
  commitment: 'commitment',
  grant: 'grant',
};

/**
 * A deal as analysts read it. A round (or a named lead) reads as the round: "Anysphere: Series B · led by
 * Sequoia Capital, with Andreessen Horowitz and Index Ventures · $120M"; other deals as "Amazon → OpenAI: up
 * to $50B", with a kind other than equity after the amount ("· debt"). "investors not named", "amount not
 * given" where the sources do not say.
 */
export function dealLine(d: Deal): string {
  const amount = `${d.additional ? 'a further ' : ''}${d.amount ? formatMoney(d.amount) : 'amount not given'}`;
  const kind = KIND_LABELS[d.kind];
  if (d.round || d.lead.length) {
    const round = d.round ? `${d.round}${kind ? ` (${kind})` : ''}` : kind;
    return `${d.target}: ${[round, roundInvestors(d), amount].filter(Boolean).join(' · ')}`;
  }
  return `${d.investor ?? 'investors not named'} → ${d.target}: ${amount}${kind ? ` · ${kind}` : ''}`;
}

/** "led by A, with B and C", "led by A", "from B and C", "investors not named". */
function roundInvestors(d: Deal): string {
  const others = investorsLeadFirst(d).slice(d.lead.length);
  if (d.lead.length) return `led by ${listed(d.lead)}${others.length ? `, with ${listed(others)}` : ''}`;
  return others.length ? `from ${listed(others)}` : 'investors not named';
}

/** "A", "A and B", "A, B and C". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Every investor named, the lead(s) first (whatever order the extractor kept). */
export function investorsLeadFirst(d: Deal): string[] {
  return [...d.lead, ...d.investors.filter((name) => !d.lead.includes(name))];
}

/** "Anthropic valuation: about $350B". */
export function figureLine(f: Figure): string {
  return `${f.subject}: ${formatFigure(f)}`;
}

/** Looks an article up by its id (the corpus's `get`). */
export type ArticleLookup = { get(id: string): Article | undefined };

/** When a deal happened, as a row shows it: "2026-01-30", "2026-01 (article date)", "date not given". */
export function dealWhen(d: Deal): string {
  return d.date ? `${d.date}${d.dateFrom === 'article' ? ' (article date)' : ''}` : 'date not given';
}

/** One deal as a row: `lead` before the line; status and date (with `context` before them); its sources cited, unless `citations` are given. */
export function dealItem(d: Deal, articles: ArticleLookup, options: { lead?: string; context?: string; citations?: Citation[] } = {}): AnswerItem {
  return {
    text: `${options.lead ?? ''}${dealLine(d)}`,
    detail: `${options.context ?? ''}${d.status} · ${dealWhen(d)}`,
    citations: options.citations ?? citeSources(d.sources, articles),
    fact: factRef(d),
  };
}

/** One figure as a row: `lead` before the line, an optional second line, its sources cited, unless `citations` are given. */
export function figureItem(f: Figure, articles: ArticleLookup, options: { lead?: string; detail?: string; citations?: Citation[] } = {}): AnswerItem {
  return {
    text: `${options.lead ?? ''}${figureLine(f)}`,
    ...(options.detail ? { detail: options.detail } : {}),
    citations: options.citations ?? citeSources(f.sources, articles),
    fact: factRef(f),
  };
}

/** The row's fact for feedback: its id and rule, and the articles of `sources` (a story's: every member's). */
export function factRef(fact: Deal | Figure, sources: readonly FactSource[] = fact.sources): FactRef {
  return { id: factId(fact), rule: fact.rule.id, articles: [...new Set(sources.map((s) => s.article))] };
}

// ---------------------------------------------------------------------------------------------
// Conflicts

/**
 * The conflict rule: figures contradict each other when they are about the same entity, metric, period
 * and unit, come from different articles, and their values differ by more than rounding (`sameValue`).
 * Returns groups of indexes into `figures`, each group in the order of `figures`.
 */
export function findConflicts(figures: readonly Figure[]): number[][] {
  const groups = new Map<string, number[]>();
  figures.forEach((figure, i) => {
    if (!figure.entityId) return;
    const key = [figure.entityId, figure.metric, figure.period ?? '', figure.unit].join('|');
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const conflicts: number[][] = [];
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const articles = new Set(indexes.flatMap((i) => figures[i]!.sources.map((s) => s.article)));
    const values = indexes.map((i) => figures[i]!);
    const differ = values.some((f) => !sameValue(f.value, values[0]!.value) || !sameValue(f.max, values[0]!.max));
    if (articles.size > 1 && differ) conflicts.push(indexes);
  }
  return conflicts;
}

/** "Sources differ on Amazon investment (capex) 2026: up to $125B (wallstreet-online) vs. about $200B (watson.ch)". */
export function conflictLine(figures: readonly Figure[], articles: ArticleLookup): string {
  const outlets = (f: Figure) => [...new Set(f.sources.map((s) => articles.get(s.article)?.outlet ?? 'outlet unknown'))].join(', ');
  return `Sources differ on ${figures[0]!.subject}: ${figures.map((f) => `${formatFigure(f)} (${outlets(f)})`).join(' vs. ')}`;
}

// ---------------------------------------------------------------------------------------------
// Citations

/** One citation per article (the first sentence that states the fact), the figure in bold. */
export function citeSources(sources: readonly FactSource[], articles: ArticleLookup): Citation[] {
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const source of sources) {
    if (seen.has(source.article)) continue;
    seen.add(source.article);
    const article = articles.get(source.article);
    if (article) citations.push(cite(article, source.quote, [source.highlight]));
  }
  return citations;
}

// ---------------------------------------------------------------------------------------------
// JSON

/** An amount in the JSON contracts: value, max, currency, qualifier (no parser offsets). */
export function amountJson(amount: Amount | null) {
  return amount ? { value: amount.value, max: amount.max, currency: amount.currency, qualifier: amount.qualifier } : null;
}

/**
 * The keys a figure has in every figure row of the contracts (`figureFields`: `/number`, `/facts`, the
 * digest) but its metric, which each contract names its own way: subject, period, value, max, unit, qualifier.
 */
export function figureJson(f: Figure) {
  return { subject: f.subject, period: f.period, value: f.value, max: f.max, unit: f.unit, qualifier: f.qualifier };
}

/**
 * The keys a deal has in every deal row of the contracts (`/deal`, `/facts`): `investors` the lead(s) first,
 * `lead`, and `investor` the lead or else the first investor named (null when none is named).
 */
export function dealJson(d: Deal) {
  return {
    investors: investorsLeadFirst(d),
    lead: [...d.lead],
    investor: investorsLeadFirst(d)[0] ?? d.investor,
    target: d.target,
    amount: amountJson(d.amount),
    kind: d.kind,
    round: d.round,
    status: d.status,
    date: d.date,
    date_from: d.dateFrom,
    additional: d.additional,
  };
}

/** The JSON form of a citation in the `/deal` and `/number` contracts. */
export function citationJson(citation: Citation) {
  return { article: citation.article, outlet: citation.outlet, date: citation.date, title: citation.title, url: citation.url, quote: citation.quote };
}
