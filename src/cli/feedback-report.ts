/**
 * The feedback report (`npm run feedback`): which extraction rules and which articles the team flags most,
 * so that the rule to fix, or the article to read again, is the first line. A flag is one 👎 on a fact; a
 * fact flagged by three people counts three times (and once in `facts`).
 */
import { REASON_LABELS } from '../answer/corrections.ts';
import { activeCorrections, REASONS, type CorrectionEntry, type FeedbackRecord, type Reason } from '../state/feedback.ts';

/** One rule or article: how often its facts were flagged, how many facts that was, and why. */
export interface FlaggedRow {
  flags: number;
  facts: number;
  reasons: Partial<Record<Reason, number>>;
}

export interface FeedbackReport {
  command: 'feedback';
  /** Feedback records in all, of them 👍 and 👎, and 👎 also marked wrong for everyone. */
  records: number;
  helpful: number;
  wrong: number;
  marked_for_everyone: number;
  /** Facts whose mark is in force, and facts whose mark was undone. */
  corrections: { active: number; undone: number };
  /** Most flagged first (then by name); at most `top` each. */
  rules: (FlaggedRow & { rule: string | null })[];
  articles: (FlaggedRow & { article: string })[];
}

/** The report over every record and the correction log; `top` rows at most per list. */
export function feedbackReport(records: readonly FeedbackRecord[], log: readonly CorrectionEntry[], top = 10): FeedbackReport {
  const wrong = records.filter((r) => r.verdict === 'wrong' && r.fact);
  const rules = new Map<string | null, Tally>();
  const articles = new Map<string, Tally>();
  for (const record of wrong) {
    tally(rules, record.fact!.rule, record);
    for (const article of new Set(record.fact!.articles)) tally(articles, article, record);
  }
  const marked = new Set(log.map((e) => e.fact.id));
  const active = activeCorrections(log).size;
  return {
    command: 'feedback',
    records: records.length,
    helpful: records.filter((r) => r.verdict === 'helpful').length,
    wrong: wrong.length,
    marked_for_everyone: wrong.filter((r) => r.everyone).length,
    corrections: { active, undone: marked.size - active },
    rules: ranked(rules, top).map(([rule, row]) => ({ rule, ...row })),
    articles: ranked(articles, top).map(([article, row]) => ({ article, ...row })),
  };
}

/** The report as text: a summary line, then the two tables. */
export function reportText(report: FeedbackReport): string {
  const lines = [
    `Feedback: ${report.records} record${report.records === 1 ? '' : 's'} — ${report.helpful} helpful (👍), ${report.wrong} wrong (👎), ${report.marked_for_everyone} of them marked wrong for everyone.`,
    `Corrections in force: ${report.corrections.active}; undone: ${report.corrections.undone}.`,
  ];
  const table = (title: string, name: string, rows: (FlaggedRow & { name: string })[]) => {
    lines.push('', title);
    if (rows.length === 0) return void lines.push('  (no fact flagged yet)');
    const width = Math.max(name.length, ...rows.map((r) => r.name.length));
    lines.push(`  flags  facts  ${name.padEnd(width)}  reasons`);
    for (const row of rows) lines.push(`  ${String(row.flags).padStart(5)}  ${String(row.facts).padStart(5)}  ${row.name.padEnd(width)}  ${reasonsText(row.reasons)}`);
  };
  table('Most-flagged rules', 'rule', report.rules.map((r) => ({ ...r, name: r.rule ?? '(not known)' })));
  table('Most-flagged articles', 'article', report.articles.map((r) => ({ ...r, name: r.article })));
  return lines.join('\n');
}

/** "wrong amount 3, roles reversed 1", in the order of the form. */
function reasonsText(reasons: FlaggedRow['reasons']): string {
  return REASONS.filter((r) => reasons[r]).map((r) => `${REASON_LABELS[r]} ${reasons[r]}`).join(', ');
}

interface Tally {
  flags: number;
  facts: Set<string>;
  reasons: Partial<Record<Reason, number>>;
}

function tally<K>(map: Map<K, Tally>, key: K, record: FeedbackRecord): void {
  let row = map.get(key);
  if (!row) map.set(key, (row = { flags: 0, facts: new Set(), reasons: {} }));
  row.flags += 1;
  row.facts.add(record.fact!.id);
  if (record.reason) row.reasons[record.reason] = (row.reasons[record.reason] ?? 0) + 1;
}

/** The `top` rows with the most flags (then the most facts, then by name), as plain rows. */
function ranked<K extends string | null>(map: Map<K, Tally>, top: number): [K, FlaggedRow][] {
  return [...map]
    .sort(([ka, a], [kb, b]) => b.flags - a.flags || b.facts.size - a.facts.size || String(ka).localeCompare(String(kb)))
    .slice(0, top)
    .map(([key, t]) => [key, { flags: t.flags, facts: t.facts.size, reasons: t.reasons }]);
}
