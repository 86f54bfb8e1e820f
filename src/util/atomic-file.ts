import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see either the old or the new content, never a torn one: the data goes to
 * a temporary file in the same folder, is flushed to disk, then renamed over the target (atomic on POSIX).
 * `data` may come in parts, for contents longer than a JavaScript string may be.
 */
export function writeFileAtomic(file: string, data: string | Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      for (const part of typeof data === 'string' ? [data] : data) writeSync(fd, part);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
