import type { Db } from '../db/connection.ts';
import { daysBetween } from '../day.ts';
import { problemsByIds } from '../catalog/problemRepository.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Lang } from '../i18n/index.ts';
import type { Outcome, Plan, PlanItem } from '../planner/types.ts';
import { attemptsOfProblems, type Attempt } from '../progress/attemptRepository.ts';
import { isSolvedOutcome } from '../progress/outcomes.ts';
import { settledByAnyAttempt } from './itemAttempts.ts';
import { planDayOf } from './planDayRepository.ts';
import { currentCatalog } from './planService.ts';
import { viewedPlan } from './storedPlan.ts';

/**
 * 'done': logged (from this page, or tried elsewhere without a solve); 'already_solved': solved elsewhere — an
 * import, a sync, the checklist, the CLI — after it was listed; 'skipped'; 'todo'.
 */
export type ItemStatus = 'todo' | 'done' | 'already_solved' | 'skipped';

export interface TodayItem extends PlanItem {
  status: ItemStatus;
  /** The outcome logged, when done or already solved. */
  outcome: Outcome | null;
  /** Where an already solved item was solved (an attempt origin: 'import:baekjoonhub', 'manual' …). */
  solvedVia: string | null;
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

/**
 * The Today page's data: today's stored list with each item's status, and the stored plan it came from. Type names
 * are in `lang`, the page's language (the language switch may differ from the learner's setting).
 */
export function todayView(
  db: Db,
  learner: Learner,
  today: string,
  now: Date,
  lang: Lang = learner.language,
): TodayView {
  const { plan } = viewedPlan(db, learner, today, now);
  const stored = planDayOf(db, learner.id, today);
  const list = stored?.items ?? plan.days[0]?.items ?? [];
  const attempts = attemptsOfProblems(db, learner.id, [...new Set(list.map((it) => it.problem))]);
  const problems = problemsByIds(
    db,
    list.map((it) => it.problem),
  );
  const names = new Map(currentCatalog(db).categories.map((c) => [c.key, lang === 'ko' ? c.nameKo : c.nameEn]));
  const items = list.map((it): TodayItem => {
    const problem = problems.get(it.problem);
    const title = problem?.title ?? it.problem;
    const status = statusOf(it, attempts, today, stored?.skipped ?? []);
    return { ...it, ...status, title, url: problem?.url ?? null, categoryName: names.get(it.category) ?? it.category };
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

/** An item's status from the attempts of its problem (a re-solve: only today's count). */
type Status = Pick<TodayItem, 'status' | 'outcome' | 'solvedVia'>;

function statusOf(item: PlanItem, attempts: Attempt[], today: string, skipped: string[]): Status {
  const counted = attempts.filter(
    (a) => a.problemId === item.problem && (settledByAnyAttempt(item) || a.day === today),
  );
  // Logged today by the learner — from this list or elsewhere (the group mission's "I solved it", the checklist): it
  // was done just now, not "already solved" before.
  const here = counted.filter((a) => (a.origin === 'plan' || a.origin === 'manual') && a.day === today).at(-1);
  if (here) return { status: 'done', outcome: here.outcome, solvedVia: null };
  const solved = counted.filter((a) => isSolvedOutcome(a.outcome)).at(-1);
  if (solved) return { status: 'already_solved', outcome: solved.outcome, solvedVia: solved.origin };
  const tried = counted.at(-1);
  if (tried) return { status: 'done', outcome: tried.outcome, solvedVia: null };
  return { status: skipped.includes(item.problem) ? 'skipped' : 'todo', outcome: null, solvedVia: null };
}
