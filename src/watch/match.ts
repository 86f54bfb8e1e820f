/** Which new facts a watch is about: its company, its kinds of deal, its least amount. */
import { roughUsd } from '../answer/facts.ts';
import type { FactStore } from '../extract/fact-store.ts';
import type { Deal, Figure } from '../extract/types.ts';
import type { WatchFilter } from '../state/watches.ts';

/** The figures a company watch alerts on: what a round or a listing changes, not every number in an article. */
export const ALERT_METRICS = new Set(['valuation', 'ipo_valuation', 'revenue', 'run_rate']);

/** Whether `deal` is one the filter follows. */
export function watchesDeal(filter: WatchFilter, deal: Deal, facts: FactStore): boolean {
  if (filter.entityId && !facts.involves(deal, filter.entityId)) return false;
  if (filter.kinds.length && !filter.kinds.includes(deal.kind)) return false;
  if (filter.minAmount) return deal.amount?.value != null && atLeast(deal.amount.value, deal.amount.currency, filter.minAmount);
  return true;
}

/** Whether `figure` is one the filter follows: only a company watch that asked for figures, and only `ALERT_METRICS`. */
export function watchesFigure(filter: WatchFilter, figure: Figure, facts: FactStore): boolean {
  if (filter.facts !== 'all' || !filter.entityId || !facts.involves(figure, filter.entityId)) return false;
  if (!ALERT_METRICS.has(figure.metric) || figure.value === null) return false;
  if (!filter.minAmount) return true;
  return /^[A-Z]{3}$/.test(figure.unit) && atLeast(figure.value, figure.unit, filter.minAmount);
}

/** An amount against a threshold, in the same currency as printed, else at rough reference rates (`roughUsd`). */
function atLeast(value: number, currency: string | null, min: { value: number; currency: string }): boolean {
  if (currency === min.currency || currency === null) return value >= min.value;
  return roughUsd(value, currency) >= roughUsd(min.value, min.currency);
}
