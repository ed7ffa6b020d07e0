import { isDay, type Day } from '../day.ts';
import { AppError } from '../errors.ts';
import { isOutcome, OUTCOMES, type Outcome } from './outcomes.ts';

/** The learner-editable fields of an attempt, validated. */
export interface AttemptFields {
  day: string | null;
  outcome: Outcome;
  minutes: number | null;
  note: string;
}

export interface RawAttemptFields {
  day?: unknown;
  outcome?: unknown;
  minutes?: unknown;
  note?: unknown;
}

export const MAX_MINUTES = 24 * 60;
export const MAX_NOTE_LENGTH = 2000;
/** No attempt is dated before this day (a typo like 0202-01-05 would otherwise sort before every real one). */
export const MIN_DAY = '2000-01-01';

function bad(code: string, message: string, value: unknown): never {
  throw new AppError(`progress.${code}`, message, 422, { value: String(value ?? '') });
}

/**
 * Validates attempt fields as typed by a learner (strings, possibly empty). An empty day means `today`,
 * or unknown (null) when `emptyDay` is 'unknown' (editing an undated import). An empty outcome means solved.
 */
export function parseAttemptFields(
  raw: RawAttemptFields,
  today: Day,
  emptyDay: 'today' | 'unknown' = 'today',
): AttemptFields {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
  const dayText = text(raw.day);
  const day = dayText === '' ? (emptyDay === 'today' ? today : null) : parseDay(dayText, today);
  const outcomeText = text(raw.outcome) || 'solved';
  if (!isOutcome(outcomeText))
    bad(
      'bad_outcome',
      `outcome ${JSON.stringify(outcomeText)} is unknown: expected ${OUTCOMES.join(', ')}`,
      outcomeText,
    );
  return { day, outcome: outcomeText, minutes: parseMinutes(text(raw.minutes)), note: parseNote(raw.note) };
}

/** A day the learner may log: a real date from MIN_DAY to their today. */
export function parseDay(text: string, today: Day): Day {
  if (!isDay(text)) bad('bad_day', `day ${JSON.stringify(text)} is not a date YYYY-MM-DD`, text);
  if (text < MIN_DAY)
    throw new AppError('progress.early_day', `day ${text} is before ${MIN_DAY}`, 422, { value: text, min: MIN_DAY });
  if (text > today)
    throw new AppError('progress.future_day', `day ${text} is in the future (today is ${today})`, 422, {
      value: text,
      today,
    });
  return text;
}

export function parseMinutes(text: string): number | null {
  if (text === '') return null;
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || n < 0 || n > MAX_MINUTES)
    bad('bad_minutes', `minutes ${JSON.stringify(text)} must be a whole number 0–${MAX_MINUTES}`, text);
  return n;
}

function parseNote(raw: unknown): string {
  const note = typeof raw === 'string' ? raw.trim() : '';
  if (note.length > MAX_NOTE_LENGTH)
    bad('note_too_long', `note is longer than ${MAX_NOTE_LENGTH} characters`, note.length);
  return note;
}
