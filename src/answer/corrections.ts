/**
 * Facts the team marked wrong, as answers show them. The marks come from the correction log in the state
 * store (src/state/feedback.ts); the articles are never changed.
 *
 * Where a marked fact goes, and why:
 * - **Answers to a question** (`/deal`, `/number`, `/check`, mentions) show it **struck out**, at its place,
 *   with who marked it, when and why. The reader asked about this company or claim: they see what the
 *   sources say, that the team disagrees, and whom to ask; a fact that silently vanished would look like a
 *   gap in the coverage, and a mark made in error would be invisible. It no longer counts, though: a struck
 *   figure is in no conflict (`/number`), a struck source neither supports nor contradicts a claim (`/check`).
 * - **The digest**, which the bot posts unasked to a whole channel and keeps to ten items, **leaves it out**
 *   and says how many it left out: a known-wrong fact should not take one of those places or be spread.
 * A story (`/deal`: one deal several outlets reported) is marked when any of its reports is.
 */
import { factIds } from '../extract/fact-id.ts';
import type { Deal, Figure } from '../extract/types.ts';
import { activeCorrections, MAX_NOTE, type CorrectionEntry, type Reason } from '../state/feedback.ts';
import { StateUnavailableError, type StateStore } from '../state/types.ts';
import { headOf } from '../text/chars.ts';
import type { AnswerItem, CorrectionMark } from './model.ts';

/** What each reason reads as, in the 👎 form and in answers. */
export const REASON_LABELS: Readonly<Record<Reason, string>> = {
  wrong_amount: 'wrong amount',
  wrong_company: 'wrong company',
  roles_reversed: 'roles reversed',
  not_a_deal: 'not a deal',
  outdated: 'outdated',
  other: 'other',
};

/** The marks in force, by fact id. */
export type Corrections = ReadonlyMap<string, CorrectionEntry>;

/**
 * The marks in force now (read fresh: a mark made a second ago shows in the next answer). When the state
 * cannot be read, none: the facts are still answered from the articles, and `unavailable` says the marks
 * could not be read, for the answer to say so.
 */
export async function correctionsIn(store: StateStore): Promise<Corrections> {
  try {
    return activeCorrections(await store.listCorrections());
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    return UNREADABLE;
  }
}

/** The marks when they could not be read (see `correctionsIn`). */
const UNREADABLE: Corrections = new Map();

/** What an answer notes when the team's marks could not be read. */
export function correctionsNote(corrections: Corrections): string[] {
  return corrections === UNREADABLE ? ["The team's corrections could not be read just now (the database is unreachable): a fact marked wrong may show as if it were not."] : [];
}

/** The mark in force on any of `facts` (the reports of one story, or one fact), if any. */
export function correctionOf(facts: readonly (Deal | Figure)[], corrections: Corrections): CorrectionEntry | undefined {
  if (corrections.size === 0) return undefined;
  for (const fact of facts) {
    for (const id of factIds(fact)) {
      const entry = corrections.get(id);
      if (entry) return entry;
    }
  }
  return undefined;
}

/** `item` with the mark `entry` (shown struck out), or as it is when there is none. */
export function corrected(item: AnswerItem, entry: CorrectionEntry | undefined): AnswerItem {
  return entry ? { ...item, correction: correctionMark(entry) } : item;
}

/** A log entry as a row shows it; `undo`, the entry that undid it. */
export function correctionMark(entry: CorrectionEntry, undo?: CorrectionEntry): CorrectionMark {
  return {
    by: entry.by,
    at: entry.at,
    reason: entry.reason ? REASON_LABELS[entry.reason] : 'no reason given',
    note: entry.note ? headOf(entry.note, MAX_NOTE) : null,
    number: entry.number,
    ...(undo ? { undone: { by: undo.by, at: undo.at } } : {}),
  };
}

/** How a renderer shows the parts of a correction line: who (a mention in Slack), and any other text. */
export interface LineStyle {
  who(by: string): string;
  text(text: string): string;
}

/**
 * "✗ #3 marked wrong by @ana on 2026-02-14: wrong amount — “It was $40B.”"; a mark that was undone starts
 * with ↺ and ends "; undone by @ben on 2026-02-15".
 */
export function correctionLine(mark: CorrectionMark, style: LineStyle): string {
  const note = mark.note ? ` — “${style.text(mark.note)}”` : '';
  const undone = mark.undone ? `; undone by ${style.who(mark.undone.by)} on ${day(mark.undone.at)}` : '';
  return `${mark.undone ? '↺' : '✗'} #${mark.number} marked wrong by ${style.who(mark.by)} on ${day(mark.at)}: ${style.text(mark.reason)}${note}${undone}`;
}

/** Whether a row is shown struck out: it has a mark, not undone. */
export function isStruck(item: AnswerItem): boolean {
  return item.correction !== undefined && !item.correction.undone;
}

/** The day of an ISO instant (UTC), as the log line shows it. */
function day(at: string): string {
  return at.slice(0, 10);
}

/** A mark in the JSON contracts: `correction` on a corrected row. */
export function correctionJson(entry: CorrectionEntry) {
  return { number: entry.number, by: entry.by, at: entry.at, reason: entry.reason, note: entry.note };
}
