/** `npm run feedback`: the most-flagged rules and articles, from the state files; the report itself and the script spawned. */
import { beforeAll, describe, expect, it } from 'vitest';
import { feedbackReport, reportText } from '../../src/cli/feedback-report.ts';
import type { CorrectionEntry, FeedbackRecord } from '../../src/state/feedback.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { tempDir } from '../helpers/corpus.ts';
import { runScript, type Run } from '../helpers/spawn.ts';

const fact = (id: string, rule: string | null, articles: string[]) => ({ id, text: `fact ${id}`, articles, rule });
const A = fact('d000000000000001', 'deal.noun', ['a.md', 'b.md']);
const B = fact('d000000000000002', 'deal.noun', ['b.md']);
const C = fact('f000000000000003', 'figure.cue', ['c.md']);

let n = 0;
function record(verdict: 'helpful' | 'wrong', f: ReturnType<typeof fact> | null, reason: FeedbackRecord['reason'] = null, everyone = false): FeedbackRecord {
  return { id: `r${++n}`, at: '2026-02-14T10:00:00.000Z', user: 'U1', channel: 'C1', line: '/deal openai', verdict, fact: f, reason, note: null, everyone };
}

const records = [
  record('helpful', null),
  record('wrong', A, 'wrong_amount', true),
  record('wrong', A, 'wrong_amount'),
  record('wrong', B, 'roles_reversed'),
  record('wrong', C, 'outdated', true),
];
const log: CorrectionEntry[] = [
  { number: 1, fact: A, active: true, by: 'U1', at: '2026-02-14T10:00:00.000Z', reason: 'wrong_amount', note: null },
  { number: 2, fact: C, active: true, by: 'U1', at: '2026-02-14T11:00:00.000Z', reason: 'outdated', note: null },
  { number: 3, fact: C, active: false, by: 'U2', at: '2026-02-15T11:00:00.000Z', reason: null, note: null },
];

describe('the feedback report', () => {
  it('counts flags per rule and per article, most flagged first, with the reasons; and the corrections', () => {
    const report = feedbackReport(records, log);
    expect(report).toMatchObject({ records: 5, helpful: 1, wrong: 4, marked_for_everyone: 2, corrections: { active: 1, undone: 1 } });
    expect(report.rules).toEqual([
      { rule: 'deal.noun', flags: 3, facts: 2, reasons: { wrong_amount: 2, roles_reversed: 1 } },
      { rule: 'figure.cue', flags: 1, facts: 1, reasons: { outdated: 1 } },
    ]);
    expect(report.articles.map((a) => [a.article, a.flags, a.facts])).toEqual([['b.md', 3, 2], ['a.md', 2, 1], ['c.md', 1, 1]]);
    expect(feedbackReport(records, log, 1).articles).toHaveLength(1);
  });

  it('reads as two tables', () => {
    const text = reportText(feedbackReport(records, log));
    expect(text).toContain('Feedback: 5 records — 1 helpful (👍), 4 wrong (👎), 2 of them marked wrong for everyone.');
    expect(text).toContain('Most-flagged rules\n  flags  facts  rule        reasons\n      3      2  deal.noun   wrong amount 2, roles reversed 1');
    expect(text).toContain('Most-flagged articles\n  flags  facts  article  reasons\n      3      2  b.md     wrong amount 2, roles reversed 1');
    expect(reportText(feedbackReport([], []))).toContain('Most-flagged rules\n  (no fact flagged yet)');
  });
});

describe('npm run feedback', () => {
  const dataDir = tempDir('dealdesk-feedback-cli-');
  let json: Run;
  let text: Run;
  let bad: Run;
  beforeAll(async () => {
    const store = new FileStateStore(dataDir);
    for (const r of records) await store.recordFeedback(r);
    for (const { number: _, ...entry } of log) await store.appendCorrection(entry);
    [json, text, bad] = await Promise.all([
      runScript('src/cli/feedback.ts', ['--json', '--top', '2'], { DATA_DIR: dataDir }),
      runScript('src/cli/feedback.ts', [], { DATA_DIR: dataDir }),
      runScript('src/cli/feedback.ts', ['--frobnicate'], { DATA_DIR: dataDir }),
    ]);
  }, 60_000);

  it('prints the report of DATA_DIR, as JSON or as text', () => {
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(feedbackReport(records, log, 2));
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe(`${reportText(feedbackReport(records, log))}\n`);
  });

  it('refuses an unknown option with exit code 2 and the usage', () => {
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown argument --frobnicate.');
    expect(bad.stderr).toContain('Usage: npm run --silent feedback');
  });
});
