/**
 * The JSON contracts: what `npm run --silent ask -- "<line>" --json` prints for each command, as zod
 * schemas. `Answer.json` (src/answer/model.ts) is typed from them, so a command cannot emit a key or a type
 * the contract does not name; test/answer/contracts.test.ts checks that the README's contract block names
 * only keys these schemas have, and that real answers parse.
 *
 * These are stable interfaces read by other tools: keys may be added, never removed or renamed. That is why
 * the schemas are `z.object` (unknown keys pass) and not strict; a test that wants "exactly these keys" can
 * tighten one with `z.strictObject(schema.shape)`.
 *
 * Conventions across the contracts: amounts in units (50 billion dollars → `50000000000`), currencies ISO
 * 4217, dates ISO 8601 only as precise as the source (`2023-09`, `2026-01-30`, `2017`), instants (digest
 * times) full ISO 8601 in UTC, `null` where the source says nothing.
 *
 * Only zod, types and data modules below the commands may be imported here: commands import this, never the reverse.
 */
import { z } from 'zod';
import type { DealKind, DealStatus, Qualifier } from '../extract/types.ts';
import { FACT_METRICS } from '../extract/cues.ts';
import { subscriptionSchema, type DigestOutcome } from '../state/types.ts';
import { REASONS } from '../state/feedback.ts';

// ---------------------------------------------------------------------------------------------------------
// Shared pieces

/** A date as precise as the source prints it: `2017`, `2023-09`, `2026-01-30` (not validated further). */
const sourceDate = z.string();

/** An instant, `2026-02-10T09:00:00.000Z` (digest times). */
const instant = z.string();

export const QUALIFIERS = ['exact', 'up_to', 'about', 'below', 'more_than', 'at_least', 'range'] as const satisfies readonly Qualifier[];
export const DEAL_STATUSES = ['rumoured', 'talks', 'planned', 'announced', 'completed', 'historic', 'rejected'] as const satisfies readonly DealStatus[];
export const DEAL_KINDS = ['equity', 'debt', 'secondary', 'acquisition', 'commitment', 'grant', 'unknown'] as const satisfies readonly DealKind[];
export const DIGEST_OUTCOMES = ['sent', 'nothing_new', 'quiet', 'skipped', 'sending'] as const satisfies readonly DigestOutcome[];

/** How sure the figure is: `up_to` $50B, `about` $350B, `below` $10B, `more_than`, a `range` (value–max), or `exact`. */
export const qualifierSchema = z.enum(QUALIFIERS);

/** A half-open character range [start, end) of `quote` to show in bold. */
export const spanSchema = z.tuple([z.number(), z.number()]);

/**
 * Where a deal or figure comes from, as `/deal` and `/number` print it: the article's file name, its
 * outlet, date and title (null when the article prints none), and the sentence as printed.
 */
export const citationSchema = z.object({
  /** File name of the article in the corpus, e.g. `003_74890980bce22e95.txt`. */
  article: z.string(),
  outlet: z.string().nullable(),
  date: sourceDate.nullable(),
  /** The printed title, or the article's first sentence when it has none. */
  title: z.string().nullable(),
  /** Where the article can be read, when known. */
  url: z.string().nullable(),
  quote: z.string(),
});

/** A citation with the parts of `quote` to emphasise (the figure), as `/check` and the digest print it. */
export const highlightedCitationSchema = citationSchema.extend({
  highlights: z.array(spanSchema),
});

/**
 * An amount of money: `value` in units, `max` the upper end of a range (else null), `currency` ISO 4217
 * (null when none is printed), `qualifier` how sure.
 */
export const amountSchema = z.object({
  value: z.number().nullable(),
  max: z.number().nullable(),
  currency: z.string().nullable(),
  qualifier: qualifierSchema,
});

/**
 * On a row the team marked wrong (shown struck out): the mark's number in the correction log, who (a Slack
 * user id, or `console`), when (an instant), why (`wrong_amount`, `wrong_company`, `roles_reversed`,
 * `not_a_deal`, `outdated`, `other`) and the note typed (null when none).
 */
export const correctionSchema = z.object({
  number: z.number(),
  by: z.string(),
  at: instant,
  reason: z.enum(REASONS).nullable(),
  note: z.string().nullable(),
});

/** One figure (valuation, revenue, capex …): `unit` is an ISO currency, `percent`, or the counted thing (`jobs`). */
const figureFields = {
  /** Human-readable subject, e.g. `Anthropic valuation`. */
  subject: z.string(),
  /** A year or quarter the figure is about, when the sentence names one (`2026`). */
  period: z.string().nullable(),
  /** In units; never null in practice (a figure without a number is not extracted), nullable by type. */
  value: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string(),
  qualifier: qualifierSchema,
  /** Normalised metric: `valuation`, `revenue`, `investment`, `jobs` … */
  metric: z.string(),
};

// ---------------------------------------------------------------------------------------------------------
// /news

/** One passage found by `/news`, best first. `snippet` is the matching sentence; `score` has 4 decimals. */
export const newsHitSchema = z.object({
  article: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  date: sourceDate.nullable(),
  /** Where the article can be read, when known. */
  url: z.string().nullable(),
  snippet: z.string(),
  score: z.number(),
});

/** `/news <words>`: the (possibly shortened) query and up to five hits. No match → `hits: []`, not an error. */
export const newsJsonSchema = z.object({
  command: z.literal('news'),
  query: z.string(),
  hits: z.array(newsHitSchema),
});

// ---------------------------------------------------------------------------------------------------------
// /deal

/**
 * A deal as `/deal` and `/facts` print it: investor(s) → target. `investor` null = not named (a round's
 * total, a table row).
 */
const dealFields = {
  /** Every investor named, the lead(s) first; empty when the text names none. */
  investors: z.array(z.string()),
  /** The investors the text says led the round (a subset of `investors`). */
  lead: z.array(z.string()),
  /** The investing side as one name (`Microsoft/Nvidia` for a joint deal); null when none is named. */
  investor: z.string().nullable(),
  target: z.string(),
  /** Null when the article gives no amount. */
  amount: amountSchema.nullable(),
  /** equity, debt, secondary, acquisition, commitment, grant, or unknown when the text does not say. */
  kind: z.enum(DEAL_KINDS),
  /** The round as printed (`Series B`, `Seed`, `Series-B-Runde`), else null. */
  round: z.string().nullable(),
  status: z.enum(DEAL_STATUSES),
  date: sourceDate.nullable(),
  /** Whether the text named the date (`text`) or the article's date stands in (`article`). */
  date_from: z.enum(['text', 'article']).nullable(),
  /** "a further $30B": on top of an earlier amount, not the same deal. */
  additional: z.boolean(),
};

/** What the reports of one story disagree on, each reading with the outlets that give it. */
export const storyDifferenceSchema = z.object({
  aspect: z.enum(['amount', 'status']),
  readings: z.array(z.object({ text: z.string(), outlets: z.array(z.string()) })),
});

/**
 * One deal of `/deal`: one story, however many articles reported it (the fields are those of the report most
 * sources give; `citations` cite every article).
 */
export const dealRowSchema = z.object({
  ...dealFields,
  /** Whether the asked company received the money (`target`) or put it in (`investor`). */
  role: z.enum(['target', 'investor']),
  citations: z.array(citationSchema),
  /** The outlets that reported it, first reporter first. */
  reported_by: z.array(z.string()),
  /** Where the reports differ on the amount or the status; empty when they agree. */
  differences: z.array(storyDifferenceSchema),
  /** Only when the team marked the deal (any of its reports) wrong. */
  correction: correctionSchema.optional(),
});

/** A file that came with the answer (`/deal … csv`, `… chart`): its name, its format, and how many rows (a spreadsheet) or points (a chart) it holds. */
export const answerFileSchema = z.object({
  name: z.string(),
  format: z.enum(['csv', 'png']),
  rows: z.number(),
});

/** `/deal <company> [other company] [year] [csv]`: at most 25 deals, `total` counts all of them; `file` only with `csv`. */
export const dealJsonSchema = z.object({
  command: z.literal('deal'),
  query: z.string(),
  total: z.number(),
  deals: z.array(dealRowSchema),
  file: answerFileSchema.optional(),
});

// ---------------------------------------------------------------------------------------------------------
// /number

export const numberFigureSchema = z.object({
  ...figureFields,
  /** The company; null when the figure names none. */
  entity: z.string().nullable(),
  citations: z.array(citationSchema),
  /** Only when the team marked the figure wrong: it is then in no conflict. */
  correction: correctionSchema.optional(),
});

/** Figures whose sources disagree: `figures` are indexes into the answer's `figures`. */
export const numberConflictSchema = z.object({
  subject: z.string(),
  figures: z.array(z.number()),
});

/** `/number <company> <what> [year]`: up to ten figures, best first. No match → empty lists, not an error. */
export const numberJsonSchema = z.object({
  command: z.literal('number'),
  query: z.string(),
  figures: z.array(numberFigureSchema),
  conflicts: z.array(numberConflictSchema),
  /** Only with `chart`: the figure over time, as a PNG. */
  file: answerFileSchema.optional(),
});

// ---------------------------------------------------------------------------------------------------------
// /facts and `npm run facts`

/** The rule that read a fact: its id (`deal.near`, `figure.nearest-cue` …) and the reason in words: the "why". */
export const ruleSchema = z.object({ id: z.string(), reason: z.string() });

/** Where in its article a fact was read: the sentence as printed, the figure in it, and the rule. */
const readingFields = {
  /** The sentence (or table row) as the article prints it. */
  quote: z.string(),
  /** The figure inside `quote`, [start, end). */
  highlight: spanSchema,
  rule: ruleSchema,
};

/** A deal as one article reports it, before merging with other articles. */
export const factsDealSchema = z.object({ ...dealFields, ...readingFields });

/** A figure as one article reports it, before merging with other articles. */
export const factsFigureSchema = z.object({
  ...figureFields,
  /** The metric family: valuation, revenue, arr, capex, stake, employees, users, fund_size, funding_total, market_size, price or other. */
  metric: z.enum(FACT_METRICS),
  /** The metric as the extractor names it (`run_rate`, `ipo_valuation`, `job_cuts` …). */
  metric_detail: z.string(),
  /** The company; null when the figure names none. */
  entity: z.string().nullable(),
  /** For valuations: before or after the new money, when the text says. */
  basis: z.enum(['pre_money', 'post_money']).nullable(),
  /** True when the text gives the figure only as a possibility ("would value it at", "wäre … bewertet"). */
  conditional: z.boolean(),
  ...readingFields,
});

/** An article: its file name in the corpus folder (as in citations) and what it prints about itself. */
export const articleRefSchema = z.object({
  article: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  date: sourceDate.nullable(),
  url: z.string().nullable(),
});

/** Every deal and figure one article yields, in the order of the text. */
export const factsArticleSchema = articleRefSchema.extend({
  deals: z.array(factsDealSchema),
  figures: z.array(factsFigureSchema),
});

/** `npm run facts -- --json [file …]`: the articles asked for (every article of the corpus without files). */
export const factsReportSchema = z.object({
  command: z.literal('facts'),
  articles: z.array(factsArticleSchema),
});

/**
 * `/facts <file | url | words of its title>`: the one article found, its facts as `npm run facts` prints
 * them. When several articles match the title words equally, `articles` is empty and `candidates` lists them.
 */
export const factsJsonSchema = factsReportSchema.extend({
  query: z.string(),
  candidates: z.array(articleRefSchema),
});

// ---------------------------------------------------------------------------------------------------------
// /check

export const checkMatchSchema = z.object({
  /** `supported` when this source says what the claim says, else `contradicted` (kept beside `stance`). */
  verdict: z.enum(['supported', 'contradicted']),
  /** Whether this source supports the claim or differs from it (then `differences` says how). */
  stance: z.enum(['supports', 'differs']),
  /** What the source says otherwise: `{aspect: "status", source: "still in talks"}`; empty when it supports. */
  differences: z.array(z.object({ aspect: z.enum(['amount', 'qualifier', 'currency', 'status', 'kind', 'direction']), source: z.string() })),
  /** The deal or figure as one line, e.g. `Amazon → OpenAI: up to $50B`. */
  text: z.string(),
  citations: z.array(highlightedCitationSchema),
  /** Only when the team marked the deal or figure wrong: it then does not count for the verdict. */
  correction: correctionSchema.optional(),
});

/** `/check <claim>`: the verdict and the deals or figures behind it (none when `not_found` or `not_a_claim`). */
export const checkJsonSchema = z.object({
  command: z.literal('check'),
  claim: z.string(),
  verdict: z.enum(['supported', 'partly_supported', 'sources_differ', 'contradicted', 'not_found', 'not_a_claim']),
  matches: z.array(checkMatchSchema),
});

// ---------------------------------------------------------------------------------------------------------
// /help

/** `/help` (and any unknown `/command`): every command with its usage and one-line summary. */
export const helpJsonSchema = z.object({
  command: z.literal('help'),
  commands: z.array(z.object({ name: z.string(), usage: z.string(), summary: z.string() })),
});

// ---------------------------------------------------------------------------------------------------------
// /digest

/** `/digest on …`: the new subscription and the next send time. */
export const digestOnJsonSchema = z.object({
  command: z.literal('digest'),
  action: z.literal('on'),
  channel: z.string(),
  subscription: subscriptionSchema,
  nextRun: instant,
});

/** `/digest off`: the subscription as it is now (null when the channel never had one). */
export const digestOffJsonSchema = z.object({
  command: z.literal('digest'),
  action: z.literal('off'),
  channel: z.string(),
  subscription: subscriptionSchema.nullable(),
});

/** The last scheduled digest: its send time, what happened, when it was posted. */
export const digestLastRunSchema = z.object({
  slot: instant,
  outcome: z.enum(DIGEST_OUTCOMES).nullable(),
  sentAt: instant.nullable(),
});

/** How much the next digest would cover so far. */
export const digestCoversSchema = z.object({
  since: instant,
  articles: z.number(),
  deals: z.number(),
  figures: z.number(),
  conflicts: z.number(),
});

/**
 * `/digest status` (also `/digest` alone). `nextRun` only while the subscription is active; `covers` only
 * when there is a subscription (on or off).
 */
export const digestStatusJsonSchema = z.object({
  command: z.literal('digest'),
  action: z.literal('status'),
  channel: z.string(),
  subscription: subscriptionSchema.nullable(),
  lastRun: digestLastRunSchema.nullable(),
  nextRun: instant.optional(),
  covers: digestCoversSchema.optional(),
});

const change = z.enum(['new', 'updated']);

/**
 * A digest as composed for a channel (src/digest/compose.ts): what arrived between `since` and `until`.
 * The lists hold what the message shows, `omitted` counts the rest; `skipped` lists send times missed while
 * the bot was down (covered by this digest). The background runner posts it; `ask` prints it only as
 * `/digest now` (see `digestNowJsonSchema`).
 */
export const digestJsonSchema = z.object({
  command: z.literal('digest'),
  channel: z.string(),
  since: instant,
  until: instant,
  timeZone: z.string(),
  articles: z.array(
    z.object({
      article: z.string(),
      title: z.string().nullable(),
      outlet: z.string().nullable(),
      date: sourceDate.nullable(),
      url: z.string().nullable(),
      arrivedAt: instant,
    }),
  ),
  deals: z.array(
    z.object({
      change,
      investor: z.string().nullable(),
      target: z.string(),
      amount: amountSchema.nullable(),
      status: z.enum(DEAL_STATUSES),
      date: sourceDate.nullable(),
      citations: z.array(highlightedCitationSchema),
      /** One story per deal, as in `/deal`: who reported it, and where the reports differ. */
      reported_by: z.array(z.string()),
      differences: z.array(storyDifferenceSchema),
    }),
  ),
  figures: z.array(
    z.object({
      change,
      ...figureFields,
      /** The company as extracted: `''` (not null, unlike `/number`) when the figure names none. */
      entity: z.string(),
      citations: z.array(highlightedCitationSchema),
    }),
  ),
  conflicts: z.array(
    z.object({
      subject: z.string(),
      values: z.array(z.object({ value: z.number().nullable(), max: z.number().nullable(), unit: z.string(), citation: highlightedCitationSchema })),
    }),
  ),
  /** `corrected`: stories, figures and conflicts left out because the team marked a fact of theirs wrong. */
  omitted: z.object({ articles: z.number(), deals: z.number(), figures: z.number(), conflicts: z.number(), corrected: z.number() }),
  skipped: z.array(instant),
  /** Alerts the channel's watches sent since the last digest (the digest notes it). */
  alerts_sent: z.number(),
  /** Monday's digest only: the week's money flow, as a PNG. */
  file: answerFileSchema.optional(),
});

/** `/digest now`: a preview of the next digest, as of now; `subscribed` says whether one will be sent. */
export const digestNowJsonSchema = digestJsonSchema.extend({
  action: z.literal('now'),
  preview: z.literal(true),
  subscribed: z.boolean(),
});

// ---------------------------------------------------------------------------------------------------------
// /corrections

/**
 * One fact the team marked wrong: the mark's `number` in the log, the fact (`fact_id`, `text` as the answer
 * showed it, its `articles` and the `rule` that read it), the mark (`by`, `at`, `reason`, `note`), whether it
 * still holds (`active`), and who undid it and when (`undone`, else null).
 */
export const correctionRowSchema = z.object({
  number: z.number(),
  fact_id: z.string(),
  text: z.string(),
  articles: z.array(z.string()),
  rule: z.string().nullable(),
  active: z.boolean(),
  by: z.string(),
  at: instant,
  reason: z.enum(REASONS).nullable(),
  note: z.string().nullable(),
  undone: z.object({ by: z.string(), at: instant }).nullable(),
});

/** `/corrections` (`list`: every marked fact, latest change first) and `/corrections undo <number>` (the fact undone). */
export const correctionsJsonSchema = z.object({
  command: z.literal('corrections'),
  action: z.enum(['list', 'undo']),
  corrections: z.array(correctionRowSchema),
});

// ---------------------------------------------------------------------------------------------------------
// Errors

/**
 * Bad input, from any command (`ask` exits with code 2). `command` is the command that complained (`ask`
 * itself when no question was given). `/deal` adds `suggestions` (near company names) for an unknown company.
 */
export const errorJsonSchema = z.object({
  command: z.string(),
  error: z.string(),
  suggestions: z.array(z.string()).optional(),
});

// ---------------------------------------------------------------------------------------------------------
// Types and the registry

export type CitationJson = z.infer<typeof citationSchema>;
export type HighlightedCitationJson = z.infer<typeof highlightedCitationSchema>;
export type AmountJson = z.infer<typeof amountSchema>;
export type NewsJson = z.infer<typeof newsJsonSchema>;
// ---------------------------------------------------------------------------------------------------------
// /watch and its alerts

/** A watch as `/watch` answers show it. */
export const watchJsonSchema = z.object({
  id: z.number(),
  channel: z.string(),
  /** As typed after `/watch`. */
  query: z.string(),
  /** The filter in words: "Mistral AI: deals over €100M". */
  description: z.string(),
  /** The company's name, its kinds of deal (empty: any), the least amount, and whether figures alert too. */
  entity: z.string().nullable(),
  kinds: z.array(z.string()),
  min_amount: z.object({ value: z.number(), currency: z.string() }).nullable(),
  facts: z.enum(['deals', 'all']),
  active: z.boolean(),
  created_at: instant,
});

/** `/watch <what>`: the watch set up in this channel. */
export const watchOnJsonSchema = z.object({ command: z.literal('watch'), action: z.literal('on'), channel: z.string(), watch: watchJsonSchema });
/** `/watch list`: this channel's active watches. */
export const watchListJsonSchema = z.object({ command: z.literal('watch'), action: z.literal('list'), channel: z.string(), watches: z.array(watchJsonSchema) });
/** `/watch off N`: the watch as it is now. */
export const watchOffJsonSchema = z.object({ command: z.literal('watch'), action: z.literal('off'), channel: z.string(), watch: watchJsonSchema });
/** An alert a watch posts (`alert`), and a later report of it in the alert's thread (`also_reported`). Not printed by `ask`. */
export const watchAlertJsonSchema = z.object({
  command: z.literal('watch'),
  action: z.enum(['alert', 'also_reported']),
  channel: z.string(),
  watch: z.number(),
  kind: z.enum(['deal', 'figure']),
  /** The fact's line (alert) or the outlets (also reported). */
  text: z.string(),
  citations: z.array(highlightedCitationSchema),
});

/** A section of the App Home tab (rendered only, never printed by `ask`). */
export const homeJsonSchema = z.object({ command: z.literal('home'), section: z.string() });

export type DealJson = z.infer<typeof dealJsonSchema>;
export type NumberJson = z.infer<typeof numberJsonSchema>;
export type FactsArticleJson = z.infer<typeof factsArticleSchema>;
export type FactsReportJson = z.infer<typeof factsReportSchema>;
export type FactsJson = z.infer<typeof factsJsonSchema>;
export type CheckJson = z.infer<typeof checkJsonSchema>;
export type HelpJson = z.infer<typeof helpJsonSchema>;
export type SubscriptionJson = z.infer<typeof subscriptionSchema>;
export type DigestOnJson = z.infer<typeof digestOnJsonSchema>;
export type DigestOffJson = z.infer<typeof digestOffJsonSchema>;
export type DigestStatusJson = z.infer<typeof digestStatusJsonSchema>;
export type DigestLastRun = z.infer<typeof digestLastRunSchema>;
export type DigestJson = z.infer<typeof digestJsonSchema>;
export type DigestNowJson = z.infer<typeof digestNowJsonSchema>;
export type ErrorJson = z.infer<typeof errorJsonSchema>;
export type WatchJson = z.infer<typeof watchJsonSchema>;
export type WatchOnJson = z.infer<typeof watchOnJsonSchema>;
export type WatchListJson = z.infer<typeof watchListJsonSchema>;
export type WatchOffJson = z.infer<typeof watchOffJsonSchema>;
export type WatchAlertJson = z.infer<typeof watchAlertJsonSchema>;
export type CorrectionsJson = z.infer<typeof correctionsJsonSchema>;

/** Any `Answer.json`. `DigestJson` is the composed digest the runner posts; `ask` prints it as `DigestNowJson`. */
export type AnswerJson =
  | NewsJson
  | DealJson
  | NumberJson
  | FactsJson
  | CheckJson
  | HelpJson
  | DigestOnJson
  | DigestOffJson
  | DigestStatusJson
  | DigestJson
  | DigestNowJson
  | WatchOnJson
  | WatchListJson
  | WatchOffJson
  | WatchAlertJson
  | z.infer<typeof homeJsonSchema>
  | CorrectionsJson
  | ErrorJson;

/**
 * Every contract `ask --json` prints, by the name its line has in the README's "JSON contracts" block.
 * (The composed digest without `action` is not printed by `ask`, so it is not listed.)
 */
export const CONTRACTS = {
  news: newsJsonSchema,
  deal: dealJsonSchema,
  number: numberJsonSchema,
  facts: factsJsonSchema,
  check: checkJsonSchema,
  help: helpJsonSchema,
  'digest on': digestOnJsonSchema,
  'digest off': digestOffJsonSchema,
  'digest status': digestStatusJsonSchema,
  'digest now': digestNowJsonSchema,
  'watch on': watchOnJsonSchema,
  'watch list': watchListJsonSchema,
  'watch off': watchOffJsonSchema,
  corrections: correctionsJsonSchema,
  error: errorJsonSchema,
} as const satisfies Record<string, z.ZodType<AnswerJson>>;

export type ContractName = keyof typeof CONTRACTS;

/** The contract an answer's JSON falls under: `error` when it has one, else its command (and digest action). */
export function contractName(json: AnswerJson): ContractName | undefined {
  if ('error' in json) return 'error';
  if (json.command === 'digest' || json.command === 'watch') {
    const name = `${json.command} ${'action' in json ? json.action : ''}`;
    return name in CONTRACTS ? (name as ContractName) : undefined;
  }
  return json.command in CONTRACTS ? (json.command as ContractName) : undefined;
}
