/**
 * One writer per data folder. The JSON state files are read, changed and written whole: two processes on
 * one DATA_DIR would lose each other's updates and send the same digest twice. So the bot takes
 * `DATA_DIR/dealdesk.lock` (created exclusively, holding its pid, host and start time) and a second one
 * refuses to start with one line naming the owner. A lock whose process is gone (same host, pid not
 * running) is taken over; one from another host is not (its process cannot be checked from here).
 * Several replicas need a shared database instead.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { log } from '../log.ts';
import { isProcessRunning } from '../util/process.ts';

export const LOCK_FILE = 'dealdesk.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** The data folder is in use by another process: the message is the one line to show. */
export class DataDirLockedError extends Error {}

export interface DataLock {
  /** Gives the folder up (removes the lock if it is still this process's). */
  release(): void;
}

/** Takes the lock of `dataDir` for this process; throws `DataDirLockedError` if another live process has it. */
export function lockDataDir(dataDir: string, pid = process.pid): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      return { release: () => releaseIfMine(file, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(file);
    if (owner && (owner.host !== me.host || isProcessRunning(owner.pid))) {
      throw new DataDirLockedError(
        `DATA_DIR ${dataDir} is in use by another Dealdesk process (pid ${owner.pid} on ${owner.host}, since ${owner.since}). ` +
          `Stop that one or give this one its own DATA_DIR; if that process is gone, delete ${file}.`,
      );
    }
    log.warn({ file, owner }, 'taking over the data folder lock of a process that is gone');
    rmSync(file, { force: true });
  }
  throw new DataDirLockedError(`DATA_DIR ${dataDir}: could not take ${file}: another process keeps taking it.`);
}

/** The lock's owner; null when the file is unreadable or not a lock (then it is stale too). */
function ownerOf(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string') return { pid: owner.pid, host: owner.host, since: String(owner.since) };
  } catch {
    // Unreadable or half-written: treated as stale.
  }
  return null;
}

function releaseIfMine(file: string, me: LockOwner): void {
  const owner = ownerOf(file);
  if (owner?.pid === me.pid && owner.host === me.host && owner.since === me.since) rmSync(file, { force: true });
}
