/**
 * The planner: what to solve each day from today to the exam, and why. Pure — everything comes in through
 * PlanInput (see types.ts), `today` included; the same input always gives the same plan.
 */
import { addDays, daysBetween } from '../day.ts';
import { commitDay, createContext, MIRROR_DAYS, studyDaysBetween, type PlanContext } from './context.ts';
import { readinessRows, readinessSnapshot, verdictOf } from './readiness.ts';
import { isStudyDay, lastStudyDay, planDay, restDay, reviewDaysLeft, type Calendar } from './days.ts';
import { isMockDay, MAX_PLAN_DAYS, phaseOf, preparationStart, timeline } from './timeline.ts';
import { keptToday } from './today.ts';
import type { NoticeCode, Plan, PlanDay, PlanInput } from './types.ts';
import { adviceFor } from './advice.ts';
import { TUNING } from './tuning.ts';

export type { Plan, PlanInput, PlanItem, PlanDay, CategoryReadiness, Reason } from './types.ts';
export { PROFILES, profileWeights } from './profiles.ts';

/** Without an exam date the plan looks this many days ahead (and says so). */
export const NO_EXAM_HORIZON = 28;

function notice(_input: PlanInput, code: NoticeCode, params: Record<string, string | number> = {}): Plan['notice'] {
  return { code, params };
}

/** The cases with nothing to plan: a plan with no days and a notice saying why. */
function blockingNotice(input: PlanInput): Plan['notice'] | undefined {
  const { examDate, dailyMinutes, studyDays } = input.settings;
  if (input.catalog.problems.length === 0 || input.catalog.entries.length === 0) return notice(input, 'empty_catalog');
  if (examDate && examDate === input.today) return notice(input, 'exam_today');
  if (examDate && examDate < input.today) return notice(input, 'exam_past', { exam: examDate });
  if (!(dailyMinutes > 0)) return notice(input, 'no_budget');
  if (!studyDays.some((d) => d >= 1 && d <= 7)) return notice(input, 'no_study_days');
  return undefined;
}

export function plan(input: PlanInput): Plan {
  return planWith(input, true);
}

export function planWith(input: PlanInput, withAdvice: boolean): Plan {
  const blocked = blockingNotice(input);
  const exam = input.settings.examDate;
  if (blocked)
    return { today: input.today, exam, days: [], readiness: [], verdict: 'behind', advice: [], notice: blocked };
  // An exam further than MAX_PLAN_DAYS away is planned as if it were on that day (and the plan says so).
  const tooFar = exam !== null && daysBetween(input.today, exam) > MAX_PLAN_DAYS;
  const end = tooFar ? addDays(input.today, MAX_PLAN_DAYS) : exam;
  const total = end ? daysBetween(input.today, end) : NO_EXAM_HORIZON;
  const ctx = createContext(input, end ?? addDays(input.today, NO_EXAM_HORIZON));
  const studyDays = new Set(input.settings.studyDays);
  const start = preparationStart(
    input.history,
    input.today,
    end ?? addDays(input.today, NO_EXAM_HORIZON),
    input.startDay,
  );
  const cal: Calendar = {
    total,
    timeline: timeline(start, input.today, total, studyDays),
    studyDays,
    reviewDaysLeft: reviewDaysLeft(input.today, total, studyDays),
    dailyMinutes: input.settings.dailyMinutes,
    minutesToday: input.minutesToday,
    horizon: Math.max(1, Math.min(total, input.horizonDays ?? total)),
    lastStudy: end ? lastStudyDay(input.today, total, studyDays) : -1,
  };
  // A heavy type never given a new problem counts as last practised when the preparation started.
  const sinceStart = -studyDaysBetween(start, input.today, studyDays);
  for (const [c, v] of ctx.lastNew.entries()) ctx.lastNew[c] = Math.max(v, sinceStart);
  ctx.lastWork = ctx.lastNew.slice();
  const now = readinessSnapshot(ctx, false);
  const days = planDays(ctx, input, cal);
  const atExam = readinessSnapshot(ctx, true);
  // A new learner with few graded attempts: the skill behind the projection is mostly the default guess.
  const judged = verdictOf(ctx);
  const verdict = ctx.learner.prior && ctx.learner.nG < TUNING.evidenceAttempts ? 'uncertain' : judged.verdict;
  const plan: Plan = {
    today: input.today,
    exam,
    days,
    readiness: readinessRows(ctx, now, atExam),
    verdict,
    pass: judged.projection,
    advice: [],
  };
  if (withAdvice && verdict === 'behind' && input.horizonDays === undefined)
    plan.advice = adviceFor(input, ctx, plan, (other) => planWith(other, false).verdict);
  const unsolvedLeft = ctx.learner.attempted.some((a) => a === 0);
  if (!exam) plan.notice = notice(input, 'no_exam', { days: NO_EXAM_HORIZON });
  else if (tooFar) plan.notice = notice(input, 'exam_far', { exam, days: MAX_PLAN_DAYS });
  else if (!unsolvedLeft) plan.notice = notice(input, 'all_solved');
  else if (ctx.exhausted)
    plan.notice = notice(input, 'list_exhausted', {
      solved: ctx.learner.solved.reduce((a, b) => a + b, 0),
      total: ctx.index.problems.length,
    });
  else if (ctx.emptyDays > 0)
    plan.notice = notice(input, 'list_exhausted', {
      solved: ctx.learner.solved.reduce((a, b) => a + b, 0),
      total: ctx.index.problems.length,
    });
  else if (ctx.tooShort)
    plan.notice = notice(input, 'budget_too_small', { budget: input.minutesToday ?? input.settings.dailyMinutes });
  else if (ctx.mockNote) plan.notice = notice(input, ctx.mockNote.code, ctx.mockNote.params);
  return plan;
}

function planDays(ctx: PlanContext, input: PlanInput, cal: Calendar): PlanDay[] {
  const excluded = new Set<number>();
  for (const id of [...(input.excludeToday ?? []), ...(input.swap ? [input.swap] : [])]) {
    const p = ctx.index.byId.get(id);
    if (p !== undefined) excluded.add(p);
  }
  const days: PlanDay[] = [];
  let studyIndex = 0;
  for (let i = 0; i < cal.horizon; i++) {
    const day = addDays(input.today, i);
    const phase = phaseOf(cal.timeline, i);
    if (!isStudyDay(cal, day)) {
      days.push({ ...restDay(day), phase });
      continue;
    }
    ctx.studyIndex = studyIndex++;
    ctx.dayOffset = i;
    ctx.late = i >= MIRROR_DAYS;
    const items =
      i === 0 && input.todayItems
        ? keptToday(ctx, input, cal, excluded)
        : planDay(ctx, cal, i, isMockDay(cal.timeline, i), i === 0 ? excluded : null);
    days.push({ day, rest: false, items, phase });
    // The weekly promise counts new problems and mocks, in every type of the problem (coverage.ts).
    for (const it of items) {
      const p = it.kind === 'review' ? undefined : ctx.index.byId.get(it.problem);
      for (const c of p === undefined ? [] : ctx.index.problemCats[p]) ctx.lastWork[c] = ctx.studyIndex;
    }
    commitDay(ctx, items, i);
  }
  return days;
}
