/**
 * Storing a 👍 or a 👎 (src/slack/listeners/feedback.ts): one feedback record, and for a 👎 marked "for
 * everyone" a mark in the correction log, so that answers show the fact struck out from then on. Runs where
 * the state store is (the engine thread in Slack modes), so that every write goes through one store.
 */
import { randomUUID } from 'node:crypto';
import type { FeedbackInput } from '../state/feedback.ts';
import type { StateStore } from '../state/types.ts';

/** What storing feedback did: the number of the mark it made in the correction log, if it made one. */
export interface FeedbackReceipt {
  correction: number | null;
}

export async function recordFeedback(store: StateStore, input: FeedbackInput, now: Date): Promise<FeedbackReceipt> {
  const at = now.toISOString();
  await store.recordFeedback({ id: randomUUID(), at, ...input });
  if (input.verdict !== 'wrong' || !input.everyone || !input.fact) return { correction: null };
  const mark = await store.appendCorrection({ fact: input.fact, active: true, by: input.user, at, reason: input.reason, note: input.note });
  return { correction: mark.number };
}
