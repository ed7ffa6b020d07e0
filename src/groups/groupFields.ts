import type { Db } from '../db/connection.ts';
import { addDays, isDay, localDay } from '../day.ts';
import { AppError } from '../errors.ts';
import { listByKey } from '../catalog/listRepository.ts';
import { DEFAULT_SETTINGS, MAX_EXAM_DAYS_AHEAD } from '../learners/learnerSettings.ts';
import type { GroupFields } from '../membership/groupRepository.ts';

/** Profiles a group can share ('custom' weights belong to one learner). */
export const GROUP_PROFILES = ['general', 'samsung', 'kakao'] as const;
export const MAX_GROUP_NAME = 60;

/** Raw fields from a form or the CLI: strings, '' meaning "nothing shared". */
export interface RawGroupFields {
  name?: string;
  examDate?: string;
  profile?: string;
  lists?: string | string[];
}

function invalid(code: string, message: string, params: Record<string, string | number> = {}): never {
  throw new AppError(`group.${code}`, message, 422, params);
}

export function parseGroupName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.normalize('NFC').trim() : '';
  // Control characters would break the CLI's one-line output and the board's title.
  if (name === '' || [...name].length > MAX_GROUP_NAME || /\p{Cc}/u.test(name)) {
    invalid('invalid_name', `group name ${JSON.stringify(name)} is invalid: use 1–${MAX_GROUP_NAME} characters`, {
      value: name,
      max: MAX_GROUP_NAME,
    });
  }
  return name;
}

/**
 * Validates a group's fields. The shared exam date is checked against today in the default time zone (members may
 * live elsewhere, a day either way does not matter): not in the past unless it is the stored one, at most
 * MAX_EXAM_DAYS_AHEAD ahead. Every list key must name an imported list.
 */
export function parseGroupFields(db: Db, raw: RawGroupFields, now: Date, stored?: GroupFields): GroupFields {
  const name = parseGroupName(raw.name);
  const exam = (raw.examDate ?? '').trim();
  if (exam !== '') {
    if (!isDay(exam))
      invalid('invalid_exam', `exam date ${JSON.stringify(exam)} is not a date YYYY-MM-DD`, { value: exam });
    const today = localDay(now, DEFAULT_SETTINGS.timezone);
    const latest = addDays(today, MAX_EXAM_DAYS_AHEAD);
    if (exam > latest)
      invalid('exam_too_far', `exam date ${exam} is more than ${MAX_EXAM_DAYS_AHEAD} days ahead (latest ${latest})`, {
        value: exam,
        latest,
      });
    if (exam < today && exam !== stored?.examDate)
      invalid('exam_past', `exam date ${exam} is in the past (today is ${today})`, { value: exam, today });
  }
  const profile = (raw.profile ?? '').trim();
  if (profile !== '' && !(GROUP_PROFILES as readonly string[]).includes(profile)) {
    invalid(
      'invalid_profile',
      `exam profile ${JSON.stringify(profile)} is unknown: expected ${GROUP_PROFILES.join(', ')}`,
      { value: profile },
    );
  }
  const keys = [
    ...new Set(
      ([] as string[])
        .concat(raw.lists ?? [])
        .map((k) => k.trim())
        .filter((k) => k !== ''),
    ),
  ];
  for (const key of keys)
    if (!listByKey(db, key)) invalid('unknown_list', `there is no list ${JSON.stringify(key)}`, { value: key });
  return {
    name,
    examDate: exam === '' ? null : exam,
    profile: profile === '' ? null : profile,
    lists: keys.length ? keys : null,
  };
}
