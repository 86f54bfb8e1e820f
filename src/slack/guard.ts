/** A failing handler becomes a short apology with an error id for the user, and the stack in the log. */
import { randomBytes } from 'node:crypto';
import { log } from '../log.ts';

function apologyText(errorId: string): string {
  return `Sorry, something went wrong while answering that. Please try again; if it keeps failing, tell the Dealdesk team error id \`${errorId}\`.`;
}

/**
 * Runs `work`; if it throws, logs the error with a fresh id and sends `apologyText(id)` through `apologise`.
 * Never throws itself: a failed apology is logged too.
 */
export async function guarded(what: string, work: () => Promise<unknown>, apologise: (text: string) => Promise<unknown>): Promise<void> {
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
