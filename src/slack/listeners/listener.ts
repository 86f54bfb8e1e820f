/**
 * `listener()`: how every Dealdesk listener is built, so that what all of them need is done here, once.
 *
 * A listener made with `listener(answerer, spec)` runs a request in five steps:
 *
 * 1. **Ack first.** Commands and actions carry an `ack`, called before anything else (Slack wants it within
 *    3 s). Events carry none: Bolt acked them before any listener ran. A form whose fields do not hold is
 *    refused in its ack instead (`spec.refuse`), and goes no further.
 * 2. **Ignore** the request if `spec.ignore` says so (duplicate deliveries, bots, the Messages tab).
 * 3. **The request**: its channel (`spec.channel`), who asks (`spec.user`) and `now` fixed as it arrives, so
 *    one request sees one "now" even while it waits for the engine.
 * 4. **The limit** (`AnswerLimit`): when too many answers are in progress already, the user is told at
 *    once to try again (`BUSY_TEXT`: in the ack itself where `spec.busyAck` can, else through
 *    `spec.apologise`) and nothing is computed.
 * 5. **The guard**: `spec.answer` runs; if it throws, the error is logged with a fresh error id
 *    (`handler: spec.what`) and the user gets a short apology with that id through `spec.apologise`, in the
 *    place the answer would have gone. The listener itself never throws: a failed apology is logged too.
 *
 * Why a wrapper rather than Bolt middleware: a wrapped listener is a plain function of Bolt's listener
 * arguments, so a test calls it like Bolt does (fake `ack`/`respond`, a real Web API client) and gets the
 * guard and the context with it; and where to apologise depends on the surface (ephemeral `respond`, a
 * thread reply, nowhere), which a listener knows and a global middleware would have to guess.
 */
import { randomBytes } from 'node:crypto';
import type { AnswerRequest, Answerer } from '../../app/answerer.ts';
import { log } from '../../log.ts';
import { AnswerLimit, BUSY_TEXT, MAX_ANSWER_LATENCY_MS, MAX_ANSWERS_IN_PROGRESS } from './answer-limit.ts';

/** What a surface tells `listener()`; `Args` are the Bolt listener arguments it uses. */
export interface ListenerSpec<Args> {
  /** The handler's name in the log (`handler` field, "Slack <what> handler failed"): `/news`, `app_mention`. */
  what: string | ((args: Args) => string);
  /** The channel the request came from: the context's `channel`. */
  channel: (args: Args) => string;
  /** Who asks (a Slack user id): the context's `user`. */
  user?: (args: Args) => string | undefined;
  /**
   * Checked before the ack: when the request cannot go on (a submitted form whose fields do not hold), acks
   * it with the refusal (`response_action: errors`, shown on the form) and returns true.
   */
  refuse?: (args: Args) => Promise<boolean>;
  /** True drops the request after the ack, before any work (and without an apology). */
  ignore?: (args: Args) => boolean | Promise<boolean>;
  /** The work: answer (through `answerer`) and reply. `request` is step 3's. */
  answer: (args: Args, request: AnswerRequest) => Promise<unknown>;
  /** Sends the apology `text` where the answer would have gone. */
  apologise: (args: Args, text: string) => Promise<unknown>;
  /**
   * Acks with the "busy" `text` itself, where the surface shows an ack's body (slash commands): when the
   * limit is reached, the refusal then costs no second request to Slack.
   */
  busyAck?: (args: Args, text: string) => Promise<unknown>;
}

/** Bolt hands commands and actions an `ack`; an event's is `undefined` (or absent in a test's fake arguments). */
interface MaybeAck {
  ack?: (() => Promise<void>) | undefined;
}

/** The limit of every listener that is given none: one per process. */
const processLimit = new AnswerLimit(MAX_ANSWERS_IN_PROGRESS, MAX_ANSWER_LATENCY_MS);

/**
 * A Bolt listener running `spec` with the ack, the request, the limit and the apology guard (see above).
 * `limit`: the limit it counts against (tests give their own).
 */
export function listener<Args extends MaybeAck>(answerer: Answerer, spec: ListenerSpec<Args>, limit: AnswerLimit = processLimit): (args: Args) => Promise<void> {
  return async (args) => {
    const what = typeof spec.what === 'string' ? spec.what : spec.what(args);
    if (spec.busyAck && limit.full) {
      log.debug({ handler: what, inProgress: limit.size }, 'busy: request refused in its ack');
      await spec.busyAck(args, BUSY_TEXT);
      return;
    }
    if (await spec.refuse?.(args)) return;
    await args.ack?.();
    if (await spec.ignore?.(args)) return;
    const user = spec.user?.(args);
    const request: AnswerRequest = { channel: spec.channel(args), now: answerer.now(), surface: 'slack', ...(user ? { user } : {}) };
    const apologise = (text: string) => spec.apologise(args, text);
    await guarded(
      what,
      async () => {
        const done = await limit.run(() => spec.answer(args, request));
        if (!done.busy) return;
        log.debug({ handler: what, inProgress: limit.size }, 'busy: request refused');
        await apologise(BUSY_TEXT);
      },
      apologise,
    );
  };
}

function apologyText(errorId: string): string {
  return `Sorry, something went wrong while answering that. Please try again; if it keeps failing, tell the Dealdesk team error id \`${errorId}\`.`;
}

/**
 * Runs `work`; if it throws, logs the error with a fresh id and sends `apologyText(id)` through `apologise`.
 * Never throws itself: a failed apology is logged too.
 */
async function guarded(what: string, work: () => Promise<unknown>, apologise: (text: string) => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const errorId = randomBytes(4).toString('hex');
    log.error({ err: error, errorId, handler: what }, `Slack ${what} handler failed`);
    try {
      await apologise(apologyText(errorId));
    } catch (apologyError) {
      log.error({ err: apologyError, errorId }, 'could not send the apology either');
    }
  }
}
