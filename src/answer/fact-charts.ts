/**
 * Facts as chart points: a figure over time (`/number anthropic valuation chart`) and a company's deals by
 * date and size (`/deal openai chart`). One unit per chart: values in another currency or unit are left out
 * and counted, as are facts without a usable date, so the answer can say what the chart does not show.
 */
import type { Deal, Figure } from '../extract/types.ts';
import type { ChartPoint, ChartRequest } from './chart.ts';
import { formatFigure, formatMoney, type ArticleLookup } from './facts.ts';

/** A chart's points, and how many facts could not be drawn (no value or date, another unit). */
export interface ChartPoints {
  request: ChartRequest | null;
  /** Facts left out of the chart, in words ("2 figures in EUR", "1 without a date"), for the answer's notes. */
  leftOut: string[];
}

/** The most points a chart draws: the newest ones. */
export const MAX_CHART_POINTS = 200;

/** A date a time axis can place: a month or a day. */
const CHARTABLE_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;

/**
 * A figure over time: one point per figure and reporting outlet, dated by the figure's period when it is
 * a month or a day, else by the reporting article's date. Figures in the first figure's unit only.
 */
export function figureChart(figures: readonly Figure[], articles: ArticleLookup, title: string): ChartPoints {
  const unit = figures.find((f) => f.value !== null)?.unit;
  const points: ChartPoint[] = [];
  const seen = new Set<string>();
  let otherUnit = 0;
  let undated = 0;
  for (const f of figures) {
    if (f.value === null) continue;
    if (f.unit !== unit) {
      otherUnit++;
      continue;
    }
    let drawn = false;
    for (const source of f.sources) {
      const article = articles.get(source.article);
      const date = CHARTABLE_DATE.test(f.period ?? '') ? f.period! : article?.date;
      if (!date || !CHARTABLE_DATE.test(date)) continue;
      const point = { date, value: f.value, label: formatFigure(f), source: article?.outlet ?? 'outlet unknown' };
      const key = `${point.date}|${point.value}|${point.source}`;
      drawn = true;
      if (!seen.has(key)) points.push(point), seen.add(key);
    }
    if (!drawn) undated++;
  }
  const leftOut = [...(otherUnit ? [`${otherUnit} in another unit`] : []), ...(undated ? [`${undated} without a date`] : [])];
  return { request: points.length ? { kind: 'line', title, yTitle: unit ?? '', points: newest(points) } : null, leftOut };
}

/** Deals by date and size: one bar per deal with an amount and a month or day, in the first such deal's currency. */
export function dealChart(deals: readonly Deal[], articles: ArticleLookup, title: string): ChartPoints {
  const currency = deals.find((d) => d.amount?.value)?.amount!.currency ?? null;
  const points: ChartPoint[] = [];
  let otherCurrency = 0;
  let undated = 0;
  for (const d of deals) {
    if (!d.amount?.value) continue;
    if (d.amount.currency !== currency) {
      otherCurrency++;
      continue;
    }
    if (!d.date || !CHARTABLE_DATE.test(d.date)) {
      undated++;
      continue;
    }
    const label = formatMoney(d.amount);
    const outlet = articles.get(d.sources[0]!.article)?.outlet ?? 'outlet unknown';
    points.push({ date: d.date, value: d.amount.value, label, source: outlet, name: `${d.investor ?? 'investors not named'} → ${d.target}` });
  }
  const leftOut = [...(otherCurrency ? [`${otherCurrency} in another currency`] : []), ...(undated ? [`${undated} without a month`] : [])];
  return { request: points.length ? { kind: 'bar', title, yTitle: currency ?? 'amount', points: newest(points) } : null, leftOut };
}

/** The newest `MAX_CHART_POINTS` points, oldest first as a time axis reads. */
function newest(points: ChartPoint[]): ChartPoint[] {
  return [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).slice(-MAX_CHART_POINTS);
}
