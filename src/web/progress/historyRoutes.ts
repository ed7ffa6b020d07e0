import { Router } from 'express';
import type { AppDeps } from '../../context.ts';
import { addDays, isDay } from '../../day.ts';
import { currentLearner, requireLearner } from '../auth.ts';
import { attemptCountOnDay, attemptsBetween, attemptsOnDayPage } from '../../progress/attemptRepository.ts';
import { pageOf } from '../pagination.ts';
import { attemptLog } from '../../progress/attemptLog.ts';
import { daysWithSolves, solvedCountsBetween } from '../../progress/solveDays.ts';
import { heatmap, weeklySolves, yearHeatmap } from '../../progress/heatmap.ts';
import { grassHtml, weeklyRowsHtml } from './grassHtml.ts';
import { AppError } from '../../errors.ts';
import { streaks } from '../../progress/streaks.ts';
import { learnerToday } from '../../progress/logAttempt.ts';
import { attemptsCsv, exportJson } from '../../progress/export.ts';
import { OUTCOMES } from '../../progress/outcomes.ts';
import { undoableDelete, undoEndsAt } from './deletedAttempt.ts';
import { z } from 'zod';
import { field, parseQuery } from '../validate.ts';

const HistoryQuery = z.object({ day: field.optional(40), page: field.optional(20), year: field.optional(10) });

const RECENT_DAYS = 14;
const RECENT_LIMIT = 100;

/** The oldest year the heatmap goes back to when the learner has nothing older. */
const FIRST_YEAR = 2000;

/**
 * GET /history (grass of the last 12 months or of ?year=YYYY, solves per week, streaks, one day's entries by pages of
 * 100 with ?page=N, and the last two weeks' latest 100),
 * GET /export.csv, GET /export.json.
 */
export function historyRoutes({ db, now }: AppDeps): Router {
  const router = Router();

  router.get('/history', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    const today = learnerToday(learner, now());
    const query = parseQuery(HistoryQuery, req);
    const asked = query.day ?? '';
    const day = asked === 'unknown' || (isDay(asked) && asked <= today) ? asked : today;
    const year = yearOf(query.year, Number(today.slice(0, 4)));
    const yearQuery = year === null ? '' : `year=${year}&`;
    const dayKey = day === 'unknown' ? null : day;
    const page = pageOf(
      query.page,
      attemptCountOnDay(db, learner.id, dayKey),
      (n) => `/history?${yearQuery}day=${day}&page=${n}#day`,
    );
    const from = year === null ? addDays(today, -364) : `${year}-01-01`;
    const log = attemptLog(db, learner.id);
    const daysSolved = daysWithSolves(log);
    const counts = solvedCountsBetween(log, from, today);
    const grass = year === null ? heatmap(counts, today) : yearHeatmap(counts, year, today);
    const first = daysSolved[0] ?? null;
    const t = res.locals.t;
    const weekly = weeklySolves(grass);
    const { cells: grassCells, days: grassDays } = grassHtml(grass, {
      href: `/history?${yearQuery}day=`,
      day,
      // The grass ends today or, for an earlier year, on its last day.
      focusDay: day !== 'unknown' && day >= grass.from && day <= grass.to ? day : grass.to,
      label: (cellDay, count) => t('progress.history.cell', { day: cellDay, count }),
    });
    // The other days of the last two weeks, newest first, up to RECENT_LIMIT entries (each day's page has all of that
    // day): the day shown above is not listed twice.
    const recent = attemptsBetween(db, learner.id, addDays(today, -(RECENT_DAYS - 1)), today, RECENT_LIMIT + 1, dayKey);
    const undoDelete = undoableDelete(req, learner.id, now());
    // The undo link disappears when its time is up: the page is kept no longer than that.
    res.render('history/index', {
      title: t('progress.history.title'),
      charts: true,
      undoUntil: undoDelete ? undoEndsAt(undoDelete) : null,
      today,
      day,
      grass,
      grassCells,
      grassDays,
      year,
      yearQuery,
      years: yearsBack(first, today),
      weekly,
      weeklyRows: weeklyRowsHtml(weekly),
      streak: streaks(daysSolved, today),
      dayAttempts: attemptsOnDayPage(db, learner.id, dayKey, page.limit, page.offset),
      page,
      recent: groupByDay(recent.slice(0, RECENT_LIMIT)),
      recentCut: recent.length > RECENT_LIMIT ? RECENT_LIMIT : 0,
      undatedCount: dayKey === null ? page.total : attemptCountOnDay(db, learner.id, null),
      outcomes: OUTCOMES,
      undoDelete,
    });
  });

  router.get('/export.csv', requireLearner, async (req, res) => {
    const learner = currentLearner(req);
    const csv = await attemptsCsv(db, learner.id);
    res.type('text/csv; charset=utf-8').attachment(`cote-${learner.login}-attempts.csv`).send(csv);
  });

  router.get('/export.json', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    res.attachment(`cote-${learner.login}-attempts.json`).json(exportJson(db, learner, now()));
  });
  return router;
}

/** ?year=YYYY: null when absent; 400 when not four digits; 404 before FIRST_YEAR or after this year. */
function yearOf(raw: unknown, thisYear: number): number | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw)) {
    throw new AppError('progress.history.bad_year', 'year must be four digits, like 2024', 400);
  }
  const year = Number(raw);
  if (year < FIRST_YEAR || year > thisYear) {
    throw new AppError(
      'progress.history.no_year',
      `no history for ${year}: pick a year from ${FIRST_YEAR} to ${thisYear}`,
      404,
      { year, last: thisYear },
    );
  }
  return year;
}

/** The years the heatmap can show, newest first: from the first solve (at least this year) to this year. */
function yearsBack(firstDay: string | null, today: string): number[] {
  const last = Number(today.slice(0, 4));
  const first = Math.max(FIRST_YEAR, Math.min(last, firstDay ? Number(firstDay.slice(0, 4)) : last));
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}

function groupByDay<T extends { day: string | null }>(items: T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    if (groups.at(-1)?.day !== item.day) groups.push({ day: item.day ?? '', items: [] });
    groups[groups.length - 1].items.push(item);
  }
  return groups;
}
