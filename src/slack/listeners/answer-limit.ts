/**
 * Only so many answers at once. Answers are computed on the engine thread, so the thread that receives
 * Slack's requests keeps acking whatever the load; but a flood would still grow the engine's queue, and the
 * answers would arrive minutes late. So a request is refused at once, and its listener tells the user to try
 * again, when the answers in progress (waiting, computing or being sent) fill the window.
 *
 * The window adapts to how long answers take, as TCP's does to a network (additive increase, multiplicative
 * decrease): an answer slower than `maxLatencyMs` halves it, one faster than half of that widens it by one,
 * up to `limit`. Quick answers (a small corpus) allow many at once; slow ones (a large corpus, a flood of
 * searches) fewer, so that those admitted still arrive within a few seconds.
 */
export class AnswerLimit {
  private inProgress = 0;
  private window: number;

  /**
   * `limit`: answers in progress at most, however quick. `maxLatencyMs`: the answer time the window is
   * kept under (no adaptation when infinite: the window is then `limit`).
   */
  constructor(
    readonly limit: number,
    readonly maxLatencyMs = Infinity,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.window = Number.isFinite(maxLatencyMs) ? Math.min(limit, INITIAL_WINDOW) : limit;
  }

  /** Answers now waiting, computing or being sent. */
  get size(): number {
    return this.inProgress;
  }

  /** How many answers may be in progress now. */
  get allowed(): number {
    return this.window;
  }

  /** Whether a new answer would be refused now. */
  get full(): boolean {
    return this.inProgress >= this.window;
  }

  /** Runs `work` and resolves with its result; resolves `busy` at once, without running it, when full. */
  async run<T>(work: () => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
    if (this.full) return { busy: true };
    this.inProgress++;
    const started = this.clock();
    try {
      return { busy: false, value: await work() };
    } finally {
      this.inProgress--;
      this.adapt(this.clock() - started);
    }
  }

  private adapt(ms: number): void {
    if (!Number.isFinite(this.maxLatencyMs)) return;
    if (ms > this.maxLatencyMs) this.window = Math.max(1, Math.floor(this.window / 2));
    else if (ms < this.maxLatencyMs / 2) this.window = Math.min(this.limit, this.window + 1);
  }
}

/** The window to start with: a few answers at once until their times are known. */
const INITIAL_WINDOW = 16;

/** Answers in progress at most, per process: a bound on memory however fast the answers are. */
export const MAX_ANSWERS_IN_PROGRESS = 200;

/** Answers should arrive within a few seconds: the window of answers at once is kept so that they take less than this. */
export const MAX_ANSWER_LATENCY_MS = 2_000;

/** What a refused request is told. */
export const BUSY_TEXT = 'Dealdesk is busy right now — please try again in a minute.';
