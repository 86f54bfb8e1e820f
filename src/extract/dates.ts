/**
 * Date expressions in article text, resolved against the article's own date (date-fns): explicit
 * months and years ("Januar 2023", "September 2023", "2017"), and relative ones ("im Oktober",
 * "diese Woche", "am Montag", "earlier this year", "im Vorjahr", "last month", "im vergangenen Quartal").
 * Results are ISO 8601 strings only as precise as the text: `2023-09`, `2026`, `2025-Q4`.
 */
import { format, getQuarter, parseISO, previousDay, subMonths, subQuarters, type Day } from 'date-fns';

export interface DateMention {
  /** ISO 8601 (`2023`, `2023-09`, `2026-01-26`) or a quarter (`2025-Q4`). */
  value: string;
  start: number;
  end: number;
  /** "seit 2023" / "since 2023" and "bis 2045" / "by 2045": the start or end of a span, not the event's date. */
  role: 'at' | 'since' | 'until';
}

const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, january: 1, jan: 1,
  februar: 2, february: 2, feb: 2,
  märz: 3, maerz: 3, march: 3,
  april: 4,
  mai: 5, may: 5,
  juni: 6, june: 6,
  juli: 7, july: 7,
  august: 8,
  september: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  dezember: 12, december: 12, dez: 12, dec: 12,
};

const WEEKDAYS: Record<string, Day> = {
  sonntag: 0, sunday: 0, montag: 1, monday: 1, dienstag: 2, tuesday: 2, mittwoch: 3, wednesday: 3,
  donnerstag: 4, thursday: 4, freitag: 5, friday: 5, samstag: 6, saturday: 6,
};

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_NAMES = Object.keys(WEEKDAYS).join('|');

/** Relative phrases and the year offset they mean from the article's year. */
const RELATIVE_YEARS: [RegExp, number][] = [
  [/\b(?:in diesem jahr|dieses jahr|diesen jahres|das laufende jahr|im laufenden jahr|this year|earlier this year|later this year|the current year)\b/i, 0],
  [/\b(?:im vorjahr|vorjahr|letztes jahr|im vergangenen jahr|last year|the previous year|a year earlier)\b/i, -1],
  [/\b(?:nächstes jahr|im kommenden jahr|next year)\b/i, 1],
];
const QUARTER_WORDS: Record<string, number> = {
  first: 1, '1st': 1, ersten: 1, erste: 1,
  second: 2, '2nd': 2, zweiten: 2, zweite: 2,
  third: 3, '3rd': 3, dritten: 3, dritte: 3,
  fourth: 4, '4th': 4, vierten: 4, vierte: 4,
};
/** "in the fourth quarter", "im dritten Quartal 2025", "Q4 2025", "Q1". */
const NAMED_QUARTER = /\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|(ersten|zweiten|dritten|vierten|erste|zweite|dritte|vierte)\s+quartal|q([1-4]))\b(?:\s+(?:of\s+)?((?:19|20)\d{2}))?/gi;
const LAST_QUARTER = /\b(?:im vergangenen quartal|im letzten quartal|im abgelaufenen quartal|last quarter|the (?:past|previous|latest) quarter)\b/i;
const THIS_WEEK = /\b(?:diese woche|in dieser woche|this week)\b/i;
const LAST_MONTH = /\b(?:im vergangenen monat|im letzten monat|letzten monat|vergangenen monat|last month|the previous month)\b/i;

const PATTERN = new RegExp(
  [
    `(?<prep>seit|since|bis|by|until|bis zum)?\\s*` +
      `(?:(?<day>\\d{1,2})\\.\\s*)?(?<month>${MONTH_NAMES})\\.?\\s+(?<myear>(?:19|20)\\d{2})`, // (6.) Januar 2023
    `(?<prep2>seit|since|bis|by|until)?\\s*(?<!\\d[.,'’]?)\\b(?<year>(?:19|20)\\d{2})\\b(?![.,'’]?\\d|\\s*(?:%|prozent|percent))`, // 2017
    `\\b(?:im|in|in the|during)\\s+(?<rmonth>${MONTH_NAMES})\\b(?!\\s+(?:19|20)\\d{2})`, // im Oktober
    `\\b(?:am|on|last)\\s+(?<weekday>${WEEKDAY_NAMES})\\b`, // am Montag
  ].join('|'),
  'giu',
);

/** Finds date mentions in `text`; `articleDate` (ISO, may be partial or null) anchors relative ones. */
export function findDates(text: string, articleDate: string | null): DateMention[] {
  const anchor = articleDate ? parseISO(articleDate.length === 4 ? `${articleDate}-12-31` : articleDate.length === 7 ? `${articleDate}-28` : articleDate) : null;
  const found: DateMention[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const g = match.groups!;
    const prep = (g.prep ?? g.prep2 ?? '').toLowerCase();
    const role: DateMention['role'] = /^(?:seit|since)$/.test(prep) ? 'since' : /^(?:bis|by|until|bis zum)$/.test(prep) ? 'until' : 'at';
    let value: string | null = null;
    if (g.month && g.myear) {
      const month = String(MONTHS[g.month.toLowerCase()]).padStart(2, '0');
      value = g.day ? `${g.myear}-${month}-${g.day.padStart(2, '0')}` : `${g.myear}-${month}`;
    } else if (g.year) {
      value = g.year;
    } else if (g.rmonth && anchor) {
      const month = MONTHS[g.rmonth.toLowerCase()]!;
      // A month named without a year is the latest such month not after the article.
      const year = month > anchor.getMonth() + 1 ? anchor.getFullYear() - 1 : anchor.getFullYear();
      value = `${year}-${String(month).padStart(2, '0')}`;
    } else if (g.weekday && anchor && articleDate && articleDate.length >= 10) {
      // "On Monday" in an article of a Monday is that day; otherwise the Monday before.
      const day = WEEKDAYS[g.weekday.toLowerCase()]!;
      value = format(anchor.getDay() === day ? anchor : previousDay(anchor, day), 'yyyy-MM-dd');
    }
    if (value) found.push({ value, start: match.index, end: match.index + match[0].length, role });
  }
  if (anchor) found.push(...relativeDates(text, anchor));
  return found.sort((a, b) => a.start - b.start);
}

function relativeDates(text: string, anchor: Date): DateMention[] {
  const found: DateMention[] = [];
  for (const [pattern, offset] of RELATIVE_YEARS) {
    const match = pattern.exec(text);
    if (match) found.push({ value: String(anchor.getFullYear() + offset), start: match.index, end: match.index + match[0].length, role: 'at' });
  }
  const quarter = LAST_QUARTER.exec(text);
  if (quarter) {
    const previous = subQuarters(anchor, 1);
    found.push({ value: `${previous.getFullYear()}-Q${getQuarter(previous)}`, start: quarter.index, end: quarter.index + quarter[0].length, role: 'at' });
  }
  for (const match of text.matchAll(NAMED_QUARTER)) {
    const quarter = match[3] ? Number(match[3]) : QUARTER_WORDS[(match[1] ?? match[2])!.toLowerCase()]!;
    // Without a year, the latest such quarter that has started by the article's date.
    const year = match[4] ? Number(match[4]) : quarter > getQuarter(anchor) ? anchor.getFullYear() - 1 : anchor.getFullYear();
    found.push({ value: `${year}-Q${quarter}`, start: match.index, end: match.index + match[0].length, role: 'at' });
  }
  const month = LAST_MONTH.exec(text);
  if (month) found.push({ value: format(subMonths(anchor, 1), 'yyyy-MM'), start: month.index, end: month.index + month[0].length, role: 'at' });
  const week = THIS_WEEK.exec(text);
  if (week) found.push({ value: format(anchor, 'yyyy-MM'), start: week.index, end: week.index + week[0].length, role: 'at' });
  return found;
}
