/**
 * Words that tell what a number in a sentence is about, as data. Matching is on folded words (lower case,
 * no diacritics) and by prefix, so `Konzernumsatz` and `Umsatzes` both hit `umsatz` through the compound
 * rule (a cue may also stand at the end of a German compound: `…umsatz`).
 */
import type { DealStatus } from './types.ts';

/** Metric cues, most specific first: the first cue found nearest to the number wins. */
export const METRIC_CUES: readonly { metric: string; label: string; words: readonly string[] }[] = [
  { metric: 'valuation', label: 'valuation', words: ['bewertet', 'bewertung', 'wert', 'worth', 'value', 'values', 'valuation', 'valued', 'valuing', 'borsenwert', 'marktwert', 'marktkapitalisierung', 'market cap', 'market capitalization', 'market value'] },
  { metric: 'stake', label: 'stake', words: ['stake', 'beteiligung', 'holding'] },
  { metric: 'run_rate', label: 'revenue run-rate', words: ['umsatzlauf', 'run-rate revenue', 'run rate revenue', 'run-rate', 'run rate', 'annualized revenue', 'annualised revenue', 'annual recurring revenue', 'recurring revenue', 'arr', 'jahresumsatzrate', 'wiederkehrende umsatz'] },
  { metric: 'revenue', label: 'revenue', words: ['umsatz', 'umsatze', 'erlos', 'revenue', 'sales', 'bringing in', 'brings in', 'einnahmen'] },
  { metric: 'burn', label: 'cash burn', words: ['verbrennt', 'verbrannte', 'burns', 'burning', 'burn rate', 'cash burn'] },
  { metric: 'profit', label: 'profit', words: ['gewinn', 'nettogewinn', 'uberschuss', 'profit', 'net income', 'earnings'] },
  { metric: 'loss', label: 'loss', words: ['verlust', 'loss', 'losses'] },
  { metric: 'charge', label: 'charge', words: ['sonderkosten', 'belastung', 'abschreibung', 'charge', 'charges', 'write-down', 'abfindungen', 'severance'] },
  { metric: 'funding_round', label: 'funding round', words: ['finanzierungsrunde', 'funding round', 'runde', 'round'] },
  { metric: 'funding', label: 'funding', words: ['startkapital', 'mittel', 'mitteln', 'funding', 'seed', 'raised', 'raise', 'raises', 'raising', 'secured', 'secures', 'eingesammelt', 'sammelte', 'erhielt', 'erhalt', 'bekommt'] },
  { metric: 'investment', label: 'investment (capex)', words: ['investitionen', 'kapitalinvestitionen', 'investitionsausgaben', 'ausgaben', 'capex', 'capital expenditure', 'capital expenditures', 'spending', 'investieren', 'stecken', 'investiert', 'investment', 'investition', 'will invest', 'to invest', 'invests', 'investing'] },
  { metric: 'facility', label: 'facility investment', words: ['rechenzentrum', 'rechenzentren', 'rechenzentrumscampus', 'campus', 'data center', 'data centre', 'datacenter', 'fabrik', 'werk', 'factory', 'gigafactory'] },
  { metric: 'job_cuts', label: 'job cuts', words: ['abbau', 'stellenabbau', 'streichungen', 'streicht', 'entlassungen', 'entlasst', 'layoffs', 'cuts', 'cut', 'ab'] },
  { metric: 'jobs', label: 'jobs', words: ['arbeitsplatze', 'stellen', 'jobs', 'beschaftigte', 'mitarbeiter', 'employees'] },
  { metric: 'share_price', label: 'share price', words: ['aktie', 'aktien', 'shares', 'stock'] },
  { metric: 'fund_size', label: 'fund size', words: ['verwaltet ein vermögen', 'verwaltetes vermögen', 'vermogenswerte', 'assets under management', 'fondsvolumen', 'fund size'] },
  { metric: 'invested_total', label: 'invested in total', words: ['engagement', 'total investment', 'gesamtinvestition'] },
  { metric: 'deal_part', label: 'part of the deal', words: ['piece', 'portion', 'tranche', 'payment', 'set aside', 'teilbetrag', 'teilzahlung', 'zahlung'] },
  { metric: 'wealth', label: 'wealth', words: ['wohlstand', 'vermogen', 'wealth', 'wertschopfung', 'value creation', 'net worth', 'fortune'] },
  { metric: 'growth', label: 'growth', words: ['wachstum', 'wuchs', 'wachst', 'wachsen', 'stieg', 'steigt', 'growth', 'cagr', 'grew', 'rose', 'fiel', 'sank', 'fell', 'rise', 'increase', 'anstieg', 'zuwachs'] },
  { metric: 'market_share', label: 'share', words: ['anteil', 'marktanteil', 'market share', 'share of', 'der welt', 'of the world', "world's"] },
];

/** A valuation in a sentence about a listing is the hoped-for IPO valuation, not today's. */
export const IPO_WORDS: readonly string[] = ['borsengang', 'ipo', 'listing', 'borsengangs'];

export const METRIC_LABELS: Record<string, string> = {
  ...Object.fromEntries(METRIC_CUES.map((c) => [c.metric, c.label])),
  revenue_share: 'share of revenue',
  market_size: 'market size',
  ipo_valuation: 'IPO valuation',
  price: 'price per share',
  funding_total: 'total funding',
  count: 'count',
};

/** The metric families of the `/facts` contract: every metric read falls into one of them. */
export const FACT_METRICS = [
  'valuation', 'revenue', 'arr', 'capex', 'stake', 'employees', 'users', 'fund_size', 'funding_total', 'market_size', 'price', 'other',
] as const;
export type FactMetric = (typeof FACT_METRICS)[number];

const METRIC_FAMILIES: Record<string, FactMetric> = {
  valuation: 'valuation', ipo_valuation: 'valuation', revenue: 'revenue', run_rate: 'arr', investment: 'capex', facility: 'capex',
  jobs: 'employees', share_price: 'price', stake: 'stake', users: 'users', fund_size: 'fund_size', funding_total: 'funding_total',
  market_size: 'market_size', price: 'price',
};

/**
 * The `/facts` family of a metric ("run_rate" → "arr"); a count by what it counts (employees, users); `other`
 * for the rest (profit, job cuts, growth …).
 */
export function factMetric(metric: string, unit = ''): FactMetric {
  if (metric === 'count') return COUNT_FAMILIES[unit] ?? 'other';
  return METRIC_FAMILIES[metric] ?? 'other';
}

const COUNT_FAMILIES: Record<string, FactMetric> = { employees: 'employees', staff: 'employees', users: 'users', customers: 'users' };

/** Metrics that describe a company's own books: without a name in the sentence they belong to the article's company. */
export const COMPANY_METRICS = new Set(['burn', 'fund_size', 'facility', 'funding', 'funding_round', 'funding_total', 'invested_total', 'valuation', 'ipo_valuation', 'revenue', 'run_rate', 'profit', 'loss', 'charge', 'investment', 'job_cuts', 'share_price']);

/** Figures of one reporting period: a sentence without a date continues the period of the one before. */
export const REPORTING_METRICS = new Set(['revenue', 'revenue_growth', 'profit', 'loss', 'charge']);

/** Words that make a number a deal's amount (money going into a company). Plural `Investitionen` is capex, not here. */
export const DEAL_CUES: readonly string[] = [
  'investition', 'investment', 'beteiligung', 'beteiligt', 'beteiligte', 'beteiligen', 'beitrag', 'engagement', 'kapitalspritze', 'finanzierungsrunde',
  'startkapital', 'ausgestattet', 'investiert', 'investierte', 'investieren', 'ausgegeben', 'deal', 'mittel',
  'mitteln', 'invest', 'invests', 'invested', 'investing', 'stake', 'funding', 'round', 'raise', 'raised',
  'raises', 'raising', 'backing', 'putting', 'put', 'pour', 'pours', 'poured', 'injection', 'verhandlungen',
  'gesprache', 'talks', 'ubernahme', 'acquisition', 'acquire', 'kauft', 'kauf', 'secured', 'secures', 'received',
  'receives', 'erhielt', 'erhalt', 'sammelte', 'eingesammelt', 'einsammeln',
];

/** Words that make the entity before the number the one RECEIVING money (a round, start capital, a raise). */
export const RECEIVE_CUES: readonly string[] = [
  'finanzierungsrunde', 'startkapital', 'ausgestattet', 'sucht', 'mittel', 'mitteln', 'strebt', 'einsammeln',
  'sammelte', 'erhielt', 'erhalt', 'raise', 'raised', 'raises', 'raising', 'secured', 'secures', 'received',
  'receives', 'funding round', 'round', 'beschaffung',
];

/** Prepositions that introduce a deal's target ("in OpenAI", "an OpenAI", "mit Cerebras") … */
export const TARGET_PREPOSITIONS = ['in', 'an', 'into', 'mit', 'with', 'bei', 'for', 'fur'];
/** … and its investor when it follows the amount ("von Amazon", "from Thrive", "led by"). */
export const INVESTOR_PREPOSITIONS = ['von', 'by', 'from', 'including', 'darunter'];

/** A non-entity target is only accepted when it names companies: "in digitale Plattformunternehmen". */
export const COMPANY_NOUN = /(?:unternehmen|firmen|startups?|companies|konzerne|labore|labs)$/i;

/** "the company's", "the young company", "its": the sentence speaks of the company the article is about. */
export const COMPANY_REFERENCE = /\b(?:the (?:[\p{L}-]+ )?(?:company|startup|start-up|firm|lab)(?:['’]s)?|its|des (?:[\p{L}-]+ )?(?:unternehmens|start-ups)|seine[nmr]?|ihre[nmr]?)\b/iu;

/** Phrases standing for "the company this text is about". */
export const COMPANY_ANAPHORA =
  /(?:^|\s)(?:das (?:[\p{L}-]+ )?(?:unternehmen|start-?up)|die (?:[\p{L}-]+ )?(?:firma|gruppe)|der (?:[\p{L}-]+ )?[\p{L}-]*(?:konzern|riese|gigant|hersteller)|the (?:[\w-]+ )?(?:company|group|firm|startup|start-up|lab|giant|maker|chipmaker|retailer))\b/iu;

/** Status cues, checked in this order: the first family found decides. */
/** `clauseOnly`: modal words count only in the amount's own clause ("…, which would value the company at …" makes no talks). */
export const STATUS_CUES: readonly { status: DealStatus | 'completed_recent'; words: readonly string[]; clauseOnly?: boolean }[] = [
  { status: 'talks', words: ['verhandelt', 'verhandlungen', 'gesprache', 'gesprachen', 'erwagt', 'erwogen', 'prueft', 'pruft', 'talks', 'negotiating', 'negotiations', 'discussions', 'considering', 'considers', 'potenziell', 'potenzieller', 'potenzielles', 'potential', 'voraussichtlich', 'rumored', 'gerucht'] },
  { status: 'talks', clauseOnly: true, words: ['moglich', 'mogliche', 'mogliches', 'possible', 'would', 'could', 'konnte', 'ware', 'sollte', 'probably', 'likely', 'wahrscheinlich', 'looking'] },
  { status: 'planned', words: ['plant', 'plante', 'geplant', 'geplante', 'sucht', 'strebt', 'anstrebt', 'plans', 'planned', 'seeks', 'seeking', 'aims', 'intends', 'soll', 'wants'] },
  { status: 'announced', words: ['kundigte', 'angekundigt', 'kundigt', 'announced', 'announces', 'bekanntgegeben', 'unveiled'] },
  { status: 'completed_recent', words: ['gerade', 'bereits', 'kurzlich', 'soeben', 'just', 'recently', 'already'] },
  { status: 'historic', words: ['bestehende', 'bestehender', 'existing', 'eingesammelt', 'sammelte', 'secured', 'investiert', 'investierte', 'investierten', 'ausgestattet', 'ausgegeben', 'schloss', 'abgeschlossen', 'erhielt', 'invested', 'completed', 'closed', 'raised', 'received', 'finalized', 'spent', 'obtained', 'landed', 'bagged', 'gesichert', 'bekommen', 'erhalten', 'geholt', 'ubernommen', 'gekauft', 'erworben', 'sicherte', 'kassierte'] },
];
