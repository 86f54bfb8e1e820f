/**
 * Renders an Answer as Slack Block Kit: a header, one section per item, one context block per citation
 * (the quoted sentence with its highlights in bold, then outlet · date · title linking to the article), notes
 * as context.
 *
 * Two guarantees, whatever the answer holds:
 * - Slack never rejects the message: every limit in `LIMITS` is enforced (long answers are cut with
 *   "… and N more", long texts end in "…").
 * - No user or article text can ping (`<!channel>`, `<@U…>`) or carry a disguised link (`<https://…|bank>`):
 *   it is escaped for mrkdwn (`&`, `<`, `>`), and literal `*` is neutralised so only our bold is bold. The
 *   only links are the articles' own http(s) URLs, built here with the URL and the title escaped.
 *   Text objects are `verbatim`, so Slack does not auto-link or auto-mention inside them either.
 */
import type { types } from '@slack/bolt';
import { safeUrl, sourceParts } from './cite.ts';
import { correctionLine, isStruck } from './corrections.ts';
import type { Answer, AnswerItem, Citation, Span } from './model.ts';
import { applyHighlights } from './text.ts';
import { headOf } from '../text/chars.ts';

type KnownBlock = types.KnownBlock;
type ContextBlock = types.ContextBlock;
type MrkdwnElement = types.MrkdwnElement;

/** Slack's limits (Block Kit reference), plus our own cap of citations shown per item. */
export const LIMITS = {
  blocks: 50,
  headerText: 150,
  text: 3000,
  contextElements: 10,
  buttonValue: 2000,
  citationsPerItem: 5,
} as const;

/** Budgets inside one text object; each sum stays below `LIMITS.text`. */
const BUDGET = { itemText: 1000, detail: 1900, quote: 2400, label: 580, note: 2900, fallback: 3000 } as const;

/** The `action_id` of the "Share in channel" button; its value is `JSON.stringify({ line, id })` (`AnswerRef`). */
export const SHARE_ACTION_ID = 'share_answer';
/** The `action_id`s of 👍 and "👎 Wrong?" (values as the share button's): src/slack/listeners/feedback.ts. */
export const HELPFUL_ACTION_ID = 'feedback_helpful';
export const WRONG_ACTION_ID = 'feedback_wrong';

export interface BlockOptions {
  /** An ephemeral answer that may be shared: adds a "Share in channel" button carrying this. */
  share?: AnswerRef;
  /** An answer kept for feedback: adds 👍 and "👎 Wrong?" carrying this, when a row shows a fact. */
  feedback?: AnswerRef;
  /** The Slack user id of whoever shared the answer: adds "Shared by <@U…>". */
  sharedBy?: string;
}

export interface SlackMessage {
  /** Fallback for notifications and screen readers (mrkdwn, escaped). */
  text: string;
  blocks: KnownBlock[];
}

/** What the share and feedback buttons carry: the command line (for the logs, and to ask again), and the id the answer is kept under. */
export interface AnswerRef {
  line: string;
  id: string;
}

const ELLIPSIS = '…';

/** A Slack channel id (public, private or direct): the only thing `<#…>` is built from. */
const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;
/** A Slack user id: the only thing `<@…>` is built from (who marked a fact wrong, who shared an answer). */
const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

/** A user as a mention when the id is one, else as escaped text (`console`). */
function who(by: string): string {
  return SLACK_USER_ID.test(by) ? `<@${by}>` : escapeMrkdwn(by);
}

/** Escapes text for mrkdwn: `&`, `<`, `>` as entities, and `*` as the look-alike `∗` so it cannot open bold. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '∗');
}

export function renderBlocks(answer: Answer, opts: BlockOptions = {}): SlackMessage {
  const head: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(answer.title.trim() || 'Dealdesk', LIMITS.headerText), emoji: false } },
  ];
  const tail: KnownBlock[] = [];
  const notes = answer.notes.filter((note) => note.trim());
  if (notes.length) tail.push(notesBlock(notes));
  // A channel id is the only markup an answer carries, and only in this shape: Slack shows it as "#name".
  if (answer.channel && SLACK_CHANNEL_ID.test(answer.channel)) tail.push(context([`Channel: <#${answer.channel}>`]));
  const buttons = [
    ...(opts.share ? refButtons(opts.share, [[SHARE_ACTION_ID, 'Share in channel']]) : []),
    // Feedback is about facts: an answer without one (news, help) gets no thumbs.
    ...(opts.feedback && answer.items.some((item) => item.fact) ? refButtons(opts.feedback, [[HELPFUL_ACTION_ID, '👍'], [WRONG_ACTION_ID, '👎 Wrong?']]) : []),
  ];
  if (buttons.length) tail.push({ type: 'actions', elements: buttons });
  if (opts.sharedBy) tail.push(context([`Shared by ${who(opts.sharedBy)}`])); // a real mention: ours

  const groups = answer.items.map(itemBlocks);
  let budget = LIMITS.blocks - head.length - tail.length;
  const total = groups.reduce((n, group) => n + group.length, 0);
  if (total > budget) budget -= 1; // room for "… and N more"
  const body: KnownBlock[] = [];
  let shown = 0;
  for (const group of groups) {
    if (body.length + group.length > budget) break;
    body.push(...group);
    shown += 1;
  }
  if (shown < groups.length) body.push(context([`… and ${groups.length - shown} more`]));

  return { text: fallbackText(answer), blocks: [...head, ...body, ...tail] };
}

/**
 * Buttons that carry `ref` (`[action_id, label]` each). The line names the answer in the logs and is what is
 * asked again when the answer is no longer kept: a long one is cut so that the value fits.
 */
function refButtons(ref: AnswerRef, buttons: [actionId: string, label: string][]): types.Button[] {
  const value = JSON.stringify({ line: headOf(ref.line, 500), id: ref.id } satisfies AnswerRef);
  if (value.length > LIMITS.buttonValue) return [];
  return buttons.map(([actionId, label]) => ({ type: 'button', action_id: actionId, text: { type: 'plain_text', text: label, emoji: true }, value }));
}

/**
 * The section of one item (its line bold, or struck out when the team marked it wrong, with a line saying who,
 * when and why) and a context block per citation (at most `LIMITS.citationsPerItem`).
 */
function itemBlocks(item: AnswerItem): KnownBlock[] {
  const hidden = item.citations.length - LIMITS.citationsPerItem;
  const detail = [item.detail, hidden > 0 ? `+ ${hidden} more source${hidden === 1 ? '' : 's'}` : undefined].filter(Boolean).join(' · ');
  const text = item.text.trim() || ELLIPSIS;
  // A `~` of the text itself would end the strike early: a look-alike stands in.
  const lines = [isStruck(item) ? `~${fit(text, BUDGET.itemText, (t) => escapeMrkdwn(t).replace(/~/g, '∼'))}~` : `*${fit(text, BUDGET.itemText, escapeMrkdwn)}*`];
  const channel = item.channel && SLACK_CHANNEL_ID.test(item.channel) ? `<#${item.channel}>` : '';
  if (detail || channel) lines.push([detail && fit(detail, BUDGET.detail, escapeMrkdwn), channel].filter(Boolean).join(' · '));
  const section: KnownBlock = { type: 'section', text: mrkdwn(lines.join('\n')) };
  const correction = item.correction ? [context([correctionLine(item.correction, { who, text: escapeMrkdwn })])] : [];
  return [section, ...correction, ...item.citations.slice(0, LIMITS.citationsPerItem).map(citationBlock)];
}

/** “quote with **highlights**” and, below it, — outlet · date · title, the title linking to the article. */
function citationBlock(citation: Citation): ContextBlock {
  const quote = fit(citation.quote.trim(), BUDGET.quote, (text) => applyHighlights(text, tidySpans(text, citation.highlights), bold, escapeMrkdwn));
  const { outlet, date, title } = sourceParts(citation);
  const url = safeUrl(citation.url);
  const source = fit(`${outlet} · ${date}`, BUDGET.label, escapeMrkdwn);
  const linkText = title ?? 'the article';
  const titlePart = url ? link(url, linkText) : title ? escapeMrkdwn(title) : '';
  return context([`“${quote}”\n— ${source}${titlePart ? ` · ${titlePart}` : ''}`]);
}

/**
 * A mrkdwn link `<url|text>`: the URL with `&`, `<`, `>` and `|` escaped (it can neither end the link nor
 * start another), the text escaped like any text, its `|` replaced by a look-alike.
 */
function link(url: string, text: string): string {
  const href = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${href}|${escapeMrkdwn(text).replace(/\|/g, '∣')}>`;
}

/** Notes as one context block: one element per note, the overflow joined into the last element. */
function notesBlock(notes: string[]): ContextBlock {
  const max = LIMITS.contextElements;
  const grouped = notes.length <= max ? notes : [...notes.slice(0, max - 1), notes.slice(max - 1).join('\n')];
  return context(grouped.map((note) => fit(note, BUDGET.note, escapeMrkdwn)));
}

function fallbackText(answer: Answer): string {
  const lines = [answer.title, ...answer.items.map((item) => `• ${item.text}`)];
  return fit(lines.join('\n'), BUDGET.fallback, escapeMrkdwn);
}

function context(texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.map(mrkdwn) };
}

function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

function bold(text: string): string {
  return text ? `*${text}*` : '';
}

/**
 * Renders `raw` with `render` and, when the result is longer than `max`, renders ever shorter prefixes of
 * `raw` (ending in "…") until it fits. Cutting the input, never the output, keeps entities and bold intact.
 */
function fit(raw: string, max: number, render: (text: string) => string): string {
  let out = render(raw);
  let length = raw.length;
  while (out.length > max && length > 0) {
    length = Math.min(length - 1, Math.floor((length * max) / out.length));
    out = render(cut(raw, length + 1));
  }
  return out;
}

/** At most `max` characters (ending in "…" when cut), never splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return headOf(text, Math.max(0, max - ELLIPSIS.length)).trimEnd() + ELLIPSIS;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Highlight spans that Slack can render as bold: clipped to the text, widened to whole words (mrkdwn bold
 * does not work inside a word), narrowed past surrounding white space (`* x*` is not bold either), and
 * touching spans merged (`*a**b*` is not bold).
 */
function tidySpans(text: string, spans: Span[]): Span[] {
  const widened: Span[] = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    let start = Math.max(0, s);
    let end = Math.min(text.length, e);
    if (start >= end) continue;
    while (start > 0 && WORD_CHAR.test(text[start - 1]!) && WORD_CHAR.test(text[start]!)) start -= 1;
    while (end < text.length && WORD_CHAR.test(text[end]!) && WORD_CHAR.test(text[end - 1]!)) end += 1;
    const last = widened.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else widened.push([start, end]);
  }
  const out: Span[] = [];
  for (let [start, end] of widened) {
    while (start < end && /\s/.test(text[start]!)) start += 1;
    while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
    if (start < end) out.push([start, end]);
  }
  return out;
}
