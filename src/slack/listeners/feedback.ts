/**
 * 👍 and "👎 Wrong?" under an answer that shows facts (`renderBlocks` adds them), and the form 👎 opens.
 *
 * - 👍 stores a "helpful" record for the answer and thanks the user, privately.
 * - 👎 opens the form (`views.open`, within the 3 s its `trigger_id` lasts) over the facts of the answer the
 *   user saw, kept by id for an hour as for sharing. An answer no longer kept (an hour later, or after a
 *   restart: a mention's answer stays in its channel for good) is asked again: listing facts changes nothing.
 * - The submitted form is checked first: one whose fields do not hold is refused on the form itself
 *   (`response_action: errors`). Then the feedback is stored with the fact, its articles and the rule that
 *   read it, and, when "for everyone" is ticked, the fact is marked wrong in the correction log. The user is
 *   thanked privately where they clicked 👎 (that click's `response_url`: no scope, any conversation).
 *
 * Every write goes through the answerer to the one state store (the engine's, in Slack modes).
 */
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AnswerRequest, Answerer } from '../../app/answerer.ts';
import type { FeedbackReceipt } from '../../app/feedback.ts';
import { escapeMrkdwn, HELPFUL_ACTION_ID, WRONG_ACTION_ID, type AnswerRef } from '../../answer/blocks.ts';
import { REASON_LABELS } from '../../answer/corrections.ts';
import type { Answer } from '../../answer/model.ts';
import type { FactSnapshot, Reason } from '../../state/feedback.ts';
import { FEEDBACK_VIEW_ID, feedbackView, readSubmission } from './feedback-view.ts';
import { listener } from './listener.ts';
import { readAnswerRef, sharedAnswers, type SharedAnswers } from './shared-answers.ts';

type ButtonArgs = Pick<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>, 'ack' | 'body' | 'action' | 'respond'> & Pick<AllMiddlewareArgs, 'client'>;
type ViewArgs = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack' | 'body' | 'view'>;

export const HELPFUL_THANKS = 'Thanks — noted that this answer helped.';
export const NO_FACTS_TEXT = 'This answer shows no deal or figure to flag. Ask again, then use 👎 on the new answer.';

export function registerFeedback(app: App, answerer: Answerer): void {
  app.action<BlockAction<ButtonAction>>(HELPFUL_ACTION_ID, helpfulListener(answerer));
  app.action<BlockAction<ButtonAction>>(WRONG_ACTION_ID, wrongListener(answerer));
  app.view<ViewSubmitAction>(FEEDBACK_VIEW_ID, submissionListener(answerer));
}

/** 👍: a "helpful" record for the answer (no fact: it is about the whole answer), thanks in private. */
export function helpfulListener(answerer: Answerer) {
  return listener<ButtonArgs>(answerer, {
    what: 'helpful',
    channel: ({ body }) => body.channel?.id ?? body.user.id,
    user: ({ body }) => body.user.id,
    answer: async ({ body, action, respond }, request) => {
      const { line } = readAnswerRef(action.value);
      await answerer.recordFeedback({ user: body.user.id, channel: request.channel, line, verdict: 'helpful', fact: null, reason: null, note: null, everyone: false }, request.now);
      await respond(privately(HELPFUL_THANKS));
    },
    apologise: ({ respond }, text) => respond(privately(text)),
  });
}

/** "👎 Wrong?": the form over the answer's facts. */
export function wrongListener(answerer: Answerer, shared = sharedAnswers) {
  return listener<ButtonArgs>(answerer, {
    what: 'wrong',
    channel: ({ body }) => body.channel?.id ?? body.user.id,
    user: ({ body }) => body.user.id,
    answer: async ({ body, action, respond, client }, request) => {
      const ref = readAnswerRef(action.value);
      const { answer, id } = await keptOrAskedAgain(ref, answerer, request, shared);
      if (!answer.items.some((item) => item.fact)) return void (await respond(privately(NO_FACTS_TEXT)));
      await client.views.open({ trigger_id: body.trigger_id, view: feedbackView(answer, { id, line: ref.line, channel: request.channel, responseUrl: body.response_url }) });
    },
    apologise: ({ respond }, text) => respond(privately(text)),
  });
}

/** The submitted form: checked, stored (with a correction when "for everyone"), thanked for. */
export function submissionListener(answerer: Answerer, shared = sharedAnswers) {
  const submitted = ({ view }: ViewArgs) => readSubmission(view);
  return listener<ViewArgs>(answerer, {
    what: 'feedback form',
    refuse: async (args) => {
      const read = submitted(args);
      if (!('errors' in read)) return false;
      await args.ack({ response_action: 'errors', errors: read.errors });
      return true;
    },
    channel: (args) => {
      const read = submitted(args);
      return 'submission' in read ? read.submission.metadata.channel : args.body.user.id;
    },
    user: ({ body }) => body.user.id,
    answer: async (args, request) => {
      const read = submitted(args);
      if (!('submission' in read)) return; // refused in the ack
      const { metadata, factId, label, reason, note, everyone } = read.submission;
      const { answer } = await keptOrAskedAgain(metadata, answerer, request, shared);
      const fact = snapshotOf(answer, factId, label);
      const receipt = await answerer.recordFeedback({ user: args.body.user.id, channel: metadata.channel, line: metadata.line, verdict: 'wrong', fact, reason, note, everyone }, request.now);
      await postTo(metadata.responseUrl, privately(thanks(fact, reason, receipt)));
    },
    apologise: async (args, text) => {
      const read = submitted(args);
      if ('submission' in read) await postTo(read.submission.metadata.responseUrl, privately(text));
    },
  });
}

/** The kept answer `ref` names, or, when it is no longer kept, the answer to its line again (kept anew). */
async function keptOrAskedAgain(ref: AnswerRef, answerer: Answerer, request: AnswerRequest, shared: SharedAnswers): Promise<{ answer: Answer; id: string }> {
  const kept = shared.get(ref.id);
  if (kept) return { answer: kept, id: ref.id };
  const { file: _file, ...answer } = await answerer.answer(ref.line, request);
  return { answer, id: shared.keep(answer) };
}

/**
 * The fact picked, as the answer showed it: its line, articles and rule. If the answer no longer holds it (the
 * corpus changed since the form opened), the option's text stands for its line, without articles or rule.
 */
function snapshotOf(answer: Answer, factId: string, label: string): FactSnapshot {
  const item = answer.items.find((i) => i.fact?.id === factId);
  if (item?.fact) return { id: factId, text: item.text, articles: item.fact.articles, rule: item.fact.rule };
  return { id: factId, text: label.replace(/^\d+\.\s*/, ''), articles: [], rule: null };
}

/** What the user is told once the feedback is stored. */
function thanks(fact: FactSnapshot, reason: Reason, receipt: FeedbackReceipt): string {
  const about = `“${fact.text}” (${REASON_LABELS[reason]})`;
  return receipt.correction === null
    ? `Thanks — noted: ${about}. The team reads this feedback; ticking “Mark as wrong for everyone” strikes a fact out for the whole workspace.`
    : `Thanks — ${about} is marked wrong for everyone as correction #${receipt.correction}: answers show it struck out from now on. /corrections lists the marks; /corrections undo ${receipt.correction} undoes this one.`;
}

/** A message only the user sees, beside the one they clicked in (never replacing it); `text` is escaped. */
function privately(text: string) {
  return { response_type: 'ephemeral' as const, replace_original: false, text: escapeMrkdwn(text) };
}

/** Posts `message` to a `response_url`, as Bolt's `respond` does; throws when Slack refuses it. */
async function postTo(url: string, message: object): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
  if (!response.ok) throw new Error(`the response_url answered ${response.status}`);
}
