/**
 * The file an answer comes with (a CSV export, a chart), uploaded where the answer went with Slack's
 * `files.uploadV2` (upload URL, then `files.completeUploadExternal` to share it in the channel or thread).
 */
import type { App } from '@slack/bolt';
import type { AnswerFile } from '../../answer/model.ts';
import { log } from '../../log.ts';

/** Where the file goes: a channel, and a thread in it for mentions. */
export interface FileDestination {
  channel: string;
  threadTs?: string;
}

/**
 * Uploads `file` to `to`. Null when it is there; else what to tell the user (the bot is not in the channel,
 * or Slack refused the upload): the answer itself was given, only the file is missing.
 */
export async function uploadAnswerFile(client: App['client'], file: AnswerFile, to: FileDestination): Promise<string | null> {
  try {
    const upload = { file: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), filename: file.name, title: file.title };
    await client.filesUploadV2(to.threadTs ? { ...upload, channel_id: to.channel, thread_ts: to.threadTs } : { ...upload, channel_id: to.channel });
    return null;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? 'upload_failed';
    log.warn({ channel: to.channel, file: file.name, error: code }, 'could not upload an answer file');
    return NOT_HERE.has(code)
      ? `I could not attach ${file.name} here: I am not in this conversation. Invite me with /invite @Dealdesk, or ask me in a direct message.`
      : `I could not attach ${file.name} (Slack said: ${code}). Please try again in a minute.`;
  }
}

/** Slack's errors for a conversation the bot cannot post files to. */
const NOT_HERE = new Set(['not_in_channel', 'channel_not_found', 'access_denied']);
