import { z } from 'zod';
import { citationJson, dealJson, figureLine } from '../src/answer/facts.ts';
import { corrected, correctionJson, correctionOf, correctionsIn, correctionsNote, type Corrections } from '../src/answer/corrections.ts';
import { groupDeals, storyItem, storyOf } from '../src/answer/stories.ts';
import { errorAnswer, type Answer, type AnswerFile } from '../src/answer/model.ts';
import type { Entity } from '../src/extract/entities.ts';
import type { Deal, Figure } from '../src/extract/types.ts';
import type { Corpus } from '../src/search/corpus.ts';
import { dealsCsvFile } from '../src/answer/csv.ts';
import { dealChart } from '../src/answer/fact-charts.ts';
import { chartFile, fileStem } from '../src/answer/files.ts';
import { count } from '../src/text/plural.ts';
import { readQuery, splitOutput, type FileOutput } from './facts-common.ts';
import { parseArgs, type Command } from './types.ts';

const usage = [
  'Usage: /deal <company> [other company] [year] [csv | chart] — every deal involving the company, newest first, each cited.',
  'Add csv for a spreadsheet of every deal with its sources, chart for its rounds by date and size.',
  'Examples: /deal openai · /deal amazon anthropic · /deal microsoft openai 2023 · /deal prometheus · /deal openai csv · /deal anthropic chart',
].join('\n');

/** A company with hundreds of deals gets the newest first and a hint to narrow the question. */
const MAX_DEALS = 25;
/** The newest deals grouped into stories for the answer: enough to fill it when many deals are one story told twice. */
const STORY_WINDOW = 2 * MAX_DEALS;
/** An export holds every deal, up to this many rows (a spreadsheet's worth; narrow by year past it). */
const MAX_EXPORT_DEALS = 10_000;

const argsSchema = z.string().trim().min(1, 'Name a company, e.g. /deal openai.').max(200, 'That is too long for a company name.');

export const deal: Command<{ query: string; output?: FileOutput }> = {
  name: 'deal',
  summary: 'Deals involving a company: investor → target, amount, status, date, sources.',
  usage,
  hint: '<company> [other company] [year] [csv | chart]',
  parse(text) {
    const { text: query, output } = splitOutput(text, ['csv', 'chart']);
    return { query: parseArgs(argsSchema, query), ...(output ? { output } : {}) };
  },
  async run({ query, output }, { corpus, now, store }): Promise<Answer> {
    const catalog = corpus.facts.names;
    const { entities, years, rest } = readQuery(query, catalog);
    if (entities.length === 0) {
      const suggestions = catalog.suggest(rest.join(' ') || query, 5);
      const answer = errorAnswer(
        'deal',
        `I don't know a company called “${query}”.`,
        suggestions.length ? `Did you mean: ${suggestions.join(', ')}?` : usage,
      );
      return { ...answer, json: { ...answer.json, suggestions } };
    }
    const [first, second] = entities as [Entity, Entity | undefined];
    // The newest deals, one story per deal however many outlets told it (see stories.ts).
    const newest = dealsFor(corpus, first, second, years, STORY_WINDOW);
    const grouped = groupDeals(newest.deals);
    const stories = grouped.slice(0, MAX_DEALS).map((members) => storyOf(members, corpus));
    // Deals past the window are counted as they are, one each.
    const total = grouped.length + (newest.total - newest.deals.length);
    const roles = stories.map((story) => roleOf(story.deal, first, corpus));
    // A story the team marked wrong (any of its reports) stays in its place, struck out (see corrections.ts).
    const corrections = await correctionsIn(store);
    const marks = stories.map((story) => correctionOf(story.members, corrections));
    const items = stories.map((story, i) => corrected(storyItem(story, corpus, second ? {} : { context: `${roles[i] === 'target' ? 'into' : 'by'} ${first.name} · ` }), marks[i]));
    const notes: string[] = [];
    if (total > stories.length && !output) {
      notes.push(`… and ${total - stories.length} more deals: narrow it with a second company or a year, e.g. /deal ${first.name.toLowerCase()} ${now.getFullYear()}.`);
    }
    if (entities.length > 2) notes.push(`I looked at the first two companies only: ${first.name} and ${second!.name}.`);
    if (!second) notes.push(...valuationNotes(corpus, first, years, corrections));
    notes.push(...correctionsNote(corrections));
    if (stories.length === 0) {
      notes.push(
        `No deal ${second ? `between ${first.name} and ${second.name}` : `involving ${first.name}`}${years.length ? ` in ${years.join(', ')}` : ''} in the corpus.`,
      );
    }
    const title = `${second ? `Deals between ${first.name} and ${second.name}` : `Deals involving ${first.name}`}${years.length ? ` in ${years.join(', ')}` : ''}`;
    const file = output && total > 0 ? await dealsFile(output, dealsFor(corpus, first, second, years, MAX_EXPORT_DEALS).deals, { corpus, first, second, years, title, total, corrections }) : null;
    if (file) notes.unshift(file.note);
    return {
      command: 'deal',
      title,
      items,
      ...(file?.file ? { file: file.file } : {}),
      notes,
      json: {
        command: 'deal',
        query,
        total,
        deals: stories.map((story, i) => ({
          ...dealJson(story.deal),
          role: roles[i]!,
          citations: items[i]!.citations.map(citationJson),
          reported_by: story.outlets,
          differences: story.differences,
          ...(marks[i] ? { correction: correctionJson(marks[i]) } : {}),
        })),
        ...(file?.file ? { file: { name: file.file.name, format: output === 'csv' ? ('csv' as const) : ('png' as const), rows: file.rows } } : {}),
      },
    };
  },
};

/** What `dealsFile` needs to know of the question. */
interface Asked {
  corpus: Corpus;
  first: Entity;
  second: Entity | undefined;
  years: string[];
  title: string;
  total: number;
  corrections: Corrections;
}

/**
 * The file of `/deal … csv` (every deal, a mark of the team's in its own column) or `/deal … chart` (the money
 * into the company by date and size, or all its deals when it received none; none the team marked wrong), with
 * the note that says what it holds.
 */
async function dealsFile(output: FileOutput, all: Deal[], { corpus, first, second, years, title, total, corrections }: Asked): Promise<{ file: AnswerFile | null; note: string; rows: number }> {
  const stem = `deals-${fileStem(first.name, second?.name ?? '', ...years)}`;
  if (output === 'csv') {
    const cut = total > all.length ? ` (the newest ${all.length} of ${total})` : '';
    return { file: dealsCsvFile(all, corpus, `${stem}.csv`, `${title} (CSV)`, corrections), note: `The spreadsheet has ${count(all.length, 'deal')}${cut}, each with its sources.`, rows: all.length };
  }
  const deals = all.filter((d) => !correctionOf([d], corrections));
  const into = second ? deals : deals.filter((d) => roleOf(d, first, corpus) === 'target');
  const { request, leftOut } = dealChart(into.length ? into : deals, corpus, `${title}: amounts by date`);
  const skipped = leftOut.length ? ` Not drawn: ${leftOut.join(', ')}.` : '';
  if (!request) return { file: null, note: `Nothing to chart: no deal with an amount and a month.${skipped}`, rows: 0 };
  const file = await chartFile(request, `${stem}.png`);
  return { file, note: `The chart shows ${count(request.points.length, 'deal')} by date and size, each coloured by its source.${skipped}`, rows: request.points.length };
}

type Role = 'target' | 'investor';

/** Whether the company (or a part of it) received the money or put it in. */
function roleOf(d: Deal, entity: Entity, corpus: Corpus): Role {
  const family = (id: string | null) => id !== null && (id === entity.id || corpus.facts.names.get(id)?.parent === entity.id);
  return family(d.targetId) ? 'target' : 'investor';
}

/**
 * Deals of the company, money into it first, then its own investments; or the deals between two
 * companies. Newest first by month, so one round reported with a month and with a day stays together;
 * within a month the news before the background, named investors before unnamed ones, bigger amounts first.
 * The first `limit` of them, and how many there are in all.
 */
function dealsFor(corpus: Corpus, first: Entity, second: Entity | undefined, years: string[], limit: number): { deals: Deal[]; total: number } {
  const withSecond = second ? new Set(corpus.facts.dealsOf(second.id)) : null;
  const newest = corpus.facts.dealsNewestFirst(first.id);
  const everyDeal = !withSecond && years.length === 0;
  // Newest first already: split into money into the company (any deal, with a second company) and its own investments.
  const into: Deal[] = [];
  const by: Deal[] = [];
  let total = 0;
  for (const d of newest) {
    if ((withSecond && !withSecond.has(d)) || (years.length && !years.some((y) => d.date?.startsWith(y)))) continue;
    total++;
    // Once both parts are full only the count goes on: no need to ask whose money it was.
    if (into.length >= limit && by.length >= limit) continue;
    if (second || roleOf(d, first, corpus) === 'target') {
      if (into.length < limit) into.push(d);
    } else if (by.length < limit) by.push(d);
    // Without a filter the count is known: stop once the money into the company fills the answer.
    if (everyDeal && into.length === limit) return { deals: into, total: newest.length };
  }
  return { deals: [...into, ...by].slice(0, limit), total };
}

/** Valuations noted under a company's deals: the newest few, the rest counted. */
const MAX_VALUATION_NOTES = 3;

/**
 * The company's valuations, as notes, newest first (by period, else by the article's date); with years asked
 * for, only those of these years. At most `MAX_VALUATION_NOTES`, then how many more `/number` shows. One the
 * team marked wrong says so (`/number` shows it struck out, with who and why).
 */
function valuationNotes(corpus: Corpus, entity: Entity, years: string[], corrections: Corrections): string[] {
  const top: Figure[] = [];
  let total = 0;
  for (const f of corpus.facts.figuresNewestFirst(entity.id)) {
    if (f.metric !== 'valuation' && f.metric !== 'ipo_valuation') continue;
    if (years.length && !years.some((y) => corpus.facts.whenOf(f).startsWith(y))) continue;
    total++;
    if (top.length < MAX_VALUATION_NOTES) top.push(f);
  }
  const notes = top.map((f) => {
    const article = corpus.get(f.sources[0]!.article);
    const mark = correctionOf([f], corrections);
    return `${figureLine(f)} (${[article?.outlet ?? 'outlet unknown', article?.date ?? 'undated'].join(', ')})${mark ? ` — marked wrong on ${mark.at.slice(0, 10)}` : ''}`;
  });
  if (total > top.length) notes.push(`… and ${total - top.length} more valuations: /number ${entity.name.toLowerCase()} valuation`);
  return notes;
}
