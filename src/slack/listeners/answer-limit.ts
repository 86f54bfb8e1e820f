/**
 * Only so many answers at once. Answers are computed on the engine thread, so the thread that receives
 * Slack's requests keeps acking whatever the load; but a flood would still grow the engine's queue, and the
 * answers would arrive minutes late. Past `limit` answers in progress (waiting, computing or being sent) a
 * request is refused at once, and its listener tells the user to try again.
 */
export class AnswerLimit {
  private inProgress = 0;

  /** `limit`: answers in progress at most; more are refused (see `run`). */
  constructor(readonly limit: number) {}

  /** Answers now waiting, computing or being sent. */
  get size(): number {
    return this.inProgress;
  }

  /** Whether a new answer would be refused now. */
  get full(): boolean {
    return this.inProgress >= this.limit;
  }

  /** Runs `work` and resolves with its result; resolves `busy` at once, without running it, when `limit` answers are in progress. */
  async run<T>(work: () => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
    if (this.full) return { busy: true };
    this.inProgress++;
    try {
      return { busy: false, value: await work() };
    } finally {
      this.inProgress--;
    }
  }
}

/**
 * Answers in progress at most, per process: about a second of the engine's work at a few milliseconds per
 * answer. An answer that would wait longer is better refused with a "try again" than delivered late.
 */
export const MAX_ANSWERS_IN_PROGRESS = 200;

/** What a refused request is told. */
export const BUSY_TEXT = 'Dealdesk is busy right now — please try again in a minute.';
