/**
 * The answers a user may still share: "Share in channel" posts the answer the user saw, never the command
 * run again (the data may have changed since, and running `/digest on` again would change the channel's
 * subscription). An ephemeral message cannot be read back from Slack, so the answers are kept here, by a
 * random id carried in the button: for an hour, at most `MAX_KEPT` (the oldest go first), and not across
 * restarts — an answer no longer kept is asked again, not re-run.
 */
import { randomBytes } from 'node:crypto';
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

  /** The answer kept under `id`, if it is still kept. */
  get(id: string): Answer | undefined {
    return this.kept.get(id);
  }
}

/** The process's answers to share (tests give their own). */
export const sharedAnswers = new SharedAnswers();
