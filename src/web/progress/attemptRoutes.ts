import { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import { wantsJson, currentLearner, requireLearner } from '../auth.ts';
import { notFound } from '../../errors.ts';
import { safeBack } from '../languageRoutes.ts';
import { attemptById, type Attempt } from '../../progress/attemptRepository.ts';
import { problemStatus } from '../../progress/checklistStatus.ts';
import { typeStatsOfProblem } from '../../progress/checklistProgress.ts';
import type { TypeStats } from '../../progress/stats.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  editAttempt,
  knownProblemId,
  learnerToday,
  logAttempt,
  removeAttempt,
  undoLastAttempt,
} from '../../progress/logAttempt.ts';
import { OUTCOMES } from '../../progress/outcomes.ts';
import { flash, withFormErrors } from './forms.ts';
import { rememberDeleted, restoreDeleted } from './deletedAttempt.ts';
import { z } from 'zod';
import { field, parseBody, parseParams, parseQuery } from '../validate.ts';

const AttemptFields = {
  day: field.optional(40),
  outcome: field.optional(40),
  minutes: field.optional(40),
  note: field.optional(10_000),
};
const LogBody = z.object({ ...AttemptFields, problem: field.text(100), back: field.optional(2048) });
const EditBody = z.object(AttemptFields);
const UndoBody = z.object({ problem: field.optional(100), back: field.optional(2048) });
const DeleteBody = z.object({ back: field.optional(2048) });
const DeleteQuery = DeleteBody;
const AttemptParams = z.object({ id: field.id() });

/**
 * POST /attempts (log), POST /attempts/undo, GET /attempts/:id/edit, POST /attempts/:id (edit), GET /attempts/:id/delete
 * (asks first), POST /attempts/:id/delete, POST /attempts/restore (brings the last deleted entry back).
 * Without JS each posts and redirects back with a flash; with JS (Accept: application/json) the answer is the
 * problem's new status. Invalid input is a 422 naming the field, and nothing is stored.
 */
export function attemptRoutes({ db, now }: AppDeps): Router {
  const router = Router();
  router.use('/attempts', requireLearner);

  router.post('/attempts', (req, res) => {
    const body = parseBody(LogBody, req);
    const attempt = logAttempt(db, currentLearner(req), body, now());
    const t = res.locals.t;
    respond(
      req,
      res,
      db,
      body.back,
      attempt.problemId,
      t('progress.logged', {
        problem: attempt.title,
        outcome: t(`progress.outcome.${attempt.outcome}`),
        day: attempt.day ?? '',
      }),
    );
  });

  router.post('/attempts/undo', (req, res) => {
    const body = parseBody(UndoBody, req);
    const learner = currentLearner(req);
    const problemId = body.problem ? knownProblemId(db, body.problem) : undefined;
    const undone = undoLastAttempt(db, learner, problemId);
    const text = undone
      ? res.locals.t('progress.undone', { problem: undone.title, day: undone.day ?? '?' })
      : res.locals.t('progress.nothing_to_undo');
    respond(req, res, db, body.back, problemId ?? undone?.problemId, text);
  });

  router.post('/attempts/restore', (req, res) => {
    const restored = restoreDeleted(db, req, currentLearner(req).id, now());
    const t = res.locals.t;
    const text = restored
      ? t('progress.restored', { problem: restored.title, day: restored.day ?? '?' })
      : t('progress.nothing_to_restore');
    respond(req, res, db, undefined, restored?.problemId, text, restored ? historyOf(restored) : '/history');
  });

  router.get('/attempts/:id/edit', (req, res) => {
    const attempt = ownAttempt(db, req);
    res.render('progress/edit', {
      title: res.locals.t('progress.edit.title'),
      attempt,
      form: formOf(attempt),
      outcomes: OUTCOMES,
      today: learnerToday(currentLearner(req), now()),
    });
  });

  router.post('/attempts/:id', (req, res) => {
    const body = parseBody(EditBody, req);
    const attempt = ownAttempt(db, req);
    const locals = {
      title: res.locals.t('progress.edit.title'),
      attempt,
      form: body,
      outcomes: OUTCOMES,
      today: learnerToday(currentLearner(req), now()),
    };
    return withFormErrors(res, 'progress/edit', locals, () => {
      const saved = editAttempt(db, currentLearner(req), attempt.id, body, now());
      flash(req, 'ok', res.locals.t('progress.saved', { problem: saved.title }));
      res.redirect(historyOf(saved));
    });
  });

  router.get('/attempts/:id/delete', (req, res) => {
    const attempt = ownAttempt(db, req);
    const back = safeBack(parseQuery(DeleteQuery, req).back ?? historyOf(attempt));
    res.render('progress/delete', { title: res.locals.t('progress.delete.title'), attempt, back });
  });

  router.post('/attempts/:id/delete', (req, res) => {
    const body = parseBody(DeleteBody, req);
    const removed = removeAttempt(db, currentLearner(req), ownAttempt(db, req).id);
    rememberDeleted(req, removed, now());
    respond(
      req,
      res,
      db,
      body.back,
      removed.problemId,
      res.locals.t('progress.deleted', { problem: removed.title, day: removed.day ?? '?' }),
      historyOf(removed),
    );
  });
  return router;
}

/** The learner's own attempt named in the path; another learner's is a 404 like a missing one. */
function ownAttempt(db: Db, req: Request): Attempt {
  const { id } = parseParams(AttemptParams, req);
  return (Number.isSafeInteger(id) && attemptById(db, currentLearner(req).id, id)) || notFound('attempt');
}

function respond(
  req: Request,
  res: Response,
  db: Db,
  back: string | undefined,
  problemId: string | undefined,
  text: string,
  fallback = '/',
) {
  if (wantsJson(req)) {
    const status = problemId ? problemStatus(db, currentLearner(req).id, problemId) : undefined;
    const t = res.locals.t;
    // Worded as views/progress/_status.ejs words it: the latest outcome, else "not yet".
    const label = status ? t(`progress.status.${status.lastOutcome}`) : t('progress.state.none');
    const statusText = label + (status?.lastDay ? ` · ${status.lastDay}` : '');
    const typeStats = problemId
      ? typeStatsTexts(typeStatsOfProblem(db, currentLearner(req).id, problemId), t, res.locals.tierLabel)
      : {};
    return res.json({ message: text, problem: problemId ?? null, status: status ?? null, statusText, typeStats });
  }
  flash(req, 'ok', text);
  res.redirect(safeBack(back ?? fallback));
}

function formOf(a: Attempt) {
  return { day: a.day ?? '', outcome: a.outcome, minutes: a.minutes ?? '', note: a.note };
}

function historyOf(a: Pick<Attempt, 'day'>): string {
  return a.day ? `/history?day=${a.day}` : '/history?day=unknown';
}

/** The checklist's per-type texts, keyed by type, as views/catalog/_types.ejs words them. */
function typeStatsTexts(stats: Map<string, TypeStats>, t: Translate, tierLabel: (level: number) => string) {
  return Object.fromEntries(
    [...stats].map(([key, s]) => [
      key,
      {
        solved: t('progress.stats.solved', { solved: s.solved, total: s.total }),
        recommended: t('progress.stats.recommended', { solved: s.recommendedSolved, total: s.recommendedTotal }),
        highest: s.highestLevel > 0 ? t('progress.stats.highest', { tier: tierLabel(s.highestLevel) }) : '',
      },
    ]),
  );
}
