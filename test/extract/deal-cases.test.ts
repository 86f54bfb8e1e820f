/**
 * The deal frames as data (`test/fixtures/deal-cases.yml`): each case's text must yield exactly its deals —
 * who invests, who receives, how much — and, where the case says, the lead, kind, round and status.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseArticle } from '../../src/corpus/load.ts';
import { extractFacts } from '../../src/extract/facts.ts';
import type { Lang } from '../../src/text/lang.ts';
import { articleFile, catalog } from './sentences.ts';

interface ExpectedDeal {
  investors: string[];
  lead?: string[];
  target: string;
  amount: number | null;
  kind?: string;
  round?: string;
  status?: string;
}
interface Case {
  lang: Lang;
  text: string;
  deals: ExpectedDeal[];
}

const { cases } = parse(readFileSync(new URL('../fixtures/deal-cases.yml', import.meta.url), 'utf8')) as { cases: Case[] };

describe('deal frames (spec cases as data)', () => {
  it.each(cases.map((c) => [`${c.lang}: ${c.text}`, c] as const))('%s', (_, { lang, text, deals: expected }) => {
    const article = parseArticle({ name: 'case.md', raw: articleFile(text, lang, '2026-02-10') });
    const deals = extractFacts(article, catalog).deals;
    const read = deals.map((d) => {
      const row: Record<string, unknown> = { investors: d.investors, target: d.target, amount: d.amount?.value ?? null };
      return row;
    });
    expect(read, text).toEqual(expected.map(({ investors, target, amount }) => ({ investors, target, amount })));
    expected.forEach((e, i) => {
      const d = deals[i]!;
      if (e.lead) expect(d.lead, `${text}: lead`).toEqual(e.lead);
      if (e.kind) expect(d.kind, `${text}: kind`).toBe(e.kind);
      if (e.round) expect(d.round, `${text}: round`).toBe(e.round);
      if (e.status) expect(d.status, `${text}: status`).toBe(e.status);
    });
  });
});
