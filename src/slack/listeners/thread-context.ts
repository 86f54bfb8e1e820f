/**
 * A mention inside a thread is read in the thread's context. Two rules, kept deliberately simple:
 *
 * 1. **Check**: `check`, `stimmt das?`, `source?` … asks whether the thread's latest question holds up,
 *    read with its follow-ups (after "Amazon will invest $50bn in OpenAI" and "and Nvidia?", the Nvidia one).
 *    It becomes `/check <that question>`, answered by the `check` command of the registry.
 * 2. **Follow-up**: a short question (≤ 3 words after "and"/"und"/"what about" …) that names a company,
 *    e.g. "and Nvidia?", continues the last question asked in the thread:
 *    - if that question names two or more companies, the first is swapped for the new one
 *      ("how much is Amazon putting into OpenAI?" → "how much is Nvidia putting into OpenAI?");
 *    - otherwise the new company is appended ("/deal openai" → "/deal openai Nvidia"), which is how the
 *      commands take a second party.
 *    Companies are found with the corpus's names: its entity list and the companies its articles named. Questions are resolved oldest first, so a chain of
 *    follow-ups ("and Nvidia?", "and SoftBank?") keeps building on the original question.
 *
 * Anything else is answered as asked.
 */
import type { App } from '@slack/bolt';
import { plainText, stripBotMention } from './text.ts';
import { isCheckRequest } from '../../../commands/intents.ts';

/** The fields of a thread message that matter here (a subset of `conversations.replies` messages). */
export interface ThreadMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
}

/** Where company names are in a text (start/end offsets, surface text). */
export type FindNames = (text: string) => { start: number; end: number; text: string }[];

const FOLLOW_UP_LEAD = /^(?:and|und|also|what about|how about|und was ist mit|was ist mit|und bei|und für)\s+/i;
const MAX_FOLLOW_UP_WORDS = 3;
const THREAD_LIMIT = 100;

/** The messages of a thread, oldest first (the parent included). */
export async function fetchThread(client: App['client'], channel: string, threadTs: string): Promise<ThreadMessage[]> {
  const result = await client.conversations.replies({ channel, ts: threadTs, limit: THREAD_LIMIT });
  return result.messages ?? [];
}

/**
 * The line to answer for `question`, asked in a thread whose messages *before* it are `earlier` (oldest
 * first). Bot messages are skipped; the first message counts as a question even without a mention.
 */
export function threadLine(question: string, earlier: ThreadMessage[], botUserId: string | undefined, findNames: FindNames): string {
  const userMessages = earlier.filter((m) => !m.bot_id && m.user !== botUserId && m.text);
  const mention = botUserId ? `<@${botUserId}` : undefined;
  let previous: string | undefined;
  userMessages.forEach((m, i) => {
    if (i > 0 && mention && !m.text!.includes(mention)) return; // chat between people, not a question to us
    const text = asked(m.text!, botUserId);
    if (text && !isCheckRequest(text)) previous = resolveFollowUp(text, previous, findNames);
  });
  if (isCheckRequest(question)) {
    // A command line ("/deal openai Nvidia") is no claim: then the thread's first message is checked.
    const claim = previous && !previous.startsWith('/') ? previous : userMessages[0] ? asked(userMessages[0].text!, botUserId) : '';
    return claim ? `/check ${claim}` : '/check';
  }
  return resolveFollowUp(question, previous, findNames);
}

/** `question` read as a follow-up of `previous` (see the module comment), or `question` itself. */
export function resolveFollowUp(question: string, previous: string | undefined, findNames: FindNames): string {
  const core = question.trim().replace(FOLLOW_UP_LEAD, '').replace(/[?!.]+$/, '').trim();
  if (!previous || !core || core.startsWith('/') || core.split(/\s+/).length > MAX_FOLLOW_UP_WORDS) return question;
  const [name] = findNames(core);
  if (!name) return question;
  const before = findNames(previous);
  if (before.length >= 2) {
    const first = before[0]!;
    return previous.slice(0, first.start) + name.text + previous.slice(first.end);
  }
  return `${previous.replace(/[?!.]+$/, '').trim()} ${name.text}`;
}

function asked(text: string, botUserId: string | undefined): string {
  return plainText(stripBotMention(text, botUserId));
}
