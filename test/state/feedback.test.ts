/** The feedback log and the correction log of the file store: kept across restarts, only appended to, bad entries set apart. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeCorrections, CORRECTIONS_FILE, FEEDBACK_FILE, type FeedbackRecord, type NewCorrection } from '../../src/state/feedback.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { captureLogs, tempDir } from '../digest/helpers.ts';

const fact = { id: 'd0123456789abcde', text: 'Amazon → OpenAI: up to $50B', articles: ['a.md', 'b.md'], rule: 'deal.invest' };

const wrong: FeedbackRecord = {
  id: 'r1',
  at: '2026-02-14T10:00:00.000Z',
  user: 'U1',
  channel: 'C1',
  line: '/deal openai',
  verdict: 'wrong',
  fact,
  reason: 'wrong_amount',
  note: 'It was $40B.',
  everyone: true,
};

const mark = (by: string, at: string): NewCorrection => ({ fact, active: true, by, at, reason: 'wrong_amount', note: null });
const undo = (by: string, at: string): NewCorrection => ({ fact, active: false, by, at, reason: null, note: null });

describe('feedback and corrections in the file store', () => {
  it('keeps feedback records across restarts, in order', async () => {
    const dir = tempDir('state');
    const helpful: FeedbackRecord = { ...wrong, id: 'r2', verdict: 'helpful', fact: null, reason: null, note: null, everyone: false };
    await new FileStateStore(dir).recordFeedback(wrong);
    await new FileStateStore(dir).recordFeedback(helpful);
    expect(await new FileStateStore(dir).listFeedback()).toEqual([wrong, helpful]);
  });

  it('numbers the correction log; an undo is a new entry, and a fact is corrected while its latest entry is a mark', async () => {
    const dir = tempDir('state');
    const store = new FileStateStore(dir);
    expect((await store.appendCorrection(mark('U1', '2026-02-14T10:00:00.000Z'))).number).toBe(1);
    expect(activeCorrections(await store.listCorrections()).get(fact.id)).toMatchObject({ number: 1, by: 'U1' });

    expect((await store.appendCorrection(undo('U2', '2026-02-15T10:00:00.000Z'))).number).toBe(2);
    const log = await new FileStateStore(dir).listCorrections();
    expect(log.map((e) => [e.number, e.active, e.by])).toEqual([[1, true, 'U1'], [2, false, 'U2']]);
    expect(activeCorrections(log).size).toBe(0);

    await store.appendCorrection(mark('U3', '2026-02-16T10:00:00.000Z'));
    expect(activeCorrections(await store.listCorrections()).get(fact.id)).toMatchObject({ number: 3, by: 'U3' });
  });

  it('sets apart an entry that does not hold, with a log line; the others keep working and numbers go on', async () => {
    const logs = captureLogs();
    const dir = tempDir('state');
    const good = { ...mark('U1', '2026-02-14T10:00:00.000Z'), number: 1 };
    const bad = { ...mark('U1', '2026-02-14T11:00:00.000Z'), number: 2, reason: 'because' };
    writeFileSync(path.join(dir, CORRECTIONS_FILE), JSON.stringify({ version: 1, entries: [good, bad] }));
    const store = new FileStateStore(dir);
    expect(await store.listCorrections()).toEqual([good]);
    expect((await store.appendCorrection(undo('U2', '2026-02-15T10:00:00.000Z'))).number).toBe(2);
    const kept = JSON.parse(readFileSync(path.join(dir, 'corrections.quarantined.json'), 'utf8'));
    expect(kept).toEqual([{ entry: bad, problem: expect.stringContaining('reason'), at: expect.any(String) }]);
    expect(logs.filter((l) => l.level === 50 && l.msg.includes('does not hold'))).toHaveLength(1);
  });

  it('keeps a corrupt file aside and starts again from an empty log', async () => {
    const logs = captureLogs();
    const dir = tempDir('state');
    writeFileSync(path.join(dir, FEEDBACK_FILE), '{"version":1,"entries":[');
    const store = new FileStateStore(dir);
    expect(await store.listFeedback()).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.startsWith(`${FEEDBACK_FILE}.corrupt-`))).toHaveLength(1);
    expect(logs.some((l) => l.msg.includes('state file is corrupt'))).toBe(true);
    await store.recordFeedback(wrong);
    expect(await new FileStateStore(dir).listFeedback()).toEqual([wrong]);
  });
});
