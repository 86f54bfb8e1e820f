/**
 * Exports for spreadsheets: one row per deal with every field and its sources. Written with csv-stringify
 * (RFC 4180 quoting), UTF-8 with a byte-order mark so that Excel reads umlauts, and every text cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) escaped: article text is not ours to execute.
 */
import { stringify } from 'csv-stringify/sync';
import type { Deal } from '../extract/types.ts';
import { citeSources, dealLine, formatMoney, investorsLeadFirst, type ArticleLookup } from './facts.ts';
import { correctionLine, correctionMark, correctionOf, type Corrections } from './corrections.ts';
import type { AnswerFile } from './model.ts';

/** The columns of a deal export, in order: what `/deal … csv` promises (the README lists them). */
export const DEAL_CSV_COLUMNS = [
  'date',
  'date_from',
  'status',
  'kind',
  'round',
  'target',
  'investors',
  'lead',
  'amount',
  'amount_max',
  'currency',
  'qualifier',
  'amount_text',
  'additional',
  'deal',
  'outlet',
  'source_date',
  'title',
  'url',
  'quote',
  'article',
  'sources',
  'other_urls',
  'marked_wrong',
] as const;

/** Several names in one cell. */
const LIST_SEPARATOR = '; ';

/**
 * The rows of a deal export: the header, then one row per deal; the first source cited in full, the others'
 * links after it, and the team's mark when it marked the deal wrong (the row stays: a spreadsheet is for
 * checking, and a deal left out would look like one nobody reported).
 */
export function dealRows(deals: readonly Deal[], articles: ArticleLookup, corrections: Corrections = new Map()): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [[...DEAL_CSV_COLUMNS]];
  for (const d of deals) {
    const [first, ...others] = citeSources(d.sources, articles);
    rows.push([
      d.date,
      d.dateFrom,
      d.status,
      d.kind,
      d.round,
      d.target,
      investorsLeadFirst(d).join(LIST_SEPARATOR),
      d.lead.join(LIST_SEPARATOR),
      d.amount?.value ?? null,
      d.amount?.max ?? null,
      d.amount?.currency ?? null,
      d.amount?.qualifier ?? null,
      d.amount ? formatMoney(d.amount) : null,
      d.additional ? 'yes' : 'no',
      dealLine(d),
      first?.outlet ?? null,
      first?.date ?? null,
      first?.title ?? null,
      first?.url ?? null,
      first?.quote ?? null,
      first?.article ?? null,
      1 + others.length,
      others.map((c) => c.url ?? c.article).join(LIST_SEPARATOR),
      markOf(d, corrections),
    ]);
  }
  return rows;
}

/** "#3 marked wrong by U123 on 2026-02-14: wrong amount", or null. */
function markOf(deal: Deal, corrections: Corrections): string | null {
  const entry = correctionOf([deal], corrections);
  return entry ? correctionLine(correctionMark(entry), { who: (user) => user, text: (text) => text }).replace(/^✗ /, '') : null;
}

/** A deal export as a file named `name` (see `AnswerFile`). */
export function dealsCsvFile(deals: readonly Deal[], articles: ArticleLookup, name: string, title: string, corrections: Corrections = new Map()): AnswerFile {
  const text = stringify(dealRows(deals, articles, corrections), { bom: true, escape_formulas: true, record_delimiter: 'windows' });
  return { name, title, mime: 'text/csv', bytes: new TextEncoder().encode(text) };
}
