/**
 * Downloads a feed with a time limit and a size cap, so a slow or huge response cannot stall or flood the
 * bot. Every failure (refused, timed out, HTTP error, too large) is a `FeedError` with a one-line reason.
 */

export class FeedError extends Error {}

export interface FetchFeedOptions {
  /** Whole request, body included. */
  timeoutMs?: number;
  maxBytes?: number;
}

export const FEED_TIMEOUT_MS = 15_000;
export const FEED_MAX_BYTES = 2 * 1024 * 1024;

export async function fetchFeed(url: string, { timeoutMs = FEED_TIMEOUT_MS, maxBytes = FEED_MAX_BYTES }: FetchFeedOptions = {}): Promise<string> {
  if (!/^https?:\/\//i.test(url)) throw new FeedError(`not an http(s) URL: ${url}`);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
        'user-agent': 'dealdesk-feed-reader/0.1',
      },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedError(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new FeedError(`response too large: ${declared} bytes (limit ${maxBytes})`);
    }
    const bytes = await readCapped(response, maxBytes);
    return new TextDecoder(charsetOf(response.headers.get('content-type'), bytes)).decode(bytes);
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (signal.aborted) throw new FeedError(`timed out after ${timeoutMs} ms`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new FeedError(cause?.code ?? cause?.message ?? (error as Error).message);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FeedError(`response too large: over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The charset from the Content-Type header, else from the XML declaration, else UTF-8. */
function charsetOf(contentType: string | null, bytes: Uint8Array): string {
  const declared =
    /charset="?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w-]+)/i.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1];
  if (!declared) return 'utf-8';
  try {
    return new TextDecoder(declared).encoding;
  } catch {
    return 'utf-8';
  }
}
