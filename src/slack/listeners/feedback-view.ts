/**
 * The "👎 Wrong?" form (a Slack modal) and what its submission must hold.
 *
 * The form lists the answer's facts (the rows that show a deal or a figure, at most Slack's 100 options),
 * the reasons, an optional note and "Mark as wrong for everyone in this workspace". What the form needs
 * again on submission (the kept answer's id, the question, the channel and where to say thanks) travels
 * in its `private_metadata`, which Slack returns untouched in the signed submission.
 */
import type { types } from '@slack/bolt';
import { z } from 'zod';
import { cut } from '../../answer/blocks.ts';
import { REASON_LABELS } from '../../answer/corrections.ts';
import type { Answer } from '../../answer/model.ts';
import { FACT_ID } from '../../extract/fact-id.ts';
import { MAX_NOTE, REASONS } from '../../state/feedback.ts';
import { headOf } from '../../text/chars.ts';

/** The form's `callback_id`: its submissions come to the listener of this id. */
export const FEEDBACK_VIEW_ID = 'feedback_wrong_fact';

/** Slack's limits for a modal's parts. */
const VIEW_LIMITS = { options: 100, optionText: 75, contextText: 2000 } as const;

/** The box "for everyone": its one option's value. */
const EVERYONE = 'everyone';

/** What the form carries to its submission. */
export const viewMetadataSchema = z.object({
  /** The kept answer (`SharedAnswers`). */
  id: z.string().min(1).max(64),
  /** The question, to ask again when the answer is no longer kept. */
  line: z.string().max(500),
  channel: z.string().min(1).max(64),
  /** The `response_url` of the 👎 click: where the thanks go. */
  responseUrl: z.url({ protocol: /^https?$/ }).max(1000),
});
export type ViewMetadata = z.infer<typeof viewMetadataSchema>;

/** The form for `answer` (which has at least one row with a fact). */
export function feedbackView(answer: Answer, metadata: ViewMetadata): types.ModalView {
  const seen = new Set<string>();
  const options = answer.items.flatMap((item, i) => {
    if (!item.fact || seen.has(item.fact.id)) return [];
    seen.add(item.fact.id);
    return [{ text: plain(cut(`${i + 1}. ${item.text}`, VIEW_LIMITS.optionText)), value: item.fact.id }];
  }).slice(0, VIEW_LIMITS.options);
  return {
    type: 'modal',
    callback_id: FEEDBACK_VIEW_ID,
    // Within Slack's 3,000 characters whatever the line holds: 250 characters of it, escaped as JSON at most
    // six each, the response_url (at most 1,000) and two ids.
    private_metadata: JSON.stringify({ ...metadata, line: headOf(metadata.line, 250) } satisfies ViewMetadata),
    title: plain('What is wrong?'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [
      { type: 'context', elements: [plain(cut(`About your question: ${metadata.line}`, VIEW_LIMITS.contextText))] },
      {
        type: 'input',
        block_id: 'fact',
        label: plain('Which fact'),
        element: { type: 'static_select', action_id: 'fact', placeholder: plain('Pick the row of the answer'), options, ...(options.length === 1 ? { initial_option: options[0] } : {}) },
      },
      {
        type: 'input',
        block_id: 'reason',
        label: plain('What is wrong with it'),
        element: { type: 'radio_buttons', action_id: 'reason', options: REASONS.map((reason) => ({ text: plain(REASON_LABELS[reason]), value: reason })) },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: plain('Note'),
        element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: MAX_NOTE, placeholder: plain('What is right, and where it says so') },
      },
      {
        type: 'input',
        block_id: 'everyone',
        optional: true,
        label: plain('For everyone'),
        element: {
          type: 'checkboxes',
          action_id: 'everyone',
          options: [
            {
              text: plain('Mark as wrong for everyone in this workspace'),
              description: plain('Answers then show it struck out, with your name and the date. /corrections undoes it.'),
              value: EVERYONE,
            },
          ],
        },
      },
    ],
  };
}

/** The submitted state of the form's inputs, as Slack sends it (`view.state.values`). */
const stateSchema = z.object({
  fact: z.object({ fact: z.object({ selected_option: z.object({ value: z.string().regex(FACT_ID), text: z.object({ text: z.string() }) }) }) }),
  reason: z.object({ reason: z.object({ selected_option: z.object({ value: z.enum(REASONS) }) }) }),
  note: z.object({ note: z.object({ value: z.string().max(MAX_NOTE).nullish() }) }).optional(),
  everyone: z.object({ everyone: z.object({ selected_options: z.array(z.object({ value: z.literal(EVERYONE) })).max(1) }) }).optional(),
});

/** What the form says when a field does not hold, by its block. */
const FIELD_ERRORS: Record<string, string> = {
  fact: 'Pick the fact that is wrong.',
  reason: 'Say what is wrong with it.',
  note: `At most ${MAX_NOTE} characters, please.`,
  everyone: 'Tick the box or leave it.',
};

/** A submission that holds. */
export interface Submission {
  metadata: ViewMetadata;
  factId: string;
  /** The option's text: the fact's line when the answer is no longer kept. */
  label: string;
  reason: (typeof REASONS)[number];
  note: string | null;
  everyone: boolean;
}

/** The submission read, or the errors to show on the form (by block id). */
export function readSubmission(view: { private_metadata?: string; state?: { values?: unknown } }): { submission: Submission } | { errors: Record<string, string> } {
  const state = stateSchema.safeParse(view.state?.values);
  if (!state.success) {
    const blocks = new Set(state.error.issues.map((issue) => String(issue.path[0] ?? 'fact')));
    return { errors: Object.fromEntries([...blocks].map((block) => [block, FIELD_ERRORS[block] ?? FIELD_ERRORS.fact!])) };
  }
  let metadata: ViewMetadata;
  try {
    metadata = viewMetadataSchema.parse(JSON.parse(view.private_metadata ?? ''));
  } catch {
    // Slack returns what the form was opened with: a form that lost it is refused on its first field.
    return { errors: { fact: 'This form has expired: close it and press 👎 again.' } };
  }
  const { fact, reason, note, everyone } = state.data;
  const text = note?.note.value?.trim();
  return {
    submission: {
      metadata,
      factId: fact.fact.selected_option.value,
      label: fact.fact.selected_option.text.text,
      reason: reason.reason.selected_option.value,
      note: text ? text : null,
      everyone: (everyone?.everyone.selected_options.length ?? 0) > 0,
    },
  };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text };
}
