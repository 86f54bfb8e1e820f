/**
 * `listener()`: how every Dealdesk listener is built, so that what all of them need is done here, once.
 *
 * A listener made with `listener(ctx, spec)` runs a request in four steps:
 *
 * 1. **Ack first.** Commands and actions carry an `ack`, called before anything else (Slack wants it within
 *    3 s). Events carry none: Bolt acked them before any listener ran.
 * 2. **Ignore** the request if `spec.ignore` says so (duplicate deliveries, bots, the Messages tab).
 * 3. **The request's context**: `ctx` with the request's channel (`spec.channel`) and `now` fixed as the
 *    request arrives (spreading reads the `now` getter once), so one request sees one "now" even while it
 *    waits for its turn (`nextTurn` in commands.ts).
 * 4. **The guard**: `spec.answer` runs; if it throws, the error is logged with a fresh error id
 *    (`handler: spec.what`) and the user gets a short apology with that id through `spec.apologise`, in the
 *    place the answer would have gone. The listener itself never throws: a failed apology is logged too.
 *
 * Why a wrapper rather than Bolt middleware: a wrapped listener is a plain function of Bolt's listener
 * arguments, so a test calls it like Bolt does (fake `ack`/`respond`, a real Web API client) and gets the
 * guard and the context with it; and where to apologise depends on the surface (ephemeral `respond`, a
 * thread reply, nowhere), which a listener knows and a global middleware would have to guess.
 */
import { randomBytes } from 'node:crypto';
import type { CommandContext } from '../../context.ts';
import { log } from '../../log.ts';

/** What a surface tells `listener()`; `Args` are the Bolt listener arguments it uses. */
export interface ListenerSpec<Args> {
  /** The handler's name in the log (`handler` field, "Slack <what> handler failed"): `/news`, `app_mention`. */
  what: string | ((args: Args) => string);
  /** The channel the request came from: the context's `channel`. */
  channel: (args: Args) => string;
  /** True drops the request after the ack, before any work (and without an apology). */
  ignore?: (args: Args) => boolean;
  /** The work: answer and reply. `request` is the request's context (step 3). */
  answer: (args: Args, request: CommandContext) => Promise<unknown>;
  /** Sends the apology `text` where the answer would have gone. */
  apologise: (args: Args, text: string) => Promise<unknown>;
}

/** Bolt hands commands and actions an `ack`; an event's is `undefined` (or absent in a test's fake arguments). */
interface MaybeAck {
  ack?: (() => Promise<void>) | undefined;
}

/** A Bolt listener running `spec` with the ack, the request's context and the apology guard (see above). */
export function listener<Args extends MaybeAck>(ctx: CommandContext, spec: ListenerSpec<Args>): (args: Args) => Promise<void> {
  return async (args) => {
    await args.ack?.();
    if (spec.ignore?.(args)) return;
    const request = forChannel(ctx, spec.channel(args));
    const what = typeof spec.what === 'string' ? spec.what : spec.what(args);
    await guarded(
      what,
      () => spec.answer(args, request),
      (text) => spec.apologise(args, text),
    );
  };
}

/**
 * The command context for one Slack request: its channel, and `now` fixed when the request arrived
 * (spreading reads the `now` getter once). Other fields are kept as they are.
 */
function forChannel(ctx: CommandContext, channel: string): CommandContext {
  return { ...ctx, now: ctx.now, channel, surface: 'slack' };
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
