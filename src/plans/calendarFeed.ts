import { addDays } from '../day.ts';
import { type Lang, translate } from '../i18n/index.ts';

// A learner's plan as an iCalendar feed (RFC 5545). Pure: the same input gives the same bytes, so the ETag of its
// inputs stands for the feed. Every day is an all-day event (a DATE value, no time zone: a plan day is the learner's
// local date and stays that date in whatever zone the calendar shows it).

export interface FeedDay {
  /** YYYY-MM-DD, the learner's local date. */
  day: string;
  /** Part of the day is a timed mock set. */
  mock: boolean;
  minutes: number;
  problems: { problem: string; title: string; minutes: number; url: string | null }[];
}

export interface FeedInput {
  /** Stable per learner: every event's UID is built from it and the day, so a day keeps its UID as the plan changes. */
  uidKey: string;
  /** Host of cote's public URL, the UIDs' domain part. */
  domain: string;
  login: string;
  zone: string;
  lang: Lang;
  /** When the plan was computed: DTSTAMP, and SEQUENCE in minutes since the epoch (it only grows). */
  computedAt: Date;
  days: FeedDay[];
  exam: string | null;
  /** The page of the plan (COTE_BASE_URL + /plan). */
  planUrl: string;
}

export function calendarFeed(input: FeedInput): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(input.lang, key, params);
  const stamp = utcStamp(input.computedAt);
  const sequence = Math.floor(input.computedAt.getTime() / 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//cote//study plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(t('reach.cal.name', { login: input.login }))}`,
    `X-WR-TIMEZONE:${text(input.zone)}`,
    // Hints for clients that honour them (Apple, Outlook): ask again hourly.
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  const event = (uid: string, day: string, summary: string, description: string, extra: string[] = []) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@${input.domain}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${basic(day)}`,
      `DTEND;VALUE=DATE:${basic(addDays(day, 1))}`,
      `SUMMARY:${text(summary)}`,
      `DESCRIPTION:${text(description)}`,
      `URL:${input.planUrl}`,
      ...extra,
      'END:VEVENT',
    );
  };
  for (const d of input.days) {
    const summary = `${d.mock ? t('reach.cal.mock') : ''}${t('reach.cal.summary', { n: d.problems.length, minutes: d.minutes })}`;
    const description = d.problems
      .map(
        (p) => `• ${p.problem} ${p.title} (${t('reach.cal.minutes', { n: p.minutes })})${p.url ? `\n  ${p.url}` : ''}`,
      )
      .join('\n');
    // Free time in the calendar: a study day does not block the learner's day for others.
    event(`plan-${input.uidKey}-${d.day}`, d.day, summary, description, ['TRANSP:TRANSPARENT']);
  }
  if (input.exam) event(`exam-${input.uidKey}`, input.exam, t('reach.cal.exam'), t('reach.cal.exam_description'));
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newline. Control characters are dropped. */
export function text(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '\\n')
    .replace(/\p{Cc}/gu, '');
}

/** Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a UTF-8 character. */
export function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    // The first line holds 75 octets; each continuation starts with a space, so 74 more.
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basic = (day: string) => day.replaceAll('-', '');

function utcStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}
