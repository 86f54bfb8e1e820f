import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { log } from '../log.ts';
import { isProcessRunning } from './process.ts';

/**
 * Writes a file so that readers see either the old or the new content, never a torn one: the data goes to
 * a temporary file in the same folder, is flushed to disk, then renamed over the target (atomic on POSIX).
 * `data` may come in parts, for contents longer than a JavaScript string may be, or as bytes.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempFileOf(file, process.pid);
  try {
    const fd = openSync(temp, 'w');
    try {
      if (data instanceof Uint8Array) writeSync(fd, data);
      else for (const part of typeof data === 'string' ? [data] : data) writeSync(fd, part);
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

/** The temporary file a write of `file` by process `pid` goes to first. */
function tempFileOf(file: string, pid: number): string {
  return `${file}.${pid}.${Date.now()}.tmp`;
}

/**
 * Removes the temporary files of `file` left by writes that died before their rename (kill -9, a full
 * disk): those of processes that no longer run. One that is still running may be writing it right now.
 */
export function removeStaleTempFiles(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^\.(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length - 1))?.[1];
    if (!name.startsWith(prefix) || !pid || (Number(pid) !== process.pid && isProcessRunning(Number(pid)))) continue;
    rmSync(path.join(dir, name), { force: true });
    log.info({ file: path.join(dir, name) }, 'removed a temporary file left by an interrupted write');
  }
}
