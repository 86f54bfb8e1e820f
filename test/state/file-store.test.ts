import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A crash between writing the temporary file and renaming it over the real one is simulated by making
// `renameSync` throw; everything else is the real file system.
const failRename = vi.hoisted(() => ({ next: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (failRename.next) {
        failRename.next = false;
        throw new Error('simulated crash before rename');
      }
      return fs.renameSync(from, to);
    },
  };
});

const { DIGESTS_FILE, FileStateStore, INGESTED_FILE, QUARANTINE_FILE } = await import('../../src/state/file-store.ts');
const { captureLogs, tempDir } = await import('../digest/helpers.ts');

const { subscription } = await import('./store-contract.ts');

afterEach(() => {
  failRename.next = false;
});

describe('FileStateStore', () => {
  it('keeps subscriptions, digest logs and arrivals across instances (restarts)', async () => {
    const dir = tempDir('state');
    const store = new FileStateStore(dir);
    await store.putSubscription(subscription('C1'));
    await store.putDigestLog('C1', { lastSlot: 'a', lastOutcome: 'sent', lastSentAt: 'b', coveredUntil: 'c', skippedSlots: [] });
    await store.recordIngested([{ article: 'x.md', url: null, textHash: 'h', source: 'folder', arrivedAt: '2026-02-02T00:00:00.000Z' }]);

    const reopened = new FileStateStore(dir);
    expect(await reopened.listSubscriptions()).toEqual([subscription('C1')]);
    expect((await reopened.getDigestLog('C1')).lastOutcome).toBe('sent');
    expect(await reopened.getDigestLog('C2')).toEqual({ lastSlot: null, lastOutcome: null, lastSentAt: null, coveredUntil: null, skippedSlots: [] });
    expect((await reopened.listIngested()).map((r) => r.article)).toEqual(['x.md']);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('stores a channel named %s like any other, and nothing reaches Object.prototype', async (channel) => {
    const dir = tempDir('state');
    await new FileStateStore(dir).putSubscription(subscription(channel));
    await new FileStateStore(dir).putDigestLog(channel, { lastSlot: 'a', lastOutcome: 'sent', lastSentAt: 'b', coveredUntil: 'c', skippedSlots: [] });
    const reopened = new FileStateStore(dir);
    expect(await reopened.getSubscription(channel)).toEqual(subscription(channel));
    expect(await reopened.listSubscriptions()).toEqual([subscription(channel)]);
    expect((await reopened.getDigestLog(channel)).lastOutcome).toBe('sent');
    expect(await reopened.getSubscription('C1')).toBeNull();
    expect(({} as Record<string, unknown>).subscription).toBeUndefined();
    expect(({} as Record<string, unknown>).log).toBeUndefined();
  });

  it('sets apart a channel whose stored time or zone does not hold, with one log line each; the others keep working', async () => {
    const logs = captureLogs();
    const dir = tempDir('state');
    const log = { lastSlot: null, lastOutcome: null, lastSentAt: null, coveredUntil: null, skippedSlots: [] };
    const channels = {
      C1: { subscription: subscription('C1'), log },
      C2: { subscription: subscription('C2', '99:99'), log },
      C3: { subscription: { ...subscription('C3'), timeZone: 'Mars/Olympus' }, log },
    };
    writeFileSync(path.join(dir, DIGESTS_FILE), JSON.stringify({ version: 1, channels }));
    const store = new FileStateStore(dir);
    expect(await store.listSubscriptions()).toEqual([subscription('C1')]);
    expect(await store.getSubscription('C3')).toBeNull();
    await store.putSubscription(subscription('C4'));
    expect((await new FileStateStore(dir).listSubscriptions()).map((s) => s.channel)).toEqual(['C1', 'C4']);
    const errors = logs.filter((l) => l.level === 50);
    expect(errors.map((l) => [l.channel, l.problem])).toEqual([
      ['C2', expect.stringContaining('not a time of day')],
      ['C3', expect.stringContaining('not an IANA time zone')],
    ]);
    const kept = JSON.parse(readFileSync(path.join(dir, QUARANTINE_FILE), 'utf8'));
    expect(Object.keys(kept)).toEqual(['C2', 'C3']);
    expect(kept.C2.entry).toEqual(channels.C2);
  });

  it('keeps the first arrival time of an article recorded twice', async () => {
    const store = new FileStateStore(tempDir('state'));
    const record = { article: 'x.md', url: null, textHash: null, source: 'folder', arrivedAt: '2026-02-02T00:00:00.000Z' };
    await store.recordIngested([record]);
    await store.recordIngested([{ ...record, arrivedAt: '2026-03-03T00:00:00.000Z' }]);
    expect(await store.listIngested()).toEqual([record]);
  });

  it('leaves the old file intact when the process dies between write and rename', async () => {
    const dir = tempDir('state');
    const store = new FileStateStore(dir);
    await store.putSubscription(subscription('C1', '08:00'));
    const before = readFileSync(path.join(dir, DIGESTS_FILE), 'utf8');

    failRename.next = true;
    await expect(store.putSubscription(subscription('C1', '09:30'))).rejects.toThrow('simulated crash');

    expect(readFileSync(path.join(dir, DIGESTS_FILE), 'utf8')).toBe(before);
    // A real crash leaves the temporary file behind: the next start removes it and reads the old state.
    // One of a process that still runs (it may be writing right now) is left alone.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(path.join(dir, `${DIGESTS_FILE}.${gone}.1700000000000.tmp`), '{"half":');
    writeFileSync(path.join(dir, `${DIGESTS_FILE}.${process.ppid}.1700000000000.tmp`), '{"half":');
    const restarted = new FileStateStore(dir);
    expect((await restarted.getSubscription('C1'))?.time).toBe('08:00');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([`${DIGESTS_FILE}.${process.ppid}.1700000000000.tmp`]);
  });

  it('reports a corrupt file and keeps it aside instead of silently emptying it', async () => {
    const logs = captureLogs();
    const dir = tempDir('state');
    writeFileSync(path.join(dir, DIGESTS_FILE), '{"version":1,"channels":{"C1":');
    const store = new FileStateStore(dir);

    expect(await store.listSubscriptions()).toEqual([]);
    const aside = readdirSync(dir).filter((name) => name.startsWith(`${DIGESTS_FILE}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe('{"version":1,"channels":{"C1":');
    expect(existsSync(path.join(dir, DIGESTS_FILE))).toBe(false);
    const report = logs.find((l) => l.msg.includes('state file is corrupt'));
    expect(report).toMatchObject({ level: 50, movedTo: path.join(dir, aside[0]!) });

    // The store goes on working with fresh state.
    await store.putSubscription(subscription('C2'));
    expect((await new FileStateStore(dir).listSubscriptions()).map((s) => s.channel)).toEqual(['C2']);
  });

  it('treats valid JSON of the wrong shape as corrupt too', async () => {
    const logs = captureLogs();
    const dir = tempDir('state');
    writeFileSync(path.join(dir, INGESTED_FILE), JSON.stringify({ version: 1, articles: [{ article: 7 }] }));
    expect(await new FileStateStore(dir).listIngested()).toEqual([]);
    expect(readdirSync(dir).some((name) => name.startsWith(`${INGESTED_FILE}.corrupt-`))).toBe(true);
    expect(logs.some((l) => l.msg.includes('state file is corrupt') && String(l.problem).includes('articles.0.article'))).toBe(true);
  });
});
