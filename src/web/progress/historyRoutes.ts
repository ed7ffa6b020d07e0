import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { addDays, isDay } from '../../day.ts';
import { currentLearner, requireLearner } from '../auth.ts';
import { attemptsBetween, attemptsOnDay, solvedCountsByDay, solvedDays, undatedAttempts } from '../../progress/attemptRepository.ts';
import { heatmap } from '../../progress/heatmap.ts';
import { streaks } from '../../progress/streaks.ts';
import { learnerToday } from '../../progress/logAttempt.ts';
import { attemptsCsv, exportJson } from '../../progress/export.ts';
import { OUTCOMES } from '../../progress/outcomes.ts';
import { z } from 'zod';
import { field, parseQuery } from '../validate.ts';

const HistoryQuery = z.object({ day: field.optional(40) });

const RECENT_DAYS = 14;

/** GET /history (grass, streaks, one day's entries and the last two weeks), GET /export.csv, GET /export.json. */
export function historyRoutes({ db, now }: AppDeps): Router {
  const router = Router();

  router.get('/history', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    const today = learnerToday(learner, now());
    const asked = parseQuery(HistoryQuery, req).day ?? '';
    const day = asked === 'unknown' || (isDay(asked) && asked <= today) ? asked : today;
    const from = addDays(today, -364);
    res.render('history/index', {
      title: res.locals.t('progress.history.title'),
      today,
      day,
      grass: heatmap(solvedCountsByDay(db, learner.id, from, today), today),
      streak: streaks(solvedDays(db, learner.id), today),
      dayAttempts: day === 'unknown' ? undatedAttempts(db, learner.id) : attemptsOnDay(db, learner.id, day),
      recent: groupByDay(attemptsBetween(db, learner.id, addDays(today, -(RECENT_DAYS - 1)), today)),
      undatedCount: undatedAttempts(db, learner.id).length,
      outcomes: OUTCOMES,
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
