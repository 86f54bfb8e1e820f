import { z } from 'zod';
import { citationJson, conflictLine, figureItem, figureJson, findConflicts } from '../src/answer/facts.ts';
import { corrected, correctionJson, correctionOf, correctionsIn, correctionsNote } from '../src/answer/corrections.ts';
import { errorAnswer, type Answer } from '../src/answer/model.ts';
import { METRIC_CUES } from '../src/extract/cues.ts';
import type { Figure } from '../src/extract/types.ts';
import { analyzeQuery } from '../src/search/analyzer.ts';
import { fold, tokenize } from '../src/text/words.ts';
import { stem } from '../src/text/stem.ts';
import type { Corpus } from '../src/search/corpus.ts';
import { mergeSorted } from '../src/extract/sorted-lists.ts';
import { figureChart, MAX_CHART_POINTS } from '../src/answer/fact-charts.ts';
import { chartFile, fileStem } from '../src/answer/files.ts';
import { count } from '../src/text/plural.ts';
import { insertTop, readQuery, splitOutput } from './facts-common.ts';
import { parseArgs, type Command } from './types.ts';

const usage = [
  'Usage: /number <company> <what> [year] [chart] — the figure, its source, and every source that says otherwise.',
  'Add chart for the figure over time, each point with its source.',
  'Examples: /number anthropic valuation · /number Amazon Investitionen 2026 · /number new wealth 2045 · /number anthropic valuation chart',
].join('\n');

const MAX_FIGURES = 10;
const argsSchema = z.string().trim().min(1, 'Say which figure, e.g. /number anthropic valuation.').max(300, 'That question is too long; keep it to a few words.');

/** Query words for metrics that the article cues do not spell out. */
const METRIC_SYNONYMS: Record<string, string[]> = {
  worth: ['valuation'],
  wert: ['valuation'],
  capex: ['investment'],
  // A run-rate ("annual recurring revenue", "Umsatzlauf") is what start-ups give for revenue.
  revenue: ['revenue', 'run_rate'],
  umsatz: ['revenue', 'run_rate'],
  sales: ['revenue', 'run_rate'],
  invest: ['investment'],
  investments: ['investment'],
  investitionen: ['investment'],
  jobs: ['jobs', 'job_cuts'],
  stellen: ['jobs', 'job_cuts'],
  layoffs: ['job_cuts'],
  entlassungen: ['job_cuts'],
  share: ['market_share', 'share_price'],
  stock: ['share_price'],
  // A market's size ("/number genai spending", "/number markt ki-chips") next to a company's spending.
  spending: ['investment', 'market_size'],
  ausgaben: ['investment', 'market_size'],
  market: ['market_size', 'market_share'],
  markt: ['market_size', 'market_share'],
  growth: ['growth', 'revenue_growth'],
  wachstum: ['growth', 'revenue_growth'],
};

export const number: Command<{ query: string; output?: 'chart' }> = {
  name: 'number',
  summary: 'A figure (valuation, revenue, capex, job cuts …) with its source and any source that differs.',
  usage,
  hint: '<company> <what> [year] [chart]',
  parse(text) {
    const { text: query, output } = splitOutput(text, ['chart']);
    return { query: parseArgs(argsSchema, query), ...(output ? { output } : {}) };
  },
  async run({ query, output }, { corpus, store }): Promise<Answer> {
    const figures = findFigures(corpus, query);
    if (figures.length === 0) {
      const { entities, rest } = readQuery(query, corpus.facts.names);
      // Names close to what was typed help only when no company was recognised.
      const suggestions = entities.length === 0 ? corpus.facts.names.suggest(query, 3) : [];
      const hint = suggestions.length ? `Known names close to that: ${suggestions.join(', ')}. ${usage}` : usage;
      // Neither a company nor a metric it knows: bad input, as for /deal (`ask` exits 2). A known name
      // without such a figure is an answer: none.
      if (entities.length === 0 && !rest.some((word) => metricsOf(word).length > 0)) {
        const answer = errorAnswer('number', `I don't know a company or a figure called “${query}”.`, hint);
        return { ...answer, json: { ...answer.json, suggestions } };
      }
      const answer = errorAnswer('number', `No figure matches “${query}”.`, hint);
      return { ...answer, error: undefined, json: { command: 'number', query, figures: [], conflicts: [] } };
    }
    // A figure the team marked wrong is shown struck out and is in no conflict (see corrections.ts).
    const corrections = await correctionsIn(store);
    const marks = figures.map((f) => correctionOf([f], corrections));
    const standing = figures.flatMap((_, i) => (marks[i] ? [] : [i]));
    const conflicts = findConflicts(standing.map((i) => figures[i]!)).map((group) => group.map((j) => standing[j]!));
    const inConflict = new Set(conflicts.flat());
    const items = figures.map((f, i) => corrected(figureItem(f, corpus, { detail: inConflict.has(i) ? 'sources differ on this figure' : undefined }), marks[i]));
    const notes = [...conflicts.map((group) => conflictLine(group.map((i) => figures[i]!), corpus)), ...correctionsNote(corrections)];
    // The chart draws no figure the team marked wrong.
    const charted = output ? findFigures(corpus, query, MAX_CHART_POINTS).filter((f) => !correctionOf([f], corrections)) : [];
    const chart = output ? figureChart(charted, corpus, `${figures[0]!.subject} over time`) : null;
    const file = chart?.request ? await chartFile(chart.request, `${fileStem(figures[0]!.subject)}.png`) : null;
    const skipped = chart?.leftOut.length ? ` Not drawn: ${chart.leftOut.join(', ')}.` : '';
    if (chart) notes.unshift(chart.request ? `The chart shows ${count(chart.request.points.length, 'report')} over time, each coloured by its source.${skipped}` : `Nothing to chart: no figure with a value and a month.${skipped}`);
    return {
      command: 'number',
      title: `Figures for “${query}”`,
      items,
      notes,
      ...(file ? { file } : {}),
      json: {
        command: 'number',
        query,
        figures: figures.map((f, i) => ({
          ...figureJson(f),
          entity: f.entity || null,
          metric: f.metric,
          citations: items[i]!.citations.map(citationJson),
          ...(marks[i] ? { correction: correctionJson(marks[i]) } : {}),
        })),
        conflicts: conflicts.map((group) => ({ subject: figures[group[0]!]!.subject, figures: group })),
        ...(file ? { file: { name: file.name, format: 'png' as const, rows: chart!.request!.points.length } } : {}),
      },
    };
  },
};

/** Metrics a query word names ("Bewertung", "valuation", "capex" …). */
export function metricsOf(word: string): string[] {
  const folded = fold(word);
  const metrics = new Set(METRIC_SYNONYMS[folded] ?? []);
  for (const { metric, words } of METRIC_CUES) {
    if (words.some((cue) => cue === folded || (folded.length >= 5 && cue.length >= 5 && (cue.startsWith(folded) || folded.startsWith(cue))))) {
      metrics.add(metric);
    }
  }
  if (metrics.has('valuation')) metrics.add('ipo_valuation');
  return [...metrics];
}

/**
 * Figures matching the query, best first: the company (and its parts) if one is named, the metric if one
 * is named, the year if one is given; remaining words must appear in the figure's sentence or subject.
 */
export function findFigures(corpus: Corpus, query: string, limit = MAX_FIGURES): Figure[] {
  const { entities, years, rest } = readQuery(query, corpus.facts.names);
  const metrics = new Set(rest.flatMap(metricsOf));
  const otherWords = analyzeQuery(rest.filter((w) => metricsOf(w).length === 0).join(' '));
  // Candidates, newest first: the company's figures, else the metric's (both indexed), else all.
  const pool = entities.length
    ? newestOf(corpus, entities.map((e) => e.id))
    : corpus.facts.figuresOfMetricsNewestFirst(metrics, years.length === 1 ? years[0] : undefined);
  // Without other words no figure scores above this: once the top is full of such, the rest cannot enter.
  const bestPossible = (metrics.size ? 4 : 0) + (years.length ? 2 : 0);
  const best: Scored[] = [];
  for (const figure of pool) {
    if (metrics.size && !metrics.has(figure.metric)) continue;
    if (years.length && !years.some((y) => figure.period?.startsWith(y) || figure.sources.some((s) => s.quote.includes(y)))) continue;
    const wordHits = otherWords.length ? countWordHits(figure, otherWords) : 0;
    if (entities.length === 0 && metrics.size === 0 && wordHits === 0) continue;
    const score = (metrics.size ? 4 : 0) + (years.length && figure.period?.startsWith(years[0]!) ? 2 : 0) + wordHits;
    // The pool is newest first: among equal scores the one met first stays first.
    insertTop(best, { figure, score, wordHits }, limit, (a, b) => b.score - a.score);
    if (otherWords.length === 0 && best.length === limit && best.at(-1)!.score === bestPossible) break;
  }
  // Without a company, words that some figures hold say whose figure is meant ("genai spending" is not
  // "cloud spending"); when no figure holds them (a German source for "new wealth"), the metric decides.
  const named = entities.length === 0 && best.some((s) => s.wordHits > 0) ? best.filter((s) => s.wordHits > 0) : best;
  return named.map((s) => s.figure);
}

interface Scored {
  figure: Figure;
  score: number;
  /** How many of the query's other words its subject or sentences hold. */
  wordHits: number;
}

/** The figures of these companies (and their parts), newest first; a figure of two of them once. */
function newestOf(corpus: Corpus, ids: string[]): Iterable<Figure> {
  if (ids.length === 1) return corpus.facts.figuresNewestFirst(ids[0]!);
  const seen = new Set<Figure>();
  return [...mergeSorted(ids.map((id) => corpus.facts.figuresNewestFirst(id)), corpus.facts.newerFigureFirst)].filter((f) => !seen.has(f) && (seen.add(f), true));
}

/** How many of the other query words the figure's subject or sentences contain (stem or prefix). */
function countWordHits(figure: Figure, words: ReturnType<typeof analyzeQuery>): number {
  const raw = `${figure.subject} ${figure.sources.map((s) => s.quote).join(' ')}`;
  // Most figures hold none of the words: a cheap look for each term's first letters decides before stemming.
  const folded = fold(raw);
  const candidates = words.filter((w) => w.terms.some((term) => folded.includes(term.slice(0, 3))));
  if (candidates.length === 0) return 0;
  const text = tokenize(raw).map((t) => [stem(t.folded, 'de'), stem(t.folded, 'en')]).flat();
  return candidates.filter((w) => w.terms.some((term) => text.some((t) => t === term || (term.length >= 5 && t.startsWith(term))))).length;
}
