/** An answer posted to a channel unasked (a digest, an alert): the message in Block Kit, then its file, if any. */
import type { App } from '@slack/bolt';
import { renderBlocks } from '../answer/blocks.ts';
import type { Answer } from '../answer/model.ts';
import { uploadAnswerFile } from './listeners/files.ts';

/**
 * Posts `answer` to `channel` (in the thread `threadTs`, if given) and resolves with the message's `ts`.
 * Rejects when the message cannot be posted (the digest runner then retries or disables the channel); a file
 * that cannot be uploaded is logged and left out, as the message stands.
 */
export async function postAnswer(client: App['client'], channel: string, answer: Answer, threadTs?: string): Promise<{ ts?: string }> {
  const posted = await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...renderBlocks(answer) });
  if (answer.file) await uploadAnswerFile(client, answer.file, { channel, ...(threadTs ? { threadTs } : {}) });
  return posted.ts ? { ts: posted.ts } : {};
}
