/**
 * Figures: what a number is about (the metric cue nearest to it), whom (named in the clause, else the
 * sentence, else the company the text is about), and when (a date in its clause).
 */
import {
  COMPANY_ANAPHORA,
  COMPANY_METRICS,
  COMPANY_REFERENCE,
  IPO_WORDS,
  METRIC_CUES,
  METRIC_LABELS,
  REPORTING_METRICS,
} from './cues.ts';
import type { Entity, EntityMention } from './entities.ts';
import type { Figure, Quantity } from './types.ts';
import { marketMetric, marketOf } from './market-figures.ts';
import { unknownEntity } from './unknown-names.ts';
import { coInvestors, companyLike, dealFocus, governed, inList, possessive } from './clause-roles.ts';
import {
  clauseOf,
  GENERIC_BACKERS,
  isConversion,
  isRunningTotal,
  hasCue,
  nearest,
  parties,
  source,
  textAfterAmount,
  wordsIn,
  type ArticleState,
  type SentenceView,
} from './reading.ts';

/** Money, percent and count metrics a cue may assign; growth and shares only describe percentages. */
/** Words before an earlier value given for comparison: "up from", "down from", "compared with", "nach zuvor". */
const COMPARISON_BASE = /\b(?:up from|down from|compared (?:with|to)|versus|from a year earlier of|nach zuvor|von zuvor|gegenüber)\s+(?:about\s+|around\s+|roughly\s+|rund\s+|etwa\s+|knapp\s+)?$/iu;
const PERCENT_METRICS = new Set(['growth', 'share_price', 'market_share', 'stake', 'revenue_share']);
/** "… of CoreWeave's revenue", "… des Umsatzes von Nvidia", "… of its sales": after a percentage, a share of revenue. */
const OF_REVENUE = /^\s*(?:of|des|der)\s+(?:[\p{L}.:'’-]+\s+){0,3}?(?:revenues?|sales|umsatz\p{L}*|erlöse\p{L}*)\b(?:\s+(?:von|of)\s+[\p{Lu}][\p{L}.:-]*)?/iu;
const COUNT_METRICS = new Set(['job_cuts', 'jobs']);
const FORECAST = /\b(?:analysts?|consensus|wall street|analysten|konsens)\b/iu;
const DEAL_WORTH = /\b(?:contract|deal|agreement|order|package|commitment|shares|stake|transaction|acquisition|takeover|vertrag|auftrag|deal|paket|vereinbarung|anteile|aktien|beteiligung|transaktion|übernahme)\p{L}*\s+(?:\S+\s+){0,5}(?:im\s+)?$/u;
const VALUATION_AFTER = /^\s*(?:(?:pre|post)-money\s+)?(?:valuation|bewertung)\b/;
/** An amount followed by "at a valuation of", "bei einer Bewertung von": the round, not the valuation. */
const ROUND_BEFORE_VALUATION = /^\s*(?:at|bei|zu|mit)\s+(?:a|an|einer)\s+(?:[\p{L}-]+\s+)?(?:valuation|bewertung)\s+(?:of|von)\b/u;
/** "put the company's valuation in that round at between $191 million and …": the valuation the amount is given for. */
const VALUATION_AT = /\b(?:valuation|bewertung)\b[^$€£\d.;:,]{0,40}\s(?:at|of|auf|von)\s+(?:between\s+|zwischen\s+|about\s+|around\s+|roughly\s+|nearly\s+|rund\s+|etwa\s+|knapp\s+)?$/;
const SHARE_PRICE_WORDS = METRIC_CUES.find((c) => c.metric === 'share_price')!.words;
const VALUATION_WORDS = METRIC_CUES.find((c) => c.metric === 'valuation')!.words;

// ── Figures ──────────────────────────────────────────────────────────────────────────────────────────

export function figureFor(
  counted: Quantity,
  v: SentenceView,
  subject: EntityMention | null,
  previous: Figure | null,
  state: ArticleState,
  about: Entity | null = null,
  receiver: Entity | null = null,
): Figure | null {
  if (counted.value === null || isConversion(counted, v)) return null;
  // "… had surpassed $5 billion, up from about $1 billion at the start of the year": the earlier value is
  // given for comparison only, without the date it held on.
  if (COMPARISON_BASE.test(v.text.slice(Math.max(0, counted.start - 30), counted.start))) return null;
  // "Über 1.000 Unternehmen setzen die Plattform ein", "more than 1,000 companies use it": its customers.
  const quantity = counted.kind === 'count' && CLIENT_UNITS.has(counted.unit) && USING.test(v.text.slice(...clauseOf(v, counted.start))) ? { ...counted, unit: 'customers' } : counted;
  const clause = clauseOf(v, quantity.start);
  // "$40 per share", "88 Dollar je Aktie": a price, whatever else the sentence speaks of.
  const perShare = quantity.kind === 'money' && PER_SHARE.test(textAfterAmount(quantity, v));
  // "15% of CoreWeave's revenue comes from Nvidia": a share of a company's revenue, the company's figure.
  const ofRevenue = quantity.kind === 'percent' ? OF_REVENUE.exec(textAfterAmount(quantity, v)) : null;
  // "IDC expects GenAI spending to hit $202 billion": a market's figure, named by the market's phrase.
  const market = marketOf(quantity, v, state.article.lang);
  if (market === null) return null;
  if (market) {
    const metric = marketMetric(quantity, v, nearestMetric(quantity, v, clause) === 'growth');
    return metric ? figureRecord(quantity, v, clause, state, null, market.name, metric, periodFor(quantity, v, clause), `"${market.name}" is the market the clause speaks of`) : null;
  }
  let metric = perShare ? 'price' : ofRevenue ? 'revenue_share' : (nearestMetric(quantity, v, clause) ?? nearestMetric(quantity, v, [0, v.text.length]));
  let period = periodFor(quantity, v, clause);
  if (!metric) {
    // "Meta plant mit 115 bis 135 Milliarden Dollar." continues the figure before it in the paragraph.
    if (quantity.kind === 'count') metric = 'count';
    // "Die USA? Nur 12 %." continues the share named before it; a percentage of nothing named is none.
    else if (quantity.kind === 'percent') {
      if (!previous || !PERCENT_METRICS.has(previous.metric)) return null;
      metric = previous.metric;
    }
    else if (!previous || previous.metric === 'valuation' || previous.metric === 'ipo_valuation' || previous.unit === 'percent') return null;
    else {
      metric = previous.metric;
      period ??= previous.period;
    }
  }
  metric ??= 'count';
  // "Nvidia shares fell 3%" moves a share price; "staff can sell stock at a $5 billion valuation, a rise of 60%" a valuation.
  if (quantity.kind === 'percent' && hasCue(wordsIn(v, clause), SHARE_PRICE_WORDS) && !hasCue(wordsIn(v, clause), VALUATION_WORDS)) metric = 'share_price';
  if (quantity.kind === 'percent' && metric === 'growth') {
    const base = nearestMetric(quantity, v, clause, (m) => !PERCENT_METRICS.has(m) && !COUNT_METRICS.has(m));
    if (base) metric = `${base}_growth`;
  }
  if (metric === 'valuation' && hasCue(v.words, IPO_WORDS)) metric = 'ipo_valuation';
  if (REPORTING_METRICS.has(metric) && previous && REPORTING_METRICS.has(previous.metric)) period ??= previous.period;
  const valuation = metric === 'valuation' || metric === 'ipo_valuation';
  // Money raised is a deal's amount; as a figure only as the round of a deal read here, or as a running total.
  if (metric === 'funding' || metric === 'funding_round') {
    if (isRunningTotal(v, clause)) metric = 'funding_total';
    else if (!about) return null;
  }
  // What analysts expect is no company's reported figure; hires "every year" are a rate, not a headcount.
  // (Also in a relative clause about it: "… the analyst consensus estimate, which stood at $2.63 per share".)
  const relativeTo = /^[,\s]*(?:which|that|die|der|das)\b/iu.test(v.text.slice(clause[0], clause[1])) ? Math.max(0, clause[0] - 60) : clause[0];
  if (FORECAST.test(v.text.slice(relativeTo, clause[1])) && !valuation) return null;
  if (quantity.kind === 'count' && PER_YEAR.test(v.text)) return null;
  // "Its investors … put $414 million into the company": everything its backers put in, the company's total.
  if (metric === 'investment' && GENERIC_BACKERS.test(v.text)) metric = 'funding_total';
  // A piece of a deal is the company's named before it ("Run AI is being bought for $620 million, with another
  // $100 million set aside …", "OpenAI … short of an annual payment obligation of $60bn"), else the deal's
  // company ("The largest piece, $620 million, bought Microsoft a licence …"); without a deal, nobody's.
  const partOf = metric === 'deal_part' ? (dealPartOwner(quantity, v, state) ?? null) : undefined;
  if (partOf === null) return null;
  const revenueOwner = ofRevenue ? parties(v.mentions).find((m) => m.start >= quantity.end && m.end <= quantity.end + ofRevenue[0].length + 2 && companyLike(m))?.canonical : undefined;
  // "Microsoft and Nvidia have agreed to invest up to $5 billion and $10 billion respectively": each its own.
  const respective = about ? undefined : respectiveOwner(quantity, v);
  // "added more than $100bn to the fortune of chairman Larry Ellison": whose fortune the sentence names.
  const rich = metric === 'wealth' ? wealthOwner(quantity, v) : undefined;
  if (rich && ADDED_TO.test(v.text.slice(Math.max(0, quantity.start - 40), quantity.start))) metric = 'wealth_growth';
  const named = about ?? respective ?? partOf ?? revenueOwner ?? rich ?? (valuation ? receiver : null) ?? entityFor(quantity, v, clause, metric, subject, state)?.entity ?? null;
  // "bezifferte CEO Sam Altman die Investitionen auf …": a person speaks for the company they lead.
  const person = named?.kind === 'person' && named.affiliation && COMPANY_METRICS.has(metric) ? state.catalog.get(named.affiliation) : undefined;
  const entity = person ?? (metric === 'funding_total' && GENERIC_BACKERS.test(v.text) ? (subject?.entity ?? state.mainEntity?.entity ?? null) : named);
  // Market statistics ("Nach Daten von Pitchbook wuchsen die Investitionen um 76 Prozent", "IDC expects GenAI
  // spending to hit $202 billion") belong to a market, not to a company the sentence does not name as owner.
  // (A name the figure is only "according to" is its source, not its owner; "the company's valuation" names one.)
  const owns = (m: EntityMention) => !FORECASTER.test(v.text.slice(m.end, m.end + 30)) && !SOURCE_BEFORE.test(v.text.slice(Math.max(0, m.start - 30), m.start));
  const ownerReferred = COMPANY_REFERENCE.test(v.text.slice(clause[0], quantity.start));
  if (entity && MARKET_STATISTIC.test(v.text) && !ownerReferred && !v.mentions.some((m) => m.canonical.id === entity.id && owns(m))) return null;
  // A sum of no one is only worth keeping as a forecast of a market or of wealth with its year ("bis 2045").
  if (!entity && !period) return null;
  // "Bei allen drei Konzernen wuchs der Umsatz zwischen 16 und 26 Prozent": a figure of several companies
  // together belongs to none of them alone (unless the clause names its own).
  if (GROUP_OWNER.test(v.text.slice(...clause)) && !v.mentions.some((m) => m.start >= clause[0] && m.end <= clause[1])) return null;
  // Spending plans are a company's own: a fund, a bank, a person or a state investing is a deal or nothing.
  if ((metric === 'investment' || metric === 'facility') && entity && entity.kind !== 'company' && entity.kind !== 'lab') return null;
  // A figure of no one, money of no currency ("four million homes"), or a count of things nobody looks up
  // (start-ups, countries) is no fact a reader can use.
  if ((!entity && (quantity.kind !== 'money' || COMPANY_METRICS.has(metric))) || (quantity.kind === 'money' && !quantity.currency && !state.claim)) return null;
  if (quantity.kind === 'count' && metric === 'count' && !LOOKED_UP_COUNTS.has(quantity.unit)) return null;
  return figureRecord(quantity, v, clause, state, entity, entity?.name ?? null, metric, period, `the cue for ${metric} nearest to the number; ${entity ? `${entity.name} owns it` : 'no company named'}`);
}

/** The figure read: `entity` when a listed or found company owns it, `name` for whatever owns it (also a market). */
function figureRecord(
  quantity: Quantity,
  v: SentenceView,
  clause: [number, number],
  state: ArticleState,
  entity: Entity | null,
  name: string | null,
  metric: string,
  period: string | null,
  reason: string,
): Figure {
  const valuation = metric === 'valuation' || metric === 'ipo_valuation';
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
    conditional: CONDITIONAL.test(v.text.slice(...clause)),
    basis: valuation ? basisOf(v.text.slice(Math.max(clause[0], quantity.start - 40), Math.min(clause[1], quantity.end + 40))) : null,
    rule: { id: `figure.${metric}`, reason },
    sources: [source(state.article, v.sentence, quantity)],
  };
}

/**
 * In a sentence that says "respectively" ("A and B … $5 billion and $10 billion respectively"), the company
 * of the same rank as the amount; undefined when the names and the amounts do not pair up one to one (the
 * usual rules decide then), or in any other sentence.
 */
function respectiveOwner(quantity: Quantity, v: SentenceView): Entity | undefined {
  if (!/\b(?:respectively|beziehungsweise|respektive)\b/iu.test(v.text)) return undefined;
  const amounts = v.quantities.filter((q) => q.kind === quantity.kind && q.value !== null && !isConversion(q, v));
  const named = parties(v.mentions).filter((m) => m.end <= amounts[0]!.start && companyLike(m));
  const last = named.at(-1);
  const group = last ? coInvestors(v, last) : [];
  return group.length === amounts.length && group.length >= 2 ? group[amounts.indexOf(quantity)]?.canonical : undefined;
}

/** A person's fortune named: "the fortune of chairman Larry Ellison", "Elon Musk's net worth", "das Vermögen von Oracle-Gründer Larry Ellison". */
const PERSON = String.raw`\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}`;
const FORTUNE_OF = new RegExp(
  [
    String.raw`\b(?:fortune|net worth|wealth)\s+of\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}?(${PERSON})`,
    String.raw`(${PERSON})['’]s\s+(?:personal\s+)?(?:fortune|net worth|wealth)\b`,
    String.raw`\b(?:Privatv|V)ermögen\s+(?:von|des)\s+(?:[\p{L}-]+\s+){0,2}?(${PERSON})`,
    String.raw`(${PERSON})s\s+(?:Privatv|V)ermögen\b`,
  ].join('|'),
  'gu',
);
/** "has added more than $100bn to …": the amount is what the fortune grew by. */
const ADDED_TO = /\b(?:added|adds|adding|brought|hinzugefügt|beschert(?:e)?)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/**
 * Whose fortune an amount is: the person a fortune phrase names, nearest before the amount, else the first
 * after it in the sentence. Other people compared with them ("putting him alongside Elon Musk") are not.
 */
function wealthOwner(quantity: Quantity, v: SentenceView): Entity | undefined {
  const owners = [...v.text.matchAll(FORTUNE_OF)].map((m) => {
    const name = m.slice(1).find(Boolean)!;
    const start = m.index + m[0].indexOf(name);
    return { name, start, end: start + name.length };
  });
  const owner = owners.filter((o) => o.end <= quantity.start).at(-1) ?? owners.find((o) => o.start >= quantity.end);
  if (!owner) return undefined;
  const listed = v.mentions.find((m) => m.start <= owner.start && m.end >= owner.end);
  return listed?.canonical ?? unknownEntity(owner.name, 'person');
}

/** Whose part of a deal an amount is (see `figureFor`): a company named before it, else the company the article's deals are about. */
function dealPartOwner(quantity: Quantity, v: SentenceView, state: ArticleState): Entity | undefined {
  const focus = dealFocus(state);
  if (!focus) return undefined;
  const before = parties(v.mentions).filter((m) => m.end <= quantity.start && companyLike(m) && !governed(v, m, state.article.lang)).at(-1);
  return (before ?? focus).canonical;
}

function basisOf(text: string): 'pre_money' | 'post_money' | null {
  if (/\bpre-?money\b/iu.test(text)) return 'pre_money';
  if (/\bpost-?money\b/iu.test(text)) return 'post_money';
  return null;
}

function metricLabel(metric: string, quantity: Quantity): string {
  if (metric === 'count') return quantity.unit;
  if (metric.endsWith('_growth')) return `${METRIC_LABELS[metric.slice(0, -'_growth'.length)]} growth`;
  return METRIC_LABELS[metric] ?? metric;
}

export function isRoundOrFunding(quantity: Quantity, v: SentenceView): boolean {
  const metric = nearestMetric(quantity, v, clauseOf(v, quantity.start));
  return metric === 'funding_round' || metric === 'funding';
}

/**
 * Whom a figure belongs to, in this order: the genitive owner before it ("Cohere's valuation", "its revenue"
 * → the company in focus), the name after the metric word ("Umsatz von Nvidia", "valuing Acme at"), the
 * nearest name before it that no preposition governs and no investor list holds, and for a company's own
 * books the company in focus when the sentence names nobody else. Funds and people are never valued;
 * countries keep no company books.
 */
function entityFor(
  quantity: Quantity,
  v: SentenceView,
  clause: [number, number],
  metric: string,
  subject: EntityMention | null,
  state: ArticleState,
): EntityMention | null {
  const lang = state.article.lang;
  // A company's headcount, users and customers are its own figures too.
  const companyFigure =
    COMPANY_METRICS.has(metric.replace(/_growth$/, '')) || COMPANY_ANAPHORA.test(v.text) || (metric === 'count' && LOOKED_UP_COUNTS.has(quantity.unit));
  const valued = metric === 'valuation' || metric === 'ipo_valuation';
  const eligible = (companyFigure ? parties(v.mentions) : v.mentions).filter((m) => (!valued || companyLike(m)) && !inList(v, m, lang));
  const before = eligible.filter((m) => m.start >= clause[0] && m.end <= quantity.start);
  const owner = before.filter((m) => possessive(m, lang) && /^\s*(?:[\p{L}-]+\s+){0,5}$/u.test(v.text.slice(m.end, quantity.start).replace(VALUE_WORDS, ' '))).at(-1);
  if (owner) return owner;
  const textBefore = v.text.slice(clause[0], quantity.start);
  // "its revenue": the company named before in the sentence, else the one in focus.
  if (companyFigure && /(?:^|\s)(?:its|their|seine[nmrs]?|ihre[nmrs]?|dessen|deren)\s+(?:[\p{L}-]+\s+){0,3}$/iu.test(textBefore)) {
    return eligible.filter((m) => m.end <= quantity.start && !governed(v, m, lang)).at(-1) ?? subject ?? state.mainEntity;
  }
  const named = eligible.find((m) => m.start >= clause[0] && m.end <= clause[1] && OWNER_AFTER_CUE.test(v.text.slice(Math.max(clause[0], m.start - 30), m.start)));
  if (named) return named;
  // "Windsurf's revenue had reached $82 million, and it counted 350 customers": "it" is the company named before.
  if (companyFigure && PRONOUN_BEFORE.test(textBefore)) {
    return eligible.filter((m) => m.end <= quantity.start && companyLike(m) && !governed(v, m, lang)).at(-1) ?? subject ?? state.mainEntity;
  }
  const free = eligible.filter((m) => !governed(v, m, lang) && !possessive(m, lang));
  const nearestFree = free.filter((m) => m.start >= clause[0] && m.end <= quantity.start).at(-1);
  if (nearestFree) return nearestFree;
  if (companyFigure) {
    const sentenceSubject = free.filter((m) => m.end <= quantity.start).at(-1) ?? (lang === 'de' ? free[0] : undefined);
    if (sentenceSubject) return sentenceSubject;
    // "Bei Microsoft flossen …", "Net income for Alphabet …": a sentence that names one company speaks of it.
    if (eligible.length === 1) return eligible[0]!;
    // "The company's revenue …", or no name at all: the company the paragraph is about.
    // A valuation nobody's named is the article's company's ("The targeted valuation is up …").
    const main = state.mainEntity;
    const valuation = metric === 'valuation' || metric === 'ipo_valuation';
    if (COMPANY_ANAPHORA.test(v.text)) return subject ?? main;
    if (eligible.length > 0) return null;
    // A spending plan or a site with no company named ("Für ein Rechenzentrum in Texas sind 23 Milliarden
    // vorgesehen") is no company's until a sentence says whose.
    if (metric === 'investment' || metric === 'facility') return null;
    return valuation ? (main ?? subject) : (subject ?? main);
  }
  // Other figures (shares, growth, jobs) are only attributed when nobody else is named in the sentence.
  return v.mentions.length ? null : subject;
}

/** "would value", "could reach", "wäre … bewertet", "könnte … steigen": only a possibility. */
const CONDITIONAL = /\b(?:would|could|might|wäre|wären|würde|würden|könnte|könnten)\b/iu;
const PER_YEAR = /\b(?:every year|each year|per year|a year|jedes jahr|pro jahr|jährlich)\b/iu;
/** A sentence that quotes market data or a forecaster's numbers. */
const MARKET_STATISTIC = /\b(?:nach daten|laut daten|data from|according to data|pitchbook|dealroom|crunchbase|cb insights|(?:global|worldwide|genai|gen ai|ai|it) spending|spending on (?:ai|artificial intelligence)|weltweiten ausgaben|market for|markt für)\b/iu;
/** "IDC expects", "Gartner prognostiziert": the name is who forecasts, not whose figure it is. */
const FORECASTER = /^\s*(?:\([^()]{1,12}\)\s*)?(?:expects?|forecasts?|predicts?|projects?|estimates?|says|erwartet|prognostiziert|schätzt)\b/iu;
const SOURCE_BEFORE = /\b(?:according to|laut|nach angaben (?:von|des|der)|data from|daten von)\s+(?:the\s+|der\s+|des\s+)?$/iu;
const PER_SHARE = /^\s*(?:per|a|each|je|pro)\s+(?:share|aktie)\b/iu;

/** Counts a reader looks up: staff, users, customers. */
const LOOKED_UP_COUNTS = new Set(['employees', 'jobs', 'users', 'customers', 'staff', 'researchers', 'people']);
/** Counts of businesses that are customers when the sentence says they use something. */
const CLIENT_UNITS = new Set(['companies', 'businesses', 'firms', 'unternehmen', 'firmen', 'kunden', 'clients']);
const USING = /\b(?:setz(?:t|en|te|ten)\b.{0,60}\bein|nutz(?:t|en|te|ten)|verwend(?:et|en)|uses?|using|rel(?:y|ies) on|deploy(?:s|ed)?|are customers|sind kunden)\b/iu;

/** Words between a genitive owner and its figure: "Cohere's most recent valuation of". */
const VALUE_WORDS = /\b(?:of|von|at|bei|auf|is|was|now|stands|liegt|lag|beträgt|betrug|had|has|reached|hit|rose|climbed|to)\b/giu;

/** "Umsatz von Nvidia", "revenue of Acme", "valuing Acme at", "bewertet Acme mit": the owner named after the metric word. */
/** Several companies as one owner: "bei allen drei Konzernen", "beide Unternehmen", "all three companies", "both firms". */
const GROUP_OWNER = /\b(?:all(?:e[mn]?)?|beide[nr]?|both|die|the)\s+(?:(?:drei|vier|fünf|three|four|five|zwei|two)\s+)?(?:\p{L}+\s+)?(?:konzerne[n]?|unternehmen|firmen|companies|firms|groups|tech-?giants|hyperscalers)\b/iu;
/** A pronoun as the clause's subject right before its verb and the number: "and it counted over 350 customers". */
const PRONOUN_BEFORE = /(?:^|[\s,;])(?:it|es)\s+(?:\p{L}+\s+){1,2}$/iu;
const OWNER_AFTER_CUE = /(?:\b(?:umsatz\p{L}*|gewinn\p{L}*|verlust\p{L}*|bewertung|revenue|sales|profit|income|valuation|wert|staff|team|employees|workforce|mitarbeiter\p{L}*|belegschaft)\s+(?:von|des|der|of|for|bei|at)|\bvalu(?:ing|es|ed)|\bbewertet(?:e|en)?)\s+(?:the\s+|der\s+|die\s+|das\s+)?$/iu;

/** The metric cue nearest to the quantity in its clause, among the metrics that fit its kind. */
export function nearestMetric(quantity: Quantity, v: SentenceView, clause: [number, number], accept?: (metric: string) => boolean): string | null {
  if (accept) return findNearestMetric(quantity, v, clause, accept);
  // The deal and the figure rules ask the same question of the same amount: answered once.
  const key = `${clause[0]}:${clause[1]}`;
  let known = NEAREST_METRIC.get(quantity);
  if (!known) NEAREST_METRIC.set(quantity, (known = new Map()));
  if (!known.has(key)) known.set(key, findNearestMetric(quantity, v, clause, (m) => fitsKind(m, quantity)));
  return known.get(key)!;
}

const NEAREST_METRIC = new WeakMap<Quantity, Map<string, string | null>>();

/** The metric cues split once: phrases found in the text, single words matched against words, longest first. */
const CUE_TABLE = METRIC_CUES.map(({ metric, words }) => ({
  metric,
  phrases: words.filter((c) => /[\s-]/.test(c)),
  single: words.filter((c) => !/[\s-]/.test(c)).sort((a, b) => b.length - a.length),
}));

/** Per word, the longest cue of each metric it matches (in `CUE_TABLE` order): words recur, so kept. */
const WORD_CUES = new Map<string, (string | undefined)[]>();
const WORD_CUES_LIMIT = 50_000;

function cuesOfWord(word: string): (string | undefined)[] {
  let cues = WORD_CUES.get(word);
  if (!cues) {
    if (WORD_CUES.size >= WORD_CUES_LIMIT) WORD_CUES.clear(); // a bound for long-running servers
    // The longest matching cue of each metric (they are sorted longest first).
    cues = CUE_TABLE.map(({ single }) => single.find((c) => cueMatches(word, c)));
    WORD_CUES.set(word, cues);
  }
  return cues;
}

function findNearestMetric(quantity: Quantity, v: SentenceView, clause: [number, number], accept: (metric: string) => boolean): string | null {
  const lower = v.text.toLowerCase();
  // "$183 billion post-money valuation", "at a $40 billion valuation": a valuation named right after the
  // amount decides, however close a "round" or "investment" stands before it.
  if (accept('valuation') && (VALUATION_AFTER.test(lower.slice(quantity.end, clause[1])) || VALUATION_AT.test(lower.slice(Math.max(clause[0], quantity.start - 60), quantity.start)))) return 'valuation';
  // "erhält 300 Millionen Dollar bei einer Bewertung von zwei Milliarden", "raised $300M at a valuation of $2B":
  // the valuation is the amount after "von / of", not this one.
  if (accept('valuation') && ROUND_BEFORE_VALUATION.test(lower.slice(quantity.end, clause[1]))) return findNearestMetric(quantity, v, clause, (m) => m !== 'valuation' && accept(m));
  // Nearest cue wins; on a tie (one word matching several cues) the longer, more specific cue.
  let best: { metric: string; distance: number; length: number } | null = null;
  const consider = (metric: string, cue: string, start: number, end: number) => {
    const distance = end <= quantity.start ? quantity.start - end : start - quantity.end;
    if (!best || distance < best.distance || (distance === best.distance && cue.length > best.length)) {
      best = { metric, distance, length: cue.length };
    }
  };
  const clauseWords = wordsIn(v, clause).filter((word) => !(word.start >= quantity.start && word.end <= quantity.end));
  for (const [index, { metric, phrases }] of CUE_TABLE.entries()) {
    if (!accept(metric)) continue;
    // Cues of several words ("run-rate", "net income", "market share") are found in the text itself.
    for (const cue of phrases) {
      for (let at = lower.indexOf(cue, clause[0]); at >= 0 && at + cue.length <= clause[1]; at = lower.indexOf(cue, at + 1)) {
        if (at + cue.length <= quantity.start || at >= quantity.end) consider(metric, cue, at, at + cue.length);
      }
    }
    for (const word of clauseWords) {
      const cue = cuesOfWord(word.folded)[index];
      if (!cue) continue;
      // "a contract with Oracle worth $300bn", "ein Auftrag im Wert von": the deal's size, not a valuation.
      // So is "in a deal valued at $2 billion", "eine Transaktion, die mit 2 Milliarden bewertet wird".
      // ("a deal that valued it at …" still values the company: only "valued at" with no object in between.)
      if (metric === 'valuation' && /^(?:worth|wert|valued|bewertet)$/u.test(cue)) {
        const bare = /^(?:worth|wert)$/u.test(cue) || /^\s+(?:at|auf|mit)\b/iu.test(lower.slice(word.end, word.end + 5));
        if (bare && DEAL_WORTH.test(lower.slice(Math.max(clause[0], word.start - 80), word.start))) continue;
      }
      consider(metric, cue, word.start, word.end);
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

function periodFor(quantity: Quantity, v: SentenceView, clause: [number, number]): string | null {
  const usable = v.dates.filter((d) => d.role !== 'since');
  const inClause = usable.filter((d) => d.start >= clause[0] && d.end <= clause[1]);
  // "Meta will 2026 … investieren, Microsoft rund 80 Milliarden": a lone date in an earlier clause covers the
  // later ones (not the other way round: "… bewertet, nachdem es im Oktober …" dates only its own clause).
  const earlier = usable.length === 1 && usable[0]!.end <= clause[0] ? usable[0]! : null;
  return (nearest(inClause, quantity) ?? earlier)?.value ?? null;
}

