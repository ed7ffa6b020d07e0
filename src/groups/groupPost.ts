import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { daysBetween } from '../day.ts';
import type { Lang } from '../i18n/index.ts';
import { linkTemplatesOf } from '../judges/links.ts';
import { webLink } from '../judges/webLink.ts';
import { boardView } from './board.ts';
import type { Group } from '../membership/groupRepository.ts';
import type { PostKind } from './webhookPostRepository.ts';

/**
 * What a group's webhook post says, before it is shaped for Discord, Slack or generic JSON (webhookFormat.ts). It is
 * built from the board, so it has what the board shows members and nothing more: only members who did not hide
 * themselves, by login, with figures — never an email, a note, a name or a setting.
 */
export interface GroupPost {
  kind: PostKind;
  lang: Lang;
  group: string;
  day: string;
  /** Days to the group's shared exam date; null without one or once it passed. */
  dDay: number | null;
  mission: {
    problem: string;
    /** From a list file: untrusted text, escaped by each format. */
    title: string;
    category: string;
    url: string | null;
    solvedBy: string[];
  }[];
  members: { login: string; solvedToday: number; streak: number; missionDone: boolean }[];
  /** Members (shown ones) who solved every mission problem. */
  missionDone: number;
  streak: number;
  /** The group board on this cote (COTE_BASE_URL + /group). */
  boardUrl: string;
}

export function groupPost(
  db: Db,
  config: Config,
  group: Group,
  day: string,
  kind: PostKind,
  options: { lang: Lang; now: Date; storeMission: boolean },
): GroupPost {
  const board = boardView(db, group, day, { lang: options.lang, storeMission: options.storeMission, now: options.now });
  const templates = linkTemplatesOf(config);
  const dDay = group.examDate ? daysBetween(day, group.examDate) : null;
  return {
    kind,
    lang: options.lang,
    group: group.name,
    day,
    dDay: dDay !== null && dDay >= 0 ? dDay : null,
    mission: board.mission.map((m) => ({
      problem: m.problem,
      title: m.title,
      category: m.categoryName,
      url: webLink(m.problem, m.url, templates),
      solvedBy: m.solvedBy,
    })),
    members: board.rows.map((r) => ({
      login: r.login,
      solvedToday: r.solvedToday,
      streak: r.streak,
      missionDone: r.missionDone,
    })),
    missionDone: board.missionDone,
    streak: board.groupStreak,
    boardUrl: `${config.baseUrl.replace(/\/+$/, '')}/group`,
  };
}
