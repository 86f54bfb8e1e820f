/**
 * One JSON file that holds a piece of state: read fresh on every access (so a second process, e.g. `ask`,
 * sees the bot's changes and the other way round), written atomically. A file that cannot be parsed or
 * does not match its schema is never silently emptied: it is renamed to `<file>.corrupt-<timestamp>`,
 * reported in the log, and the state starts again from empty.
 */
import { readFileSync, renameSync } from 'node:fs';
import type { z } from 'zod';
import { log } from '../log.ts';
import { removeStaleTempFiles, writeFileAtomic } from '../util/atomic-file.ts';

export class JsonDocument<T> {
  /**
   * @param schema reads the file's JSON into `T`
   * @param toJson `T` back as JSON data, where `T` holds what JSON cannot (a Map)
   */
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T, unknown>,
    private readonly empty: () => T,
    private readonly toJson: (data: T) => unknown = (data) => data,
  ) {
    removeStaleTempFiles(file);
  }

  read(): T {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw error;
    }
    let problem: string;
    try {
      const parsed = this.schema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      problem = `unexpected content at ${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message}`;
    } catch (error) {
      problem = `not valid JSON: ${(error as Error).message}`;
    }
    const aside = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(this.file, aside);
    log.error({ file: this.file, movedTo: aside, problem }, 'state file is corrupt: kept aside, starting from empty');
    return this.empty();
  }

  write(data: T): void {
    writeFileAtomic(this.file, `${JSON.stringify(this.toJson(data), null, 2)}\n`);
  }

  /** Reads, changes and writes back; the file on disk changes only if the whole write succeeds. */
  update(change: (data: T) => void): void {
    const data = this.read();
    change(data);
    this.write(data);
  }
}
