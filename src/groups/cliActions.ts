import type { CliContext } from '../context.ts';
import { isDay } from '../day.ts';
import { AppError } from '../errors.ts';
import { translator } from '../i18n/index.ts';
import { boardView } from './board.ts';
import { addMember, createGroup, findGroup, removeMember } from './groupAdmin.ts';
import { groupToday } from './groupDay.ts';

// The work behind `cote group …`, loaded only when one runs (`cote --help` stays quick).

/** `cote group create <name> [--exam YYYY-MM-DD] [--profile P]`. */
export function groupCreateCommand(ctx: CliContext, name: string, o: { exam?: string; profile?: string }): void {
  const group = createGroup(ctx.db(), { name, examDate: o.exam, profile: o.profile }, ctx.now());
  ctx.out(
    `created group ${group.name}${group.examDate ? ` (exam ${group.examDate})` : ''}${group.profile ? ` (profile ${group.profile})` : ''}`,
  );
}

/** `cote group add <name> --learner L`. */
export function groupAddCommand(ctx: CliContext, name: string, o: { learner: string }): void {
  const db = ctx.db();
  const group = findGroup(db, name);
  const learner = addMember(db, group, o.learner, ctx.now());
  ctx.out(`added ${learner.login} to ${group.name}`);
}

/** `cote group remove <name> --learner L`. */
export function groupRemoveCommand(ctx: CliContext, name: string, o: { learner: string }): void {
  const db = ctx.db();
  const group = findGroup(db, name);
  const learner = removeMember(db, group, o.learner);
  ctx.out(`removed ${learner.login} from ${group.name}`);
}

/**
 * `cote group board <name> [--day YYYY-MM-DD] [--json]`. --json prints { group, day, mission: [{ problem, solvedBy }],
 * members: [{ login, solvedToday, streak, missionDone }], coverage: [{ category, members }] }; hidden members are left
 * out. The mission is stored as the pages store it, but only for the group's real today.
 */
export function groupBoardCommand(ctx: CliContext, name: string, o: { day?: string; json?: boolean }): void {
  const db = ctx.db();
  const group = findGroup(db, name);
  if (o.day !== undefined && !isDay(o.day))
    throw new AppError('group.bad_day', `--day ${JSON.stringify(o.day)} is not a date: use YYYY-MM-DD`, 400, {
      value: o.day,
    });
  const today = groupToday(db, group.id, ctx.now());
  const day = o.day ?? today;
  const board = boardView(db, group, day, { lang: 'en', storeMission: day === today, now: ctx.now() });
  if (o.json) {
    ctx.out(
      JSON.stringify({
        group: board.group.name,
        day: board.day,
        mission: board.mission.map((m) => ({ problem: m.problem, solvedBy: m.solvedBy })),
        members: board.rows.map((r) => ({
          login: r.login,
          solvedToday: r.solvedToday,
          streak: r.streak,
          missionDone: r.missionDone,
        })),
        coverage: board.coverage.map((c) => ({ category: c.category, members: c.members })),
      }),
    );
    return;
  }
  const t = translator('en');
  const lines = [
    `${board.group.name} · ${board.day} · ${t('group.board.streak', { n: board.groupStreak })} · ${t('group.mission.done_by', { n: board.missionDone, m: board.rows.length })}`,
  ];
  for (const m of board.mission)
    lines.push(
      `mission ${m.problem.padEnd(12)} ${m.categoryName.padEnd(22)} solved by ${m.solvedBy.join(', ') || '—'}`,
    );
  for (const r of board.rows) {
    lines.push(
      `${r.login.padEnd(20)} today ${String(r.solvedToday).padStart(2)}  streak ${String(r.streak).padStart(3)}  ${r.dDay === null ? '   ' : `D-${r.dDay}`}  ${r.behind ? 'behind' : ''}${r.missionDone ? ' mission done' : ''}`,
    );
  }
  lines.push(
    `coverage this week: ${
      board.coverage
        .filter((c) => c.members > 0)
        .map((c) => `${c.category} ${c.members}`)
        .join(', ') || '—'
    }`,
  );
  ctx.out(lines.join('\n'));
}
