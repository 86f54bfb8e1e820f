/**
 * `/check <claim>`: what do the sources say about a stated deal or figure? The claim is read with the same
 * extractor as the articles, then compared with every stored fact about the same companies (or company,
 * metric and period). Each source shown either supports the claim or differs from it, and says how: the
 * amount, its qualifier ("up to"), the status ("still in talks"), the kind ("debt") or the direction. Verdicts:
 *   supported        — a source says the same, and none gives another amount for it;
 *   partly_supported — sources agree on the amount, but differ in qualifier, status, kind, currency or direction,
 *                      or do not give the amount;
 *   sources_differ   — one source says the same, another gives another amount for the same deal or figure;
 *   contradicted     — the sources give other amounts;
 *   not_found        — nothing about it in the articles;
 *   not_a_claim      — nothing to check: one name and no amount ("Amazon"), or an amount that is no number ("NaN").
 */
import { z } from 'zod';
import { dealItem, dealLine, figureItem, figureLine, formatFigure, formatMoney } from '../src/answer/facts.ts';
import { corrected, correctionJson, correctionOf, correctionsIn, correctionsNote } from '../src/answer/corrections.ts';
import type { Answer, AnswerItem } from '../src/answer/model.ts';
import { parseArticle } from '../src/corpus/load.ts';
import { sameValue } from '../src/extract/fact-store.ts';
import { extractFacts } from '../src/extract/facts.ts';
import { parseQuantities } from '../src/extract/money.ts';
import type { Amount, Deal, DealStatus, Figure, Qualifier } from '../src/extract/types.ts';
import type { Corpus } from '../src/search/corpus.ts';
import { readQuery } from './facts-common.ts';
import { parseArgs, type Command } from './types.ts';

const usage = [
  'Usage: /check <claim> — what do the articles say about a deal or a figure?',
  'Examples: /check Amazon will invest $50bn in OpenAI · /check Anthropic is worth $350 billion',
].join('\n');

const argsSchema = z.string().trim().min(3, 'Give me the claim to check, e.g. /check Amazon will invest $50bn in OpenAI.').max(2000, 'That claim is too long: keep it to a sentence or two (at most 2,000 characters).');

export type Verdict = 'supported' | 'partly_supported' | 'sources_differ' | 'contradicted' | 'not_found' | 'not_a_claim';

const TITLES: Record<Exclude<Verdict, 'partly_supported'>, string> = {
  supported: 'Supported by the sources',
  sources_differ: 'The sources differ',
  contradicted: 'The sources say otherwise',
  not_found: 'Not found in the articles',
  not_a_claim: 'Nothing to check',
};

/** What a source says otherwise than the claim. */
export interface Difference {
  aspect: 'amount' | 'qualifier' | 'currency' | 'status' | 'kind' | 'direction';
  /** What the source says, as a reader would put it: "$4B", "up to $50B", "still in talks", "debt". */
  source: string;
}

/** One stored deal or figure beside the claim. */
interface Compared {
  fact: Deal | Figure;
  item: AnswerItem;
  /** The deal or figure as one line (the JSON's `text`). */
  line: string;
  differences: Difference[];
  /** Another amount for what may well be the same deal or figure (not a cumulative total, not other talks). */
  conflicting: boolean;
}

/** Words that make an amount no number: "NaN Milliarden", "$Infinity billion". */
const NOT_A_NUMBER = /(?<![\p{L}\d])(?:NaN|[+-]?Infinity)(?![\p{L}\d])/iu;

export const check: Command<{ claim: string }> = {
  name: 'check',
  summary: 'What do the sources say about a claimed deal or figure?',
  usage,
  hint: '<claim>',
  parse(text) {
    return { claim: parseArgs(argsSchema, text) };
  },
  async run({ claim }, { corpus, store }): Promise<Answer> {
    const notANumber = NOT_A_NUMBER.exec(claim);
    if (notANumber) return notAClaim(claim, `“${notANumber[0]}” is not an amount. Give a number, e.g. /check Amazon will invest $50bn in OpenAI.`);
    // A claim is one statement: end it like a sentence so a short one is not taken for a heading.
    const claimArticle = parseArticle({ name: 'claim', raw: /[.!?]$/.test(claim) ? claim : `${claim}.` });
    const claimed = extractFacts(claimArticle, corpus.facts.catalog, { claim: true });
    let compared: Compared[] = [...claimed.deals.flatMap((d) => compareDeal(d, corpus)), ...claimed.figures.flatMap((f) => compareFigure(f, corpus))];
    if (claimed.deals.length === 0 && claimed.figures.length === 0) {
      const named = readQuery(claim, corpus.facts.names).entities;
      // "Amazon invests in OpenAI": no amount, two companies; any deal between them backs it.
      if (named.length < 2 || parseQuantities(claim, claimArticle.lang).length > 0) {
        return notAClaim(claim, 'A claim names who invests in whom, or a company and a figure, e.g. /check Amazon will invest $50bn in OpenAI or /check Anthropic is worth $350 billion.');
      }
      compared = dealsBetween(named.map((e) => e.id), corpus).map((d) => ({ fact: d, item: dealItem(d, corpus), line: dealLine(d), differences: [], conflicting: false }));
    }
    // What the team marked wrong does not count for the verdict; it is listed last, struck out (see corrections.ts).
    const corrections = await correctionsIn(store);
    const marks = new Map(compared.map((c) => [c, correctionOf([c.fact], corrections)]));
    const standing = relevant(compared.filter((c) => !marks.get(c)));
    const struck = relevant(compared).filter((c) => marks.get(c));
    const supports = standing.filter((c) => c.differences.length === 0);
    const verdict: Verdict =
      standing.length === 0
        ? 'not_found'
        : supports.length
          ? standing.some((c) => c.conflicting) ? 'sources_differ' : 'supported'
          : standing.some((c) => !c.differences.some((d) => d.aspect === 'amount'))
            ? 'partly_supported'
            : 'contradicted';
    const ordered = [...supports, ...standing.filter((c) => c.differences.length), ...struck];
    const partly = verdict === 'partly_supported' ? ordered.find((c) => !c.differences.some((d) => d.aspect === 'amount'))! : null;
    const notes = verdict === 'not_found' ? [`Nothing in the articles states “${claim}”. Try /deal or /number for what they do say.`] : [];
    notes.push(...correctionsNote(corrections));
    if (struck.length) notes.push(`Not counted: ${struck.length === 1 ? 'one source' : `${struck.length} sources`} the team marked wrong (struck out).`);
    return {
      command: 'check',
      title: partly ? `Partly supported: ${partly.differences.map((d) => d.source).join(', ')}` : TITLES[verdict as Exclude<Verdict, 'partly_supported'>],
      items: ordered.map((c) => corrected(c.item, marks.get(c))),
      notes,
      json: {
        command: 'check',
        claim,
        verdict,
        matches: ordered.map((c) => {
          const mark = marks.get(c);
          return {
            verdict: c.differences.length ? ('contradicted' as const) : ('supported' as const),
            stance: c.differences.length ? ('differs' as const) : ('supports' as const),
            differences: c.differences,
            text: c.line,
            citations: c.item.citations,
            ...(mark ? { correction: correctionJson(mark) } : {}),
          };
        }),
      },
    };
  },
};

/** Where a source agrees on the amount, other deals of the same company with other amounts are other deals: left out. */
function relevant(compared: Compared[]): Compared[] {
  const agreesOnAmount = (c: Compared) => !c.differences.some((d) => d.aspect === 'amount');
  return compared.some(agreesOnAmount) ? compared.filter((c) => agreesOnAmount(c) || c.conflicting) : compared;
}

function notAClaim(claim: string, note: string): Answer {
  return { command: 'check', title: TITLES.not_a_claim, items: [], notes: [note], json: { command: 'check', claim, verdict: 'not_a_claim', matches: [] } };
}

/** "Supports — " or "Differs (up to $50B, still in talks) — " before the source's line. */
function lead(differences: Difference[]): string {
  return differences.length ? `Differs (${differences.map((d) => d.source).join(', ')}) — ` : 'Supports — ';
}

// ── Deals ────────────────────────────────────────────────────────────────────────────────────────────

/** The stored deals between the claim's companies, in either direction, each beside the claim. */
function compareDeal(claimed: Deal, corpus: Corpus): Compared[] {
  if (!claimed.targetId) return [];
  const investors = claimed.investorIds;
  const same = (d: Deal) => d.targetId === claimed.targetId && investors.every((id) => d.investorIds.includes(id));
  // "Anthropic invests in Amazon" while the sources say Amazon invests in Anthropic: the direction differs.
  const reversed = (d: Deal) => investors.length === 1 && d.targetId === investors[0] && d.investorIds.includes(claimed.targetId!);
  const candidates = [...corpus.facts.dealsOf(claimed.targetId), ...investors.flatMap((id) => corpus.facts.dealsOf(id))];
  return [...new Set(candidates)]
    .filter((d) => same(d) || reversed(d))
    .map((d) => {
      const differences = [
        ...amountDifferences(claimed.amount, d.amount),
        ...(reversed(d) ? [{ aspect: 'direction' as const, source: `the other way round: ${d.investor} → ${d.target}` }] : []),
        ...statusDifference(claimed.status, d.status),
        ...(claimed.kind !== d.kind && claimed.kind !== 'unknown' && d.kind !== 'unknown' ? [{ aspect: 'kind' as const, source: d.kind }] : []),
      ];
      // Another amount counts against the claim when it is for the same parties as claimed (a claim naming no
      // investor is not contradicted by Microsoft's deal), not open-ended (a total "more than $13B") and not at
      // another stage (talks about a new deal beside a completed one).
      const conflicting =
        differences.some((x) => x.aspect === 'amount') && d.amount !== null && !OPEN_ENDED.has(d.amount.qualifier) &&
        !differences.some((x) => x.aspect === 'status') && (investors.length > 0 || d.investorIds.length === 0);
      return { fact: d, item: dealItem(d, corpus, { lead: lead(differences) }), line: dealLine(d), differences, conflicting };
    });
}

/** Qualifiers that bound an amount on one side only: a claim of another amount need not contradict them. */
const OPEN_ENDED = new Set<Qualifier>(['up_to', 'below', 'more_than', 'at_least']);

/** The claimed amount beside the source's: another value, no value, another currency, a bound where the claim is firm. */
function amountDifferences(claimed: Amount | null, source: Amount | null): Difference[] {
  if (!claimed || claimed.value === null) return [];
  if (!source || source.value === null) return [{ aspect: 'amount', source: 'amount not given' }];
  const printed = formatMoney(source);
  if (!agrees(claimed.value, source.value, source.max)) return [{ aspect: 'amount', source: printed }];
  const differences: Difference[] = [];
  if (claimed.currency && source.currency && claimed.currency !== source.currency) differences.push({ aspect: 'currency', source: printed });
  else if (boundOnly(claimed.qualifier, source.qualifier)) differences.push({ aspect: 'qualifier', source: printed });
  return differences;
}

/** A firm claim ("$50bn", "about $50bn") where the source gives only a bound ("up to $50B"). */
function boundOnly(claimed: Qualifier, source: Qualifier): boolean {
  return (claimed === 'exact' || claimed === 'about') && OPEN_ENDED.has(source);
}

const DONE: DealStatus[] = ['completed', 'historic'];
const NOT_YET: Partial<Record<DealStatus, string>> = { talks: 'still in talks', rumoured: 'only rumoured', planned: 'only planned', announced: 'announced, not completed' };

/** A claim of a done deal where the sources have talks, plans or a rejection; of a firm deal where they have talks. */
function statusDifference(claimed: DealStatus, source: DealStatus): Difference[] {
  if (claimed === source) return [];
  if (source === 'rejected') return [{ aspect: 'status', source: 'rejected' }];
  const firm = DONE.includes(claimed) || claimed === 'announced' || claimed === 'planned';
  const weaker = DONE.includes(claimed) ? !DONE.includes(source) : source === 'talks' || source === 'rumoured';
  return firm && weaker && NOT_YET[source] ? [{ aspect: 'status', source: NOT_YET[source]! }] : [];
}

/** Every stored deal that involves all of these companies. */
function dealsBetween(ids: string[], corpus: Corpus): Deal[] {
  const [first, ...others] = ids;
  return corpus.facts.dealsOf(first!).filter((d) => others.every((id) => corpus.facts.dealsOf(id).includes(d)));
}

// ── Figures ──────────────────────────────────────────────────────────────────────────────────────────

/** The stored figures of the same company, metric and (if the claim names one) period, each beside the claim. */
function compareFigure(claimed: Figure, corpus: Corpus): Compared[] {
  if (!claimed.entityId) return [];
  return corpus.facts
    .figuresOf(claimed.entityId)
    .filter((f) => f.metric === claimed.metric && (!claimed.period || f.period === claimed.period))
    .map((f) => {
      const printed = formatFigure(f);
      const differences: Difference[] = !agrees(claimed.value, f.value, f.max)
        ? [{ aspect: 'amount', source: printed }]
        : boundOnly(claimed.qualifier, f.qualifier)
          ? [{ aspect: 'qualifier', source: printed }]
          : [];
      // Two figures of one company, metric and period are the same figure: another value conflicts (as in /number).
      return { fact: f, item: figureItem(f, corpus, { lead: lead(differences) }), line: figureLine(f), differences, conflicting: differences.some((d) => d.aspect === 'amount') };
    });
}

/** The claimed value equals the source's (within rounding) or lies within its range. */
function agrees(claimed: number | null, value: number | null, max: number | null): boolean {
  if (claimed === null) return true;
  if (value !== null && max !== null) return claimed >= value && claimed <= max;
  return sameValue(claimed, value);
}
