/**
 * The answers a user may still share or give feedback on: "Share in channel" posts the answer the user saw,
 * never the command run again (the data may have changed since, and running `/digest on` again would change
 * the channel's subscription); "👎 Wrong?" lists the facts the user saw. An ephemeral message cannot be read
 * back from Slack, so the answers are kept here, by a random id carried in the buttons: for an hour, at most
 * `MAX_KEPT` (the oldest go first), and not across restarts — an answer no longer kept is not shared but
 * asked again (feedback asks again itself: listing facts changes nothing).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LIMITS, type AnswerRef } from '../../answer/blocks.ts';
import type { Answer } from '../../answer/model.ts';
import { ExpiringMap } from '../../util/expiring-map.ts';

/** How long an answer can be shared after it was given. */
export const SHARE_WINDOW_MS = 60 * 60 * 1000;

/** Answers kept at most: memory stays bounded however many are asked. */
const MAX_KEPT = 2_000;

export class SharedAnswers {
  private readonly kept: ExpiringMap<string, Answer>;

  constructor(now: () => number = Date.now) {
    this.kept = new ExpiringMap(SHARE_WINDOW_MS, MAX_KEPT, now);
  }

  /** Keeps `answer` for sharing; its id for the button. */
  keep(answer: Answer): string {
    const id = randomBytes(12).toString('base64url');
    this.kept.set(id, answer);
    return id;
  }

  /**
   * For an answer posted without a share button (a mention, the check shortcut): keeps it when a row shows a
   * fact, and returns what 👍 / "👎 Wrong?" carry; undefined when there is nothing to give feedback on.
   */
  feedbackRef(line: string, answer: Answer): AnswerRef | undefined {
    if (!answer.items.some((item) => item.fact)) return undefined;
    const { file: _file, ...kept } = answer;
    return { line, id: this.keep(kept) };
  }

  /** The answer kept under `id`, if it is still kept. */
  get(id: string): Answer | undefined {
    return this.kept.get(id);
  }
}

const answerRefSchema = z.object({ line: z.string().max(LIMITS.buttonValue), id: z.string().min(1).max(64) });

/** The kept answer a button names (its value, `AnswerRef` as JSON); throws for a value that is none. */
export function readAnswerRef(value: string | undefined): AnswerRef {
  return answerRefSchema.parse(JSON.parse(value ?? ''));
}

/** The process's answers to share (tests give their own). */
export const sharedAnswers = new SharedAnswers();
