import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { addDays, isDay } from '../../day.ts';
import { currentLearner, requireLearner } from '../auth.ts';
import { attemptCountOnDay, attemptsBetween, attemptsOnDayPage, solvedCountsByDay, solvedDays } from '../../progress/attemptRepository.ts';
import { pageOf } from '../pagination.ts';
import { heatmap } from '../../progress/heatmap.ts';
import { streaks } from '../../progress/streaks.ts';
import { learnerToday } from '../../progress/logAttempt.ts';
import { attemptsCsv, exportJson } from '../../progress/export.ts';
import { OUTCOMES } from '../../progress/outcomes.ts';
import { undoableDelete } from './deletedAttempt.ts';
import { z } from 'zod';
import { field, parseQuery } from '../validate.ts';

const HistoryQuery = z.object({ day: field.optional(40), page: field.optional(20) });

const RECENT_DAYS = 14;
const RECENT_LIMIT = 100;

/**
 * GET /history (grass, streaks, one day's entries by pages of 100 with ?page=N, and the last two weeks' latest 100),
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
    const from = addDays(today, -364);
    const dayKey = day === 'unknown' ? null : day;
    const page = pageOf(query.page, attemptCountOnDay(db, learner.id, dayKey), (n) => `/history?day=${day}&page=${n}#day`);
    // The last two weeks, newest first, up to RECENT_LIMIT entries: each day's page has all of that day.
    const recent = attemptsBetween(db, learner.id, addDays(today, -(RECENT_DAYS - 1)), today, RECENT_LIMIT + 1);
    res.render('history/index', {
      title: res.locals.t('progress.history.title'),
      today,
      day,
      grass: heatmap(solvedCountsByDay(db, learner.id, from, today), today),
      streak: streaks(solvedDays(db, learner.id), today),
      dayAttempts: attemptsOnDayPage(db, learner.id, dayKey, page.limit, page.offset),
      page,
      recent: groupByDay(recent.slice(0, RECENT_LIMIT)),
      recentCut: recent.length > RECENT_LIMIT ? RECENT_LIMIT : 0,
      undatedCount: dayKey === null ? page.total : attemptCountOnDay(db, learner.id, null),
      outcomes: OUTCOMES,
      undoDelete: undoableDelete(req, learner.id, now()),
    });
  });

  router.get('/export.csv', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    res.type('text/csv; charset=utf-8').attachment(`cote-${learner.login}-attempts.csv`).send(attemptsCsv(db, learner.id));
  });

  router.get('/export.json', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    res.attachment(`cote-${learner.login}-attempts.json`).json(exportJson(db, learner, now()));
  });
  return router;
}

function groupByDay<T extends { day: string | null }>(items: T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    if (groups.at(-1)?.day !== item.day) groups.push({ day: item.day ?? '', items: [] });
    groups[groups.length - 1].items.push(item);
  }
  return groups;
}
