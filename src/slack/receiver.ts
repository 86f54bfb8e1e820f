/**
 * Bolt's HTTP receiver (signature verification on, `/slack/events`) with two of Slack's rules Bolt 5.1
 * leaves out:
 * - a request timestamp more than five minutes in the future is rejected with 401 like a stale one
 *   (Bolt only rejects stale ones; a future timestamp would make a captured request replayable later);
 * - a form body declared with parameters (`application/x-www-form-urlencoded; charset=utf-8`) is parsed
 *   as a form: Bolt only recognises the bare type. The signature covers the body, not this header.
 */
import type { IncomingMessage } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import { log } from '../log.ts';

/** Slack's window for request timestamps, either way. */
const MAX_CLOCK_SKEW_S = 5 * 60;

const FORM = 'application/x-www-form-urlencoded';

export class SlackHttpReceiver extends HTTPReceiver {
  constructor(options: HTTPReceiverOptions, now: () => number = Date.now) {
    super(options);
    const verifyAndDispatch = this.requestListener;
    this.requestListener = (req, res) => {
      if (isFromTheFuture(req, now())) {
        log.warn({ url: req.url }, 'rejected a Slack request whose timestamp is more than five minutes in the future');
        res.writeHead(401).end();
        return;
      }
      const type = req.headers['content-type'];
      if (type && type !== FORM && type.split(';', 1)[0]!.trim().toLowerCase() === FORM) req.headers['content-type'] = FORM;
      verifyAndDispatch(req, res);
    };
  }
}

function isFromTheFuture(req: IncomingMessage, nowMs: number): boolean {
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  return Number.isFinite(timestamp) && timestamp > nowMs / 1000 + MAX_CLOCK_SKEW_S;
}
