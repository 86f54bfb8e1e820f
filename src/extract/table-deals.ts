/** Deals from Markdown tables: columns found by their header names. */
import type { Passage } from '../corpus/types.ts';
import { fold } from '../text/words.ts';
import { findDates } from './dates.ts';
import { parseQuantities } from './money.ts';
import type { Deal, Quantity } from './types.ts';
import { source, type ArticleState } from './reading.ts';

/** Markdown table rows: columns found by their header names; a row whose investor cell is empty stays without investor. */
export function tableDeals(passage: Passage, state: ArticleState): Deal[] {
  const header = passage.tableHeader!.map((h) => fold(h));
  const column = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
  const dateCol = column(/datum|date|jahr|year|wann|when/);
  const targetCol = column(/unternehmen|company|target|startup|empfanger|firma/);
  const investorCol = column(/investor|geldgeber|backer|lead/);
  const amountCol = column(/summe|betrag|amount|hohe|volume|volumen|usd|eur/);
  const headerCurrency = /\b(usd|eur|chf|gbp)\b/.exec(header[amountCol] ?? '')?.[1]?.toUpperCase() ?? null;
  if (targetCol < 0 || amountCol < 0) return [];
  const deals: Deal[] = [];
  for (const row of passage.sentences) {
    const cells = row.text.slice(1, -1).split('|').map((c) => c.trim());
    // A row may be shifted left where a cell is missing: take the amount from whichever cell holds money.
    const amountCell = [amountCol, investorCol, ...cells.keys()].find((i) => i >= 0 && parseMoney(cells[i] ?? '', state).length);
    if (amountCell === undefined) continue;
    const quantity = parseMoney(cells[amountCell]!, state)[0]!;
    const targets = state.catalog.find(cells[targetCol] ?? '');
    const investors = amountCell === investorCol ? [] : state.catalog.find(cells[investorCol] ?? '');
    const dateText = cells[dateCol] ?? '';
    const date = findDates(dateText, state.article.date).find((d) => d.role === 'at') ?? null;
    const expected = /voraussichtlich|erwartet|geplant|expected|planned|rumou?red/i.test(dateText);
    const past = date && state.article.date && date.value < state.article.date.slice(0, date.value.length);
    const offset = row.text.indexOf(cells[amountCell]!);
    deals.push({
      investorId: investors.length === 1 ? investors[0]!.canonical.id : null,
      investorIds: investors.map((m) => m.canonical.id),
      investor: investors.length ? investors.map((m) => m.canonical.name).join('/') : null,
      investors: investors.map((m) => m.canonical.name),
      lead: [],
      kind: 'unknown',
      round: null,
      rule: { id: 'deal.table-row', reason: 'a table row: target, investor and amount from their columns' },
      targetId: targets[0]?.canonical.id ?? null,
      target: targets[0]?.canonical.name ?? cells[targetCol] ?? '',
      amount: { value: quantity.value, max: quantity.max, currency: quantity.currency ?? headerCurrency, qualifier: quantity.qualifier },
      additional: quantity.additional,
      status: expected ? 'talks' : past ? 'historic' : 'announced',
      date: date?.value ?? state.article.date,
      dateFrom: date ? 'text' : state.article.date ? 'article' : null,
      sources: [{ ...source(state.article, row, quantity), highlight: [offset + quantity.start, offset + quantity.end] }],
    });
  }
  return deals;
}

function parseMoney(cell: string, state: ArticleState): Quantity[] {
  return parseQuantities(cell, state.article.lang).filter((q) => q.kind === 'money' && q.value !== null);
}

