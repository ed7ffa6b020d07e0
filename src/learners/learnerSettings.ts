import { addDays, isDay, isTimeZone, localDay } from '../day.ts';
import { isLang, type Lang } from '../i18n/index.ts';
import { AppError } from '../errors.ts';

/** What a learner can set about themselves (setup, settings page, `cote learner add`). */
export interface LearnerSettings {
  name: string;
  email: string;
  timezone: string;
  language: Lang;
  /** YYYY-MM-DD in the learner's time zone. */
  examDate: string | null;
  dailyMinutes: number;
  /** ISO weekdays the learner studies on: 1 = Monday … 7 = Sunday. */
  studyDays: number[];
  profile: string;
}

export const PROFILE_KEYS = ['general', 'samsung', 'kakao', 'custom'] as const;
export const DEFAULT_SETTINGS: LearnerSettings = {
  name: '',
  email: '',
  timezone: 'Asia/Seoul',
  language: 'ko',
  examDate: null,
  dailyMinutes: 120,
  studyDays: [1, 2, 3, 4, 5, 6, 7],
  profile: 'general',
};

/** An exam may be set at most this many days after the learner's today (the planner plans no further either). */
export const MAX_EXAM_DAYS_AHEAD = 730;
/** A daily budget above 12 hours is a typo, and it only makes the planner fill days nobody can study. */
export const MAX_DAILY_MINUTES = 720;
const MAX_TIMEZONE_LENGTH = 64;

const LOGIN_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,31}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(field: string, message: string, value: unknown = ''): never {
  throw new AppError(`learner.invalid_${field}`, message, 422, { value: String(value ?? '') });
}

export function parseLogin(raw: unknown): string {
  const login = typeof raw === 'string' ? raw.trim() : '';
  if (!LOGIN_RE.test(login))
    invalid('login', `login ${JSON.stringify(login)} is invalid: use 2–32 letters, digits, '.', '_' or '-'`, login);
  return login;
}

/**
 * Validates raw settings (form fields or CLI options, all strings) on top of `base`; fields absent from
 * `raw` keep their value in `base`. Throws an AppError naming the first bad field.
 * `now` is the current instant: the exam date is bounded by the learner's today in the (new) time zone — not in the
 * past unless it is the one already stored (a learner whose exam passed can still save other settings), and at
 * most MAX_EXAM_DAYS_AHEAD days ahead.
 */
export function parseLearnerSettings(raw: Record<string, unknown>, base: LearnerSettings, now: Date): LearnerSettings {
  const out = { ...base, studyDays: [...base.studyDays] };
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : undefined);
  const name = text('name');
  if (name !== undefined) {
    if (name === '' || name.length > 100) invalid('name', 'name must be 1–100 characters');
    out.name = name;
  }
  const email = text('email');
  if (email !== undefined) {
    if (!EMAIL_RE.test(email) || email.length > 254)
      invalid('email', `email ${JSON.stringify(email)} is not an email address`, email);
    out.email = email;
  }
  const timezone = text('timezone');
  if (timezone !== undefined) {
    if (timezone.length > MAX_TIMEZONE_LENGTH || !isTimeZone(timezone))
      invalid('timezone', `time zone ${JSON.stringify(timezone)} is unknown (e.g. Asia/Seoul)`, timezone);
    out.timezone = timezone;
  }
  const language = text('language');
  if (language !== undefined) {
    if (!isLang(language))
      invalid('language', `language ${JSON.stringify(language)} is unknown: expected ko or en`, language);
    out.language = language;
  }
  const exam = text('examDate');
  if (exam !== undefined) {
    if (exam !== '' && !isDay(exam))
      invalid('exam', `exam date ${JSON.stringify(exam)} is not a date YYYY-MM-DD`, exam);
    out.examDate = exam === '' ? null : exam;
  }
  if (out.examDate !== null) checkExamDate(out.examDate, out.examDate === base.examDate, localDay(now, out.timezone));
  const minutes = text('dailyMinutes');
  if (minutes !== undefined) {
    const n = Number(minutes);
    if (!/^\d{1,4}$/.test(minutes) || n > MAX_DAILY_MINUTES) {
      invalid(
        'budget',
        `daily budget ${JSON.stringify(minutes)} must be whole minutes 0–${MAX_DAILY_MINUTES}`,
        minutes,
      );
    }
    out.dailyMinutes = n;
  }
  if (raw.studyDays !== undefined) out.studyDays = parseStudyDays(raw.studyDays);
  const profile = text('profile');
  if (profile !== undefined) {
    if (!(PROFILE_KEYS as readonly string[]).includes(profile))
      invalid(
        'profile',
        `exam profile ${JSON.stringify(profile)} is unknown: expected ${PROFILE_KEYS.join(', ')}`,
        profile,
      );
    out.profile = profile;
  }
  return out;
}

/** Not before the learner's today (unless it is the stored date, kept as it was), at most MAX_EXAM_DAYS_AHEAD after it. */
function checkExamDate(exam: string, stored: boolean, today: string): void {
  const latest = addDays(today, MAX_EXAM_DAYS_AHEAD);
  if (exam > latest) {
    throw new AppError(
      'learner.exam_too_far',
      `exam date ${exam} is more than ${MAX_EXAM_DAYS_AHEAD} days ahead (latest ${latest})`,
      422,
      { value: exam, latest, days: MAX_EXAM_DAYS_AHEAD },
    );
  }
  if (exam < today && !stored)
    throw new AppError('learner.exam_past', `exam date ${exam} is in the past (today is ${today})`, 422, {
      value: exam,
      today,
    });
}

/** Checkbox values ('1'…'7', one or many) or a string like '12345'; at most 7 of them. */
function parseStudyDays(raw: unknown): number[] {
  const values = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw.includes(',')
        ? raw.split(',')
        : [...raw]
      : [];
  if (values.length > 7) {
    throw new AppError(
      'learner.too_many_study_days',
      `${values.length} study days given: at most 7 weekdays 1–7`,
      422,
      { value: values.length },
    );
  }
  const days = new Set<number>();
  for (const value of values) {
    const n = Number(value.trim());
    if (!Number.isInteger(n) || n < 1 || n > 7)
      invalid('study_days', `study day ${JSON.stringify(value)} is not a weekday 1–7`, value);
    days.add(n);
  }
  return [...days].sort();
}
