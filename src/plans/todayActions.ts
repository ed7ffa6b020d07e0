import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { PlanItem } from '../planner/types.ts';
import { planDayOf, updatePlanDay, type StoredPlanDay } from './planDayRepository.ts';
import { planInputFor, runPlanner } from './planService.ts';
import { storedPlan } from './storedPlan.ts';
import type { SwappedIn } from './swappedIn.ts';

/** Today's stored list (planned and stored now if the learner acts before the page stored it). */
function storedToday(db: Db, learner: Learner, today: string, now: Date): StoredPlanDay {
  const existing = planDayOf(db, learner.id, today);
  if (existing) return existing;
  storedPlan(db, learner, today, now);
  return planDayOf(db, learner.id, today) ?? noList();
}

function noList(): never {
  throw new AppError('planner.no_list_today', 'there is no list for today', 404);
}

/** The pending item of today's list named `problem`; a clear 404 when it is not on the list. */
function itemOnList(day: StoredPlanDay, problem: unknown): PlanItem {
  const item = day.items.find((it) => it.problem === problem && !day.skipped.includes(it.problem));
  if (!item)
    throw new AppError(
      'planner.not_on_list',
      `problem ${JSON.stringify(String(problem ?? ''))} is not on today's list`,
      404,
      { problem: String(problem ?? '') },
    );
  return item;
}

export function isOnTodayList(db: Db, learner: Learner, today: string, problem: unknown, now: Date): boolean {
  const day = storedToday(db, learner, today, now);
  return day.items.some((it) => it.problem === problem);
}

/** Skip: the item leaves today's list and is not offered again today. */
export function skipItem(db: Db, learner: Learner, today: string, problem: unknown, now: Date): PlanItem {
  const day = storedToday(db, learner, today, now);
  const item = itemOnList(day, problem);
  updatePlanDay(db, learner.id, today, {
    items: day.items,
    skipped: [...day.skipped, item.problem],
    minutesToday: day.minutesToday,
  });
  return item;
}

/** Un-skip: a skipped item of today's list is offered again (a 404 when it is not a skipped item of the list). */
export function unskipItem(db: Db, learner: Learner, today: string, problem: unknown, now: Date): PlanItem {
  const day = storedToday(db, learner, today, now);
  const item = day.items.find((it) => it.problem === problem && day.skipped.includes(it.problem));
  if (!item)
    throw new AppError(
      'planner.not_skipped',
      `problem ${JSON.stringify(String(problem ?? ''))} is not a skipped item of today's list`,
      404,
      { problem: String(problem ?? '') },
    );
  updatePlanDay(db, learner.id, today, {
    items: day.items,
    skipped: day.skipped.filter((p) => p !== item.problem),
    minutesToday: day.minutesToday,
  });
  return item;
}

/** Swap: the item is replaced in place by the next-best problem; undefined when there is no other candidate. */
export function swapItem(
  db: Db,
  learner: Learner,
  today: string,
  problem: unknown,
  now: Date,
): { out: PlanItem; in: PlanItem | undefined } {
  const day = storedToday(db, learner, today, now);
  const out = itemOnList(day, problem);
  const skipped = [...day.skipped, out.problem];
  const next = runPlanner(
    planInputFor(db, learner, today, day, { swap: out.problem, excludeToday: skipped, horizonDays: 1 }),
  );
  const listed = new Set(day.items.map((it) => it.problem));
  const replacement = next.days[0]?.items.find((it) => !listed.has(it.problem));
  if (!replacement) return { out, in: undefined };
  // Marked as the learner's choice: a later rebuild (a history import landing) keeps it like a logged item.
  const swappedIn: PlanItem & SwappedIn = { ...replacement, swapped: true };
  const items = day.items.map((it) => (it.problem === out.problem ? swappedIn : it));
  // The swapped-out problem is kept out of today (as skipped, though no longer listed): a rebuild does not bring it back.
  updatePlanDay(db, learner.id, today, { items, skipped, minutesToday: day.minutesToday });
  return { out, in: replacement };
}

/** "Less time today": the list shrinks to what fits in `minutes` (logged items stay). */
export function lessTimeToday(db: Db, learner: Learner, today: string, rawMinutes: unknown, now: Date): number {
  const text = String(rawMinutes ?? '').trim();
  const minutes = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(minutes >= 0 && minutes <= learner.dailyMinutes)) {
    throw new AppError('planner.bad_minutes', `minutes must be a whole number from 0 to ${learner.dailyMinutes}`, 422, {
      value: text,
      max: learner.dailyMinutes,
    });
  }
  const day = storedToday(db, learner, today, now);
  const pending = (items: PlanItem[] | undefined) => new Set((items ?? []).map((it) => it.problem));
  // What is pending now is the stored plan's first day; only the shrunk list needs the planner.
  const before = pending(storedPlan(db, learner, today, now).plan.days[0]?.items);
  const after = pending(
    runPlanner(planInputFor(db, learner, today, day, { minutesToday: minutes, horizonDays: 1 })).days[0]?.items,
  );
  // Logged and skipped items stay on the list (they are not pending before); pending ones stay only if they fit.
  const items = day.items.filter((it) => !before.has(it.problem) || after.has(it.problem));
  updatePlanDay(db, learner.id, today, { items, skipped: day.skipped, minutesToday: minutes });
  return minutes;
}
