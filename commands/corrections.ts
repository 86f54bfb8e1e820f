/**
 * `/corrections`: the correction log — every fact the team marked wrong with 👎 "for everyone", who marked
 * it, when and why, and whether the mark still holds; `/corrections undo <number>` undoes a mark. Undoing
 * adds an entry to the log (who, when) and never deletes one: the fact is shown as its sources give it again,
 * and the log still says it was marked and by whom.
 */
import { z } from 'zod';
import { correctionMark } from '../src/answer/corrections.ts';
import { errorAnswer, type Answer, type AnswerItem } from '../src/answer/model.ts';
import type { CorrectionEntry } from '../src/state/feedback.ts';
import type { CommandContext } from '../src/context.ts';
import { count } from '../src/text/plural.ts';
import { parseArgs, type Command } from './types.ts';

const usage = [
  'Usage: /corrections — the facts the team marked wrong (👎 on an answer, "for everyone"), newest first.',
  '/corrections undo <number> — undo a mark: the fact is shown as the sources give it again; the log keeps both.',
  'Examples: /corrections · /corrections undo 3',
].join('\n');

/** Facts listed at most (the JSON and the log file have every one). */
const MAX_LISTED = 25;

/** Who undoes a mark outside Slack (the console, `ask`), as the log records it. */
export const LOCAL_USER = 'console';

const argsSchema = z.union([
  z.string().trim().regex(/^(?:list)?$/i).transform(() => ({ action: 'list' as const })),
  z
    .string()
    .trim()
    .regex(/^undo\s+#?\d{1,9}$/i)
    .transform((text) => ({ action: 'undo' as const, number: Number(/\d+/.exec(text)![0]) })),
], { error: 'Say /corrections to list them, or /corrections undo <number>, e.g. /corrections undo 3.' });

type Args = z.infer<typeof argsSchema>;

export const corrections: Command<Args> = {
  name: 'corrections',
  summary: 'The facts the team marked wrong, who marked them and why; undo a mark.',
  usage,
  hint: '[undo <number>]',
  parse: (text) => parseArgs(argsSchema, text),
  async run(args, ctx): Promise<Answer> {
    const log = await ctx.store.listCorrections();
    return args.action === 'list' ? list(log) : undo(log, args.number, ctx);
  },
};

/** One fact of the log: its latest mark, and the undo that followed it, if any. */
interface Marked {
  mark: CorrectionEntry;
  undo?: CorrectionEntry;
}

/** The marked facts, the one with the latest entry first. */
function markedFacts(log: readonly CorrectionEntry[]): Marked[] {
  const byFact = new Map<string, Marked>();
  for (const entry of log) {
    // Map order is first insertion: delete first, so the latest change comes last.
    const known = byFact.get(entry.fact.id);
    byFact.delete(entry.fact.id);
    if (entry.active) byFact.set(entry.fact.id, { mark: entry });
    else if (known) byFact.set(entry.fact.id, { mark: known.mark, undo: entry });
  }
  return [...byFact.values()].reverse();
}

/** A marked fact as a row: its line struck out while the mark holds, its articles and rule, how to undo. */
function row({ mark, undo }: Marked): AnswerItem {
  const articles = mark.fact.articles.length ? `from ${mark.fact.articles.join(', ')}` : 'articles not known';
  const how = undo ? 'undone' : `undo: /corrections undo ${mark.number}`;
  return {
    text: mark.fact.text,
    detail: [articles, ...(mark.fact.rule ? [`rule ${mark.fact.rule}`] : []), how].join(' · '),
    citations: [],
    correction: correctionMark(mark, undo),
  };
}

/** A row in the JSON contract. */
function rowJson({ mark, undo }: Marked) {
  return {
    number: mark.number,
    fact_id: mark.fact.id,
    text: mark.fact.text,
    articles: mark.fact.articles,
    rule: mark.fact.rule,
    active: !undo,
    by: mark.by,
    at: mark.at,
    reason: mark.reason,
    note: mark.note,
    undone: undo ? { by: undo.by, at: undo.at } : null,
  };
}

function list(log: readonly CorrectionEntry[]): Answer {
  const marked = markedFacts(log);
  const shown = marked.slice(0, MAX_LISTED);
  const active = marked.filter((m) => !m.undo).length;
  const notes = marked.length
    ? ['A marked fact is shown struck out in answers and left out of digests; the articles are never changed.']
    : ['Nothing is marked wrong. 👎 on an answer, then "Mark as wrong for everyone", marks a fact for the whole workspace.'];
  if (marked.length > shown.length) notes.push(`… and ${marked.length - shown.length} more (ask --json "/corrections" lists every one).`);
  return {
    command: 'corrections',
    title: marked.length ? `Corrections: ${count(active, 'fact')} marked wrong${active < marked.length ? `, ${marked.length - active} undone` : ''}` : 'No corrections',
    items: shown.map(row),
    notes,
    json: { command: 'corrections', action: 'list', corrections: marked.map(rowJson) },
  };
}

async function undo(log: readonly CorrectionEntry[], number: number, ctx: CommandContext): Promise<Answer> {
  const entry = log.find((e) => e.number === number);
  const latest = entry && [...log].reverse().find((e) => e.fact.id === entry.fact.id);
  const problem = !entry
    ? `There is no correction #${number}.`
    : !entry.active
      ? `#${number} is itself an undo.`
      : latest !== entry
        ? latest!.active
          ? `#${number} was marked again since: undo #${latest!.number} instead.`
          : `#${number} was undone already (#${latest!.number}).`
        : null;
  if (problem) return errorAnswer('corrections', problem, usage);
  const undone = await ctx.store.appendCorrection({ fact: entry!.fact, active: false, by: ctx.user ?? LOCAL_USER, at: ctx.now.toISOString(), reason: null, note: null });
  const marked: Marked = { mark: entry!, undo: undone };
  return {
    command: 'corrections',
    title: `Undone: correction #${number}`,
    items: [row(marked)],
    notes: ['Answers show this fact as its sources give it again. The log keeps the mark and this undo (/corrections).'],
    changedState: true,
    json: { command: 'corrections', action: 'undo', corrections: [rowJson(marked)] },
  };
}
