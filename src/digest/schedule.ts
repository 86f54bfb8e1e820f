/**
 * When digests are due: a local wall-clock time (`HH:MM`) in an IANA time zone, turned into UTC instants
 * day by day, so daylight-saving changes never move the local send time. Only `Intl` is used.
 *
 * A time inside a spring-forward gap (02:30 on the March change in Berlin) falls just after the gap; a time
 * that occurs twice in autumn is sent once, at its first occurrence.
 */

export interface LocalTime {
  hour: number;
  minute: number;
}

const TIME = /^(\d{1,2}):(\d{2})$/;

/** Parses `HH:MM` (24 h); null when malformed or out of range. */
export function parseLocalTime(text: string): LocalTime | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

export function formatLocalTime({ hour, minute }: LocalTime): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds (seconds precision). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant when the local date (year, month, day — day may overflow) shows `time` in `timeZone`. The zone's
 * offsets a day before and after are the only candidates (zones change at most once a day): one that reads
 * back as `time` wins, the earlier if both do (an autumn overlap); if none does, `time` lies in a spring gap
 * and the offset from before the change places it just after the gap.
 */
function instantOfLocal(year: number, month: number, day: number, time: LocalTime, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, time.hour, time.minute);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((instant) => instant + offsetAt(instant, timeZone) === wall);
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

/** The first send time strictly after `after`. */
export function nextRunAt(time: LocalTime, timeZone: string, after: Date): Date {
  const today = wallClock(after, timeZone);
  for (let offset = 0; ; offset++) {
    const candidate = instantOfLocal(today.year, today.month, today.day + offset, time, timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
}

/** The last send time at or before `atOrBefore`. */
export function previousRunAt(time: LocalTime, timeZone: string, atOrBefore: Date): Date {
  const today = wallClock(atOrBefore, timeZone);
  for (let offset = 0; ; offset--) {
    const candidate = instantOfLocal(today.year, today.month, today.day + offset, time, timeZone);
    if (candidate.getTime() <= atOrBefore.getTime()) return candidate;
  }
}

/** `Thu 5 Feb 2026, 08:00 (Europe/Berlin)`: an instant as the channel reads it. */
export function formatInZone(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${text} (${timeZone})`;
}
