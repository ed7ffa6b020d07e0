import type { Request, Response } from 'express';
import { AppError } from '../../errors.ts';
import { OUTCOMES } from '../../progress/outcomes.ts';
import { learnerToday, logAttempt } from '../../progress/logAttempt.ts';
import { isOnTodayList, lessTimeToday, skipItem, swapItem, unskipItem } from '../../plans/todayActions.ts';
import { todayView } from '../../plans/todayView.ts';
import { currentCatalog } from '../../plans/planService.ts';
import { planWords } from '../../plans/planWords.ts';
import { memberMission } from '../../groups/memberMission.ts';
import { currentLearner } from '../auth.ts';
import type { AppDeps } from '../../context.ts';
import { flash, withFormErrors } from '../progress/forms.ts';
import { z } from 'zod';
import { field, parseBody } from '../validate.ts';

const ItemBody = z.object({ problem: field.text(100) });
const LogItemBody = z.object({
  problem: field.text(100),
  outcome: field.optional(40),
  minutes: field.optional(40),
  note: field.optional(10_000),
});
const LessTimeBody = z.object({ minutes: field.text(40) });

// GET /plan/today — D-day, today's list with type, tier, minutes, reason; log in place, skip, swap, less time.
export function showTodayPage(deps: AppDeps) {
  return (req: Request, res: Response) => renderToday(deps, req, res);
}

function renderToday({ db, now }: AppDeps, req: Request, res: Response, error?: string) {
  const learner = currentLearner(req);
  const view = todayView(db, learner, learnerToday(learner, now()), now(), res.locals.lang);
  res.locals.words = planWords(res.locals.lang, currentCatalog(db).categories);
  // The study group's mission of the day (stored by a member's write, src/web/planRefresh.ts: a view only reads);
  // undefined outside a group.
  const mission = memberMission(db, learner, view.today, { store: false, now: now(), lang: res.locals.lang });
  res.render('plan/today', { title: res.locals.t('planner.today.title'), view, outcomes: OUTCOMES, error, mission });
}

/**
 * Runs one action on today's list: success flashes and redirects back; its AppErrors (not on the list, bad
 * minutes or outcome) re-render the Today page with the message and their status; others reach the error middleware.
 */
function todayAction(deps: AppDeps, act: (req: Request, res: Response, today: string) => string) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    return withFormErrors(
      res,
      (error) => renderToday(deps, req, res, error),
      () => {
        flash(req, 'ok', act(req, res, learnerToday(learner, deps.now())));
        res.redirect('/plan/today');
      },
    );
  };
}

// POST /plan/today/log — the item's outcome (and minutes), logged as an attempt of today with origin "plan".
export function logItemAction(deps: AppDeps) {
  return todayAction(deps, (req, res, today) => {
    const body = parseBody(LogItemBody, req);
    const learner = currentLearner(req);
    if (!isOnTodayList(deps.db, learner, today, body.problem, deps.now())) {
      throw new AppError('planner.not_on_list', "that problem is not on today's list", 404, { problem: body.problem });
    }
    const { problem, outcome, minutes, note } = body;
    const attempt = logAttempt(
      deps.db,
      learner,
      { problem, outcome, minutes, note, day: today, origin: 'plan' },
      deps.now(),
    );
    return res.locals.t('planner.today.logged', {
      problem: attempt.title,
      outcome: res.locals.t(`planner.outcome.${attempt.outcome}`),
    });
  });
}

export function skipAction(deps: AppDeps) {
  return todayAction(deps, (req, res, today) => {
    const { problem } = parseBody(ItemBody, req);
    const item = skipItem(deps.db, currentLearner(req), today, problem, deps.now());
    return res.locals.t('planner.today.skipped', { problem: item.problem });
  });
}

// POST /plan/today/unskip — a skipped item is offered again today.
export function unskipAction(deps: AppDeps) {
  return todayAction(deps, (req, res, today) => {
    const { problem } = parseBody(ItemBody, req);
    const item = unskipItem(deps.db, currentLearner(req), today, problem, deps.now());
    return res.locals.t('planner.today.unskipped', { problem: item.problem });
  });
}

export function swapAction(deps: AppDeps) {
  return todayAction(deps, (req, res, today) => {
    const { problem } = parseBody(ItemBody, req);
    const swapped = swapItem(deps.db, currentLearner(req), today, problem, deps.now());
    const t = res.locals.t;
    return swapped.in
      ? t('planner.today.swapped', { out: swapped.out.problem, in: swapped.in.problem })
      : t('planner.today.no_swap', { problem: swapped.out.problem });
  });
}

export function lessTimeAction(deps: AppDeps) {
  return todayAction(deps, (req, res, today) => {
    const body = parseBody(LessTimeBody, req);
    const minutes = lessTimeToday(deps.db, currentLearner(req), today, body.minutes, deps.now());
    return res.locals.t('planner.today.less_done', { minutes });
  });
}
