/** An answer posted to a channel unasked (the digest): the message in Block Kit, then its file, if any. */
import type { App } from '@slack/bolt';
import { renderBlocks } from '../answer/blocks.ts';
import type { Answer } from '../answer/model.ts';
import { uploadAnswerFile } from './listeners/files.ts';

/**
 * Posts `answer` to `channel`. Rejects when the message cannot be posted (the digest runner then retries or
 * disables the channel); a file that cannot be uploaded is logged and left out, as the message stands.
 */
export async function postAnswer(client: App['client'], channel: string, answer: Answer): Promise<void> {
  await client.chat.postMessage({ channel, ...renderBlocks(answer) });
  if (answer.file) await uploadAnswerFile(client, answer.file, { channel });
}
