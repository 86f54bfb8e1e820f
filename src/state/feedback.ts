/**
 * Feedback on answers and the correction log (issue 15, part 3), as the state store keeps them.
 *
 * - A **feedback record** is one 👍 or 👎: who, where, on which question, and for 👎 which fact (its id, its
 *   line as shown, its articles and the rule that read it), why, and the note typed. Records are only ever
 *   added: `npm run feedback` counts them.
 * - The **correction log** holds what the team marked wrong for the whole workspace. A mark (`active: true`)
 *   and its undoing (`active: false`, same fact) are both entries, numbered in order; nothing is edited or
 *   deleted, and the source articles are never touched. A fact is corrected while its latest entry is a mark.
 *
 * Files: `feedback.json` and `corrections.json` in DATA_DIR, written atomically (see `JsonDocument`). Each
 * entry is checked on its own: one that does not hold is moved to `<name>.quarantined.json` with one log
 * line, and the others keep working (a file that is no JSON at all is set aside whole, as every state file).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { log } from '../log.ts';
import { writeFileAtomic } from '../util/atomic-file.ts';
import { JsonDocument } from './json-document.ts';

/** What can be wrong with a fact, as the 👎 form offers it. */
export const REASONS = ['wrong_amount', 'wrong_company', 'roles_reversed', 'not_a_deal', 'outdated', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** Notes are cut to this many characters (the form allows no more). */
export const MAX_NOTE = 500;

/** The fact feedback is about, as the answer showed it: no corpus is needed to read the feedback back. */
export const factSnapshotSchema = z.object({
  /** `factId` (src/extract/fact-id.ts). */
  id: z.string().min(1).max(64),
  /** The row's line as shown (`Amazon → OpenAI: up to $50B`). */
  text: z.string(),
  /** Its articles (file names in the corpus folder). */
  articles: z.array(z.string()),
  /** The id of the rule that read it; null when the answer no longer held the fact. */
  rule: z.string().nullable(),
});
export type FactSnapshot = z.infer<typeof factSnapshotSchema>;

export const feedbackRecordSchema = z.object({
  id: z.string(),
  /** ISO instant. */
  at: z.string(),
  /** Slack user id (or `console`). */
  user: z.string(),
  channel: z.string(),
  /** The question the answer was for, as a command line (`/deal openai`). */
  line: z.string(),
  verdict: z.enum(['helpful', 'wrong']),
  /** 👎: the fact picked; 👍 is about the whole answer (null). */
  fact: factSnapshotSchema.nullable(),
  reason: z.enum(REASONS).nullable(),
  note: z.string().max(MAX_NOTE).nullable(),
  /** Whether it was also marked wrong for everyone (a correction). */
  everyone: z.boolean(),
});
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

export const correctionEntrySchema = z.object({
  /** 1, 2, 3 … in the order of the log: how `/corrections undo <number>` names a mark. */
  number: z.number().int().positive(),
  fact: factSnapshotSchema,
  /** `true` marks the fact wrong; `false` undoes the fact's mark. */
  active: z.boolean(),
  /** Who did it: a Slack user id, or `console`. */
  by: z.string(),
  /** ISO instant. */
  at: z.string(),
  /** A mark's reason and note; null on an undo. */
  reason: z.enum(REASONS).nullable(),
  note: z.string().max(MAX_NOTE).nullable(),
});
export type CorrectionEntry = z.infer<typeof correctionEntrySchema>;

/** What the store numbers: an entry before it has its place in the log. */
export type NewCorrection = Omit<CorrectionEntry, 'number'>;

/** The marks in force, by fact id: each fact's latest entry, where that is a mark. */
export function activeCorrections(entries: readonly CorrectionEntry[]): Map<string, CorrectionEntry> {
  const latest = new Map<string, CorrectionEntry>();
  for (const entry of entries) latest.set(entry.fact.id, entry);
  for (const [id, entry] of latest) if (!entry.active) latest.delete(id);
  return latest;
}

/** One entry that did not hold, as read. */
interface Invalid {
  entry: unknown;
  problem: string;
}

/**
 * A list of entries in one JSON file, `{ "version": 1, "entries": [...] }`, only ever appended to. Each entry
 * is checked on its own (see the module comment); `read` sets bad ones apart, once.
 */
export class EntryLog<T> {
  private readonly document: JsonDocument<{ entries: T[]; invalid: Invalid[] }>;

  constructor(
    readonly file: string,
    private readonly quarantineFile: string,
    entrySchema: z.ZodType<T>,
  ) {
    const fileSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()) }).transform(({ entries }) => {
      const valid: T[] = [];
      const invalid: Invalid[] = [];
      for (const entry of entries) {
        const parsed = entrySchema.safeParse(entry);
        if (parsed.success) valid.push(parsed.data);
        else invalid.push({ entry, problem: `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` });
      }
      return { entries: valid, invalid };
    });
    this.document = new JsonDocument(file, fileSchema, () => ({ entries: [], invalid: [] }), ({ entries }) => ({ version: 1, entries }));
  }

  /** Every entry that holds, in order; entries that do not are moved to the quarantine file first. */
  read(): T[] {
    const data = this.document.read();
    if (data.invalid.length) {
      const at = new Date().toISOString();
      const kept = readJsonArray(this.quarantineFile);
      for (const { entry, problem } of data.invalid) {
        kept.push({ entry, problem, at });
        log.error({ file: this.file, problem, movedTo: this.quarantineFile }, 'an entry in a state file does not hold: set apart, the others keep working');
      }
      writeFileAtomic(this.quarantineFile, `${JSON.stringify(kept, null, 2)}\n`);
      this.document.write({ entries: data.entries, invalid: [] });
    }
    return data.entries;
  }

  /** Adds the entry `make` builds from the entries so far (which it may number), and returns it. */
  append(make: (entries: readonly T[]) => T): T {
    const entries = this.read();
    const entry = make(entries);
    this.document.write({ entries: [...entries, entry], invalid: [] });
    return entry;
  }
}

/** A JSON file's array (empty when the file is missing or holds no array). */
function readJsonArray(file: string): unknown[] {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

export const FEEDBACK_FILE = 'feedback.json';
export const CORRECTIONS_FILE = 'corrections.json';

/** The two logs of a data folder. */
export class FeedbackFiles {
  readonly feedback: EntryLog<FeedbackRecord>;
  readonly corrections: EntryLog<CorrectionEntry>;

  constructor(dataDir: string) {
    const entryLog = <T>(name: string, schema: z.ZodType<T>) => new EntryLog(path.join(dataDir, name), path.join(dataDir, name.replace(/\.json$/, '.quarantined.json')), schema);
    this.feedback = entryLog(FEEDBACK_FILE, feedbackRecordSchema);
    this.corrections = entryLog(CORRECTIONS_FILE, correctionEntrySchema);
  }

  /** Adds `entry` to the correction log as the next number. */
  appendCorrection(entry: NewCorrection): CorrectionEntry {
    return this.corrections.append((entries) => ({ ...entry, number: entries.reduce((n, e) => Math.max(n, e.number), 0) + 1 }));
  }
}

/** A 👍 or 👎 as a front end hands it over: the record before it has an id and a time. */
export type FeedbackInput = Omit<FeedbackRecord, 'id' | 'at'>;
