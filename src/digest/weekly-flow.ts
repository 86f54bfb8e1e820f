/**
 * Monday's digest also draws the week's money flow: a bar for every deal first reported in the seven days
 * before it (with an amount and a month), by date and size, each coloured by its source — the chart for the
 * weekly meeting. Other days' digests carry no chart.
 */
import { correctionOf, type Corrections } from '../answer/corrections.ts';
import { dealChart } from '../answer/fact-charts.ts';
import { chartFile } from '../answer/files.ts';
import type { Answer } from '../answer/model.ts';
import type { DigestJson } from '../answer/contracts.ts';
import type { Corpus } from '../search/corpus.ts';
import type { IngestRecord } from '../state/types.ts';
import { count } from '../text/plural.ts';
import { collectDigest } from './collect.ts';
import { wallClock } from './schedule.ts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether a digest sent at `slot` is Monday's in the channel's time zone. */
export function isWeeklyChartDay(slot: Date, timeZone: string): boolean {
  const { year, month, day } = wallClock(slot, timeZone);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() === 1;
}

/**
 * `digest` with the chart of the deals reported in the week up to `until` (none the team marked wrong) attached, and a note that says so;
 * unchanged when the week brought no deal to draw (the note then says that).
 */
export async function withWeeklyFlow(digest: Answer<DigestJson>, corpus: Corpus, arrivals: IngestRecord[], until: Date, corrections: Corrections = new Map()): Promise<Answer<DigestJson>> {
  const week = collectDigest(corpus, arrivals, new Date(until.getTime() - WEEK_MS), until);
  // Deals the team marked wrong are left out, as in the digest itself.
  const deals = week.deals.filter((d) => d.change === 'new' && d.fact.status !== 'historic' && !correctionOf([d.fact], corrections)).map((d) => d.fact);
  const { request } = dealChart(deals, corpus, `Money flow: deals reported in the week to ${until.toISOString().slice(0, 10)}`);
  if (!request) return { ...digest, notes: [...digest.notes, 'Monday chart: no deal with an amount was reported this week.'] };
  const file = await chartFile(request, `money-flow-${until.toISOString().slice(0, 10)}.png`);
  return {
    ...digest,
    notes: [...digest.notes, `Monday chart: the week's money flow, ${count(request.points.length, 'deal')} by date and size, is attached.`],
    file,
    json: { ...digest.json, file: { name: file.name, format: 'png', rows: request.points.length } },
  };
}
