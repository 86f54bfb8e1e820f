/** One process per data folder: the lock file, its takeover when its owner is gone, and the start that refuses. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../src/state/data-lock.ts';
import { tempDir } from '../helpers/corpus.ts';
import { runScript } from '../helpers/spawn.ts';
import { captureLog } from '../slack/fixtures.ts';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

const lockOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));

describe('the data folder lock', () => {
  it('is taken by one process; a second is refused with the owner named, until the first releases it', () => {
    const dir = tempDir('lock');
    const first = lockDataDir(dir);
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`pid ${process.pid} on ${hostname()}`);
    first.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it('is taken over from a process that is gone, or from a file that is not a lock', () => {
    const logged = captureLog('warn');
    try {
      for (const stale of [JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01' }), '', '{"half":']) {
        const dir = tempDir('lock');
        writeFileSync(path.join(dir, LOCK_FILE), stale);
        const lock = lockDataDir(dir);
        expect(lockOf(dir).pid).toBe(process.pid);
        lock.release();
      }
      expect(logged.lines.some((l) => /taking over/.test(l.msg))).toBe(true);
    } finally {
      logged.restore();
    }
  });

  it('is not taken from a process on another host (it cannot be checked from here)', () => {
    const dir = tempDir('lock');
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'elsewhere', since: '2026-01-01' }));
    expect(() => lockDataDir(dir)).toThrow('on elsewhere');
  });

  it('is left alone by a process that lost it: its release does not remove the new owner’s lock', () => {
    const dir = tempDir('lock');
    const old = lockDataDir(dir, deadPid());
    const current = lockDataDir(dir);
    old.release();
    expect(lockOf(dir).pid).toBe(process.pid);
    current.release();
  });

  it('makes `npm start` on a folder in use end with one clear line', async () => {
    const dir = tempDir('lock');
    const lock = lockDataDir(dir);
    try {
      const run = await runScript('src/main.ts', [], { DATA_DIR: dir, INDEX_DIR: path.join(dir, 'index'), LOG_LEVEL: 'warn' });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^DATA_DIR .* is in use by another Dealdesk process \(pid \d+ on /)]);
    } finally {
      lock.release();
    }
  });
});
