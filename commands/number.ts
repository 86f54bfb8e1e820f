import { z } from 'zod';
import { citationJson, conflictLine, figureItem, figureJson, findConflicts } from '../src/answer/facts.ts';
import { errorAnswer, type Answer } from '../src/answer/model.ts';
import { METRIC_CUES } from '../src/extract/cues.ts';
import type { Figure } from '../src/extract/types.ts';
import { analyzeQuery } from '../src/search/analyzer.ts';
import { fold, tokenize } from '../src/text/words.ts';
import { stem } from '../src/text/stem.ts';
import type { Corpus } from '../src/search/corpus.ts';
import { insertTop, readQuery } from './facts-common.ts';
import { parseArgs, type Command } from './types.ts';

const usage = [
  'Usage: /number <company> <what> [year] — the figure, its source, and every source that says otherwise.',
  'Examples: /number anthropic valuation · /number Amazon Investitionen 2026 · /number new wealth 2045',
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

export const number: Command<{ query: string }> = {
  name: 'number',
  summary: 'A figure (valuation, revenue, capex, job cuts …) with its source and any source that differs.',
  usage,
  hint: '<company> <what> [year]',
  parse(text) {
    return { query: parseArgs(argsSchema, text) };
  },
  run({ query }, { corpus }): Answer {
    const figures = findFigures(corpus, query);
    if (figures.length === 0) {
      const suggestions = corpus.facts.names.suggest(query, 3);
      const hint = suggestions.length ? `Known names close to that: ${suggestions.join(', ')}. ${usage}` : usage;
      // Neither a company nor a metric it knows: bad input, as for /deal (`ask` exits 2). A known name
      // without such a figure is an answer: none.
      const { entities, rest } = readQuery(query, corpus.facts.names);
      if (entities.length === 0 && !rest.some((word) => metricsOf(word).length > 0)) {
        const answer = errorAnswer('number', `I don't know a company or a figure called “${query}”.`, hint);
        return { ...answer, json: { ...answer.json, suggestions } };
      }
      const answer = errorAnswer('number', `No figure matches “${query}”.`, hint);
      return { ...answer, error: undefined, json: { command: 'number', query, figures: [], conflicts: [] } };
    }
    const conflicts = findConflicts(figures);
    const inConflict = new Set(conflicts.flat());
    const items = figures.map((f, i) => figureItem(f, corpus, { detail: inConflict.has(i) ? 'sources differ on this figure' : undefined }));
    const notes = conflicts.map((group) => conflictLine(group.map((i) => figures[i]!), corpus));
    return {
      command: 'number',
      title: `Figures for “${query}”`,
      items,
      notes,
      json: {
        command: 'number',
        query,
        figures: figures.map((f, i) => ({
          ...figureJson(f),
          entity: f.entity || null,
          metric: f.metric,
          citations: items[i]!.citations.map(citationJson),
        })),
        conflicts: conflicts.map((group) => ({ subject: figures[group[0]!]!.subject, figures: group })),
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
export function findFigures(corpus: Corpus, query: string): Figure[] {
  const { entities, years, rest } = readQuery(query, corpus.facts.names);
  const metrics = new Set(rest.flatMap(metricsOf));
  const otherWords = analyzeQuery(rest.filter((w) => metricsOf(w).length === 0).join(' '));
  // Candidates: the company's figures, else the metric's (both indexed), else all.
  const pool = entities.length
    ? [...new Set(entities.flatMap((e) => corpus.facts.figuresOf(e.id)))]
    : metrics.size
      ? corpus.facts.figuresWithMetrics(metrics)
      : corpus.facts.figures;
  const best: Scored[] = [];
  for (const figure of pool) {
    if (metrics.size && !metrics.has(figure.metric)) continue;
    if (years.length && !years.some((y) => figure.period?.startsWith(y) || figure.sources.some((s) => s.quote.includes(y)))) continue;
    const wordHits = otherWords.length ? countWordHits(figure, otherWords) : 0;
    if (entities.length === 0 && metrics.size === 0 && wordHits === 0) continue;
    const score = (metrics.size ? 4 : 0) + (years.length && figure.period?.startsWith(years[0]!) ? 2 : 0) + wordHits;
    const when = figure.period ?? corpus.get(figure.sources[0]!.article)?.date ?? '';
    insertTop(best, { figure, score, when, wordHits }, MAX_FIGURES, compareScored);
  }
  // Without a company, words that some figures hold say whose figure is meant ("genai spending" is not
  // "cloud spending"); when no figure holds them (a German source for "new wealth"), the metric decides.
  const named = entities.length === 0 && best.some((s) => s.wordHits > 0) ? best.filter((s) => s.wordHits > 0) : best;
  return named.map((s) => s.figure);
}

interface Scored {
  figure: Figure;
  score: number;
  /** When the figure holds: its period, else the date of the article that states it. */
  when: string;
  /** How many of the query's other words its subject or sentences hold. */
  wordHits: number;
}

/** `localeCompare` without arguments, but with one collator instead of one per call. */
const collate = new Intl.Collator().compare;

/** Best first: higher score, then the newer figure. */
function compareScored(a: Scored, b: Scored): number {
  return b.score - a.score || collate(b.when, a.when);
}


/** How many of the other query words the figure's subject or sentences contain (stem or prefix). */
function countWordHits(figure: Figure, words: ReturnType<typeof analyzeQuery>): number {
  const text = tokenize(`${figure.subject} ${figure.sources.map((s) => s.quote).join(' ')}`).map((t) => [stem(t.folded, 'de'), stem(t.folded, 'en')]).flat();
  return words.filter((w) => w.terms.some((term) => text.some((t) => t === term || (term.length >= 5 && t.startsWith(term))))).length;
}
