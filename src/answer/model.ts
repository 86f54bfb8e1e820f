/**
 * The one answer shape every command returns. Renderers (console text, JSON, Slack Block Kit) read it;
 * commands never know which renderer will be used.
 */
import type { AnswerJson, ErrorJson } from './contracts.ts';

/** A half-open character range [start, end) inside a string, used to highlight (bold) parts of it. */
export type Span = [start: number, end: number];

/** Where a statement comes from. `quote` is the sentence as the article prints it (after Unicode clean-up). */
export interface Citation {
  /** File name of the article in the corpus, e.g. `003_74890980bce22e95.txt`. */
  article: string;
  outlet: string | null;
  /** ISO 8601, only as precise as the source (`2026-01-30`, `2026-01`). */
  date: string | null;
  /** The printed title, or the article's first sentence when it has none. */
  title: string | null;
  /** Where the article can be read (its `url:` front matter or sidecar entry), when known. */
  url: string | null;
  quote: string;
  /** Parts of `quote` to emphasise: matched words for search, the figure for deals and numbers. */
  highlights: Span[];
}

/** One row of an answer: a plain-text line (never markup) and the sources backing it. */
export interface AnswerItem {
  text: string;
  /** Optional second line: status, date, conflicts … */
  detail?: string;
  /** A Slack channel the row is about (a watch's, a digest's): Block Kit names it as a link after the detail. */
  channel?: string;
  citations: Citation[];
  /** Rows that show a deal or a figure: which one (what feedback on the row is about). */
  fact?: FactRef;
  /** Set when the team marked that fact wrong: shown struck out, with who, when and why. */
  correction?: CorrectionMark;
}

/** The fact a row shows: enough to store feedback on it without the corpus at hand. */
export interface FactRef {
  /** Its stable id (`factId`, src/extract/fact-id.ts). */
  id: string;
  /** The id of the rule that read it (`npm run feedback` counts flags per rule). */
  rule: string;
  /** The articles it comes from (file names, as cited). */
  articles: string[];
}

/**
 * A fact the team marked wrong (src/state/feedback.ts keeps the log). `by` is a Slack user id, or a local
 * name (`console`): only the Slack renderer turns it into a mention, and only when it is an id.
 */
export interface CorrectionMark {
  by: string;
  /** ISO instant. */
  at: string;
  /** Why, in words: `wrong amount`, `roles reversed` … */
  reason: string;
  /** The analyst's note, as typed (escaped wherever it is shown). */
  note: string | null;
  /** The number of the mark in the correction log (`/corrections undo <number>`). */
  number: number;
  /** Set when the mark was undone: the row is then shown as it is, and the corrections list says by whom. */
  undone?: { by: string; at: string };
}

/**
 * `J` narrows the JSON for code that knows which answer it builds or reads (`Answer<DealJson>`); commands
 * return the plain `Answer`, whose JSON is any of the contracts.
 */
export interface Answer<J extends AnswerJson = AnswerJson> {
  /** The command that produced it (`news`, `deal`, `number`, `help`, …). */
  command: string;
  title: string;
  items: AnswerItem[];
  /** Hints, caveats, "… and N more", conflicts. Plain text. */
  notes: string[];
  /** Set when the input was bad; the answer then explains usage. */
  error?: string;
  /** The Slack channel the answer is about (`/digest`): Block Kit names it as a channel link, `<#C123>`. */
  channel?: string;
  /** Set when answering changed what the bot remembers (`/digest on`, `off`): such an answer is not for sharing. */
  changedState?: true;
  /** A file that goes with the answer (an export, a chart): uploaded in Slack, saved by the console and `ask`. */
  file?: AnswerFile;
  /** The machine-readable form printed by `ask --json`: one of the JSON contracts in ./contracts.ts. */
  json: J;
}

/**
 * A file an answer comes with. Only plain data (it crosses to the Slack thread from the engine's): the bytes
 * as a `Uint8Array`.
 */
export interface AnswerFile {
  /** The file name: letters, digits, `-`, `_` and `.` only (`deals-openai.csv`), safe as a path. */
  name: string;
  /** What the file is, in words: the upload's title in Slack. */
  title: string;
  mime: 'text/csv' | 'image/png';
  bytes: Uint8Array;
}

/**
 * Posts an answer to a channel unasked (a digest, an alert), in a thread when `threadTs` is given; resolves
 * with the message's `ts` where there is one (Slack; not the console). Rejects on failure.
 */
export type PostAnswer = (channel: string, answer: Answer, options?: { threadTs?: string }) => Promise<{ ts?: string } | void>;

/** A polite answer to bad input: usage instead of a crash. */
export function errorAnswer(command: string, error: string, usage: string): Answer<ErrorJson> {
  return {
    command,
    title: error,
    items: [],
    notes: [usage],
    error,
    json: { command, error },
  };
}
