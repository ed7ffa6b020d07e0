import type { Db } from '../db/connection.ts';
import type { Lang } from '../i18n/index.ts';

/** SQL on the `group_post_settings` table: when a group's webhook posts go out, and in which language. */

export interface PostSettings {
  morningOn: boolean;
  /** HH:MM in the group's zone. */
  morningAt: string;
  eveningOn: boolean;
  eveningAt: string;
  lang: Lang;
}

/** A group without a row: both posts, 08:00 and 22:00, in Korean. */
export const DEFAULT_POST_SETTINGS: PostSettings = {
  morningOn: true,
  morningAt: '08:00',
  eveningOn: true,
  eveningAt: '22:00',
  lang: 'ko',
};

interface Row {
  morning_on: number;
  morning_at: string;
  evening_on: number;
  evening_at: string;
  lang: Lang;
}

export function postSettingsOf(db: Db, groupId: number): PostSettings {
  const row = db
    .prepare('SELECT morning_on, morning_at, evening_on, evening_at, lang FROM group_post_settings WHERE group_id = ?')
    .get(groupId) as Row | undefined;
  if (!row) return { ...DEFAULT_POST_SETTINGS };
  return {
    morningOn: row.morning_on === 1,
    morningAt: row.morning_at,
    eveningOn: row.evening_on === 1,
    eveningAt: row.evening_at,
    lang: row.lang,
  };
}

export function savePostSettings(db: Db, groupId: number, s: PostSettings): void {
  db.prepare(
    `INSERT INTO group_post_settings (group_id, morning_on, morning_at, evening_on, evening_at, lang)
     VALUES (@groupId, @morningOn, @morningAt, @eveningOn, @eveningAt, @lang)
     ON CONFLICT (group_id) DO UPDATE SET morning_on = excluded.morning_on, morning_at = excluded.morning_at,
       evening_on = excluded.evening_on, evening_at = excluded.evening_at, lang = excluded.lang`,
  ).run({
    groupId,
    morningOn: s.morningOn ? 1 : 0,
    morningAt: s.morningAt,
    eveningOn: s.eveningOn ? 1 : 0,
    eveningAt: s.eveningAt,
    lang: s.lang,
  });
}
