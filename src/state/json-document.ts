/**
 * One JSON file that holds a piece of state: read fresh on every access (so a second process, e.g. `ask`,
 * sees the bot's changes and the other way round), written atomically. A file that cannot be parsed or
 * does not match its schema is never silently emptied: it is renamed to `<file>.corrupt-<timestamp>`,
 * reported in the log, and the state starts again from empty.
 */
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { log } from '../log.ts';
import { writeFileAtomic } from '../util/atomic-file.ts';

export class JsonDocument<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
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
    writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  /** Reads, changes and writes back; the file on disk changes only if the whole write succeeds. */
  update(change: (data: T) => void): void {
    const data = this.read();
    change(data);
    this.write(data);
  }
}

/** Temporary files left by a write that died before its rename (see `writeFileAtomic`). */
function removeStaleTempFiles(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(path.join(dir, name), { force: true });
  }
}
