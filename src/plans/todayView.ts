import type { Db } from '../db/connection.ts';
import { daysBetween } from '../day.ts';
import { problemsByIds } from '../catalog/problemRepository.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Outcome, Plan, PlanItem } from '../planner/types.ts';
import { attemptsOnDay } from '../progress/attemptRepository.ts';
import { planDayOf } from './planDayRepository.ts';
import { currentCatalog, planFor } from './planService.ts';

export type ItemStatus = 'todo' | 'done' | 'skipped';

export interface TodayItem extends PlanItem {
  status: ItemStatus;
  /** The outcome logged today, when done. */
  outcome: Outcome | null;
  title: string;
  url: string | null;
  categoryName: string;
}

export interface TodayView {
  today: string;
  exam: string | null;
  /** Days left to the exam (D-n), null without an exam date. */
  daysLeft: number | null;
  rest: boolean;
  items: TodayItem[];
  /** Minutes of the pending items, and the day's budget (less when "less time today" was used). */
  minutesLeft: number;
  budget: number;
  minutesToday: number | null;
  plan: Plan;
}

/** The Today page's data: today's stored list with each item's status, and the plan it came from. */
export function todayView(db: Db, learner: Learner, today: string, now: Date): TodayView {
  const plan = planFor(db, learner, today, { now });
  const stored = planDayOf(db, learner.id, today);
  const logged = new Map<string, Outcome>();
  for (const a of attemptsOnDay(db, learner.id, today)) logged.set(a.problemId, a.outcome);
  const list = stored?.items ?? plan.days[0]?.items ?? [];
  const problems = problemsByIds(db, list.map((it) => it.problem));
  const names = new Map(currentCatalog(db).categories.map((c) => [c.key, learner.language === 'ko' ? c.nameKo : c.nameEn]));
  const items = list.map((it): TodayItem => {
    const outcome = logged.get(it.problem) ?? null;
    const status: ItemStatus = outcome ? 'done' : stored?.skipped.includes(it.problem) ? 'skipped' : 'todo';
    const problem = problems.get(it.problem);
    return { ...it, status, outcome, title: problem?.title ?? it.problem, url: problem?.url ?? null, categoryName: names.get(it.category) ?? it.category };
  });
  return {
    today,
    exam: plan.exam,
    daysLeft: plan.exam ? daysBetween(today, plan.exam) : null,
    rest: plan.days[0]?.rest ?? false,
    items,
    minutesLeft: items.filter((it) => it.status === 'todo').reduce((s, it) => s + it.minutes, 0),
    budget: stored?.minutesToday ?? learner.dailyMinutes,
    minutesToday: stored?.minutesToday ?? null,
    plan,
  };
}
