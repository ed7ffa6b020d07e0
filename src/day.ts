import { TZDate } from '@date-fns/tz';

/**
 * Calendar days as 'YYYY-MM-DD' strings. A learner's day is the date in their time zone:
 * a solve at 00:30 KST belongs to that KST day, whatever the server's zone.
 */
export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(instant: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/** Per zone, the last local day asked for and the instants it spans ([start, end) in epoch ms). */
const lastDay = new Map<string, { day: Day; start: number; end: number }>();

/**
 * The calendar date of `instant` in `timeZone`. Every request asks for "today" in the learner's zone: the day last
 * found and its span are kept per zone, so most calls compare two numbers instead of formatting a date.
 */
export function localDay(instant: Date, timeZone: string): Day {
  const ms = instant.getTime();
  const known = lastDay.get(timeZone);
  if (known && ms >= known.start && ms < known.end) return known.day;
  const p = parts(instant, timeZone);
  const day = `${p.year}-${p.month}-${p.day}`;
  if (Number.isFinite(ms) && lastDay.size < 1000) {
    const start = instantAt(day, '00:00', timeZone).getTime();
    const end = instantAt(addDays(day, 1), '00:00', timeZone).getTime();
    // Only a plain 24-hour day is kept: on a day with a clock change the formatter is asked every time.
    if (end - start === 86_400_000 && ms >= start && ms < end) lastDay.set(timeZone, { day, start, end });
  }
  return day;
}

/** The wall-clock time 'HH:MM' of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.hour}:${p.minute}`;
}

/**
 * An instant as a reader in `timeZone` sees it: '2026-11-30 09:30 Asia/Seoul'. The zone's name is part of the text,
 * so a time is never mistaken for another zone's. Accepts a Date or an ISO string; empty or invalid gives ''.
 */
export function formatInstant(instant: Date | string | null | undefined, timeZone: string): string {
  if (!instant) return '';
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  return `${localDay(date, timeZone)} ${localTime(date, timeZone)} ${timeZone}`;
}

/** The instant at which the wall clock in `timeZone` shows `day` at `time` ('HH:MM' or 'HH:MM:SS'). */
export function instantAt(day: Day, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, ss, timeZone).getTime());
}

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isDay(text: unknown): text is Day {
  if (typeof text !== 'string') return false;
  const m = DAY_RE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function toUtc(day: Day): number {
  // 'YYYY-MM-DD' is read by position (pages do this for every cell of a year); any other form by its parts.
  if (day.length === 10 && day[4] === '-' && day[7] === '-')
    return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function addDays(day: Day, n: number): Day {
  return new Date(toUtc(day) + n * 86_400_000).toISOString().slice(0, 10);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/**
 * Every day from `from` to `to` inclusive, in order (none when `to` is earlier). Pages walk a year of days for the
 * heatmap and the burn-up: counting day, month and year here is several times cheaper than a Date per day.
 */
export function daysFromTo(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  if (!isDay(from) || !isDay(to)) {
    for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
    return out;
  }
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  let d = Number(from.slice(8, 10));
  const year = () => String(y).padStart(4, '0');
  let prefix = `${year()}-${TWO_DIGITS[m]}-`;
  for (let day = from; day <= to; day = prefix + TWO_DIGITS[d]) {
    out.push(day);
    if (++d > daysInMonth(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        y++;
      }
      prefix = `${year()}-${TWO_DIGITS[m]}-`;
    }
  }
  return out;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
  const w = new Date(toUtc(day)).getUTCDay();
  return w === 0 ? 7 : w;
}
