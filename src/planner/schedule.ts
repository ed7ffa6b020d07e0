import { addDays, isoWeekday } from '../day.ts';
import { bestCandidate, CONFUSABLE, problemNear, type DayRules } from './choose.ts';
import { countNew, practise, skill, warmingUp, type PlanContext } from './context.ts';
import { minutesFor, predicted } from './model.ts';
import { mockReason, newReason, newWhy, reviewReason } from './reasons.ts';
import type { PlanDay, PlanItem } from './types.ts';
import { phaseOf, type Phase, type Timeline } from './timeline.ts';
import { TUNING } from './tuning.ts';

export interface Calendar {
  /** Days from today to the exam (the exam day itself is not planned). */
  total: number;
  /** The preparation's phases, anchored at its start. */
  timeline: Timeline;
  studyDays: Set<number>;
  dailyMinutes: number;
  minutesToday?: number;
  /** Plan only this many days in detail. */
  horizon: number;
  /** Study days from day i to the exam − 2 (the latest due date), at least 1: reviews spread over them. */
  reviewDaysLeft: number[];
}

const SLACK = 1.1;
const RESOLVE_FACTOR = 0.6;

function primaryCategory(ctx: PlanContext, problem: number): number {
  const cats = ctx.index.problemCats[problem];
  let best = cats[0] ?? 0;
  for (const c of cats) if (ctx.pi[c] > ctx.pi[best]) best = c;
  return best;
}

function item(ctx: PlanContext, problem: number, kind: PlanItem['kind'], minutes: number, reason: string): PlanItem {
  const c = primaryCategory(ctx, problem);
  const level = ctx.index.problems[problem].level;
  return {
    problem: ctx.index.problems[problem].id,
    kind,
    category: ctx.index.catKeys[c],
    level,
    minutes: Math.max(1, Math.round(minutes)),
    predicted: Math.round(predicted(skill(ctx, c), ctx.index.level[problem]) * 100) / 100,
    reason,
  };
}

/** A timed set in the exam's format: Q problems in its level range, heaviest categories first, within the budget. */
function mockSet(ctx: PlanContext, limit: number, excluded: Set<number> | null, allowNewCategory: boolean): PlanItem[] {
  const { problems: q, minLevel, maxLevel, minutes: examMinutes } = ctx.format;
  const known = (c: number) => allowNewCategory || ctx.learner.solvedIn[c] + ctx.plannedIn[c] > 0;
  const order = [...ctx.pi.keys()].filter((c) => ctx.pi[c] > 0 && known(c)).sort((a, b) => ctx.pi[b] - ctx.pi[a] || a - b);
  const chosen: number[] = [];
  for (let k = 0; chosen.length < q && k < q * 2 && order.length; k++) {
    const c = order[k % order.length];
    const target = Math.min(maxLevel, Math.max(minLevel, Math.round(skill(ctx, c))));
    const p = problemNear(ctx, c, target, minLevel, maxLevel, excluded);
    if (p === undefined || predicted(skill(ctx, c), ctx.index.level[p]) < TUNING.mockMinP) continue;
    ctx.used[p] = 1;
    chosen.push(p);
  }
  const items: PlanItem[] = [];
  let spent = 0;
  const setMinutes = Math.min(examMinutes, limit);
  for (const p of chosen) {
    const minutes = minutesFor(ctx.index.level[p], ctx.learner.pace);
    if (spent + minutes > limit) {
      ctx.used[p] = ctx.learner.attempted[p];
      continue;
    }
    spent += minutes;
    const c = primaryCategory(ctx, p);
    items.push({ ...item(ctx, p, 'mock', minutes, mockReason(ctx, chosen.length, setMinutes, c, ctx.index.level[p])), mockMinutes: Math.round(setMinutes) });
  }
  for (const p of chosen) {
    if (!items.some((i) => i.problem === ctx.index.problems[p].id)) continue;
    practise(ctx, p, 0.5);
    countNew(ctx, p);
  }
  return items;
}

/** Due reviews, oldest first, within the review share of the budget (at least one when it fits; all in the last days). */
function dueReviews(
  ctx: PlanContext,
  day: string,
  budget: number,
  limit: number,
  phase: Phase,
  force: boolean,
  reviewDaysLeft: number,
  items: PlanItem[],
  excluded: Set<number> | null,
): number {
  // The share of the budget, or more when the open re-solves would not all fit before the exam at that share.
  let backlog = 0;
  for (const card of ctx.reviews) backlog += RESOLVE_FACTOR * minutesFor(ctx.index.level[card.problem], ctx.learner.pace);
  const cap = Math.max((phase === 'C' ? TUNING.reviewShareFinal : TUNING.reviewShare) * budget, backlog / reviewDaysLeft);
  let spent = 0;
  let reviewed = 0;
  const remaining = [];
  for (const card of ctx.reviews) {
    const minutes = RESOLVE_FACTOR * minutesFor(ctx.index.level[card.problem], ctx.learner.pace);
    const allowed = card.due <= day && !excluded?.has(card.problem) && spent + minutes <= limit && (force || reviewed === 0 || spent + minutes <= cap);
    if (!allowed) {
      remaining.push(card);
      continue;
    }
    const c = primaryCategory(ctx, card.problem);
    items.push(item(ctx, card.problem, 'review', minutes, reviewReason(ctx, card, c)));
    practise(ctx, card.problem, 0.5);
    spent += minutes;
    reviewed++;
  }
  ctx.reviews = remaining;
  return spent;
}

/** Heavy types (π ≥ coverWeight) without a new problem in the last coverDays − 1 study days, longest first. */
function dueForCoverage(ctx: PlanContext): number[] {
  const due: number[] = [];
  for (let c = 0; c < ctx.pi.length; c++) {
    if (ctx.pi[c] >= TUNING.coverWeight && ctx.studyIndex - ctx.lastNew[c] >= TUNING.coverDays - TUNING.coverSlack) due.push(c);
  }
  return due.sort((a, b) => ctx.lastNew[a] - ctx.lastNew[b] || ctx.pi[b] - ctx.pi[a] || a - b);
}

/** Another type the exam weighs (π ≥ 0.05) besides c: without one, a day need not mix types. */
function hasOtherWeighted(ctx: PlanContext, c: number): boolean {
  for (let o = 0; o < ctx.pi.length; o++) if (o !== c && ctx.pi[o] >= 0.05) return true;
  return false;
}

export function newItems(ctx: PlanContext, items: PlanItem[], rules: DayRules, room: number, lastDay: boolean, max = Infinity): number {
  let spent = 0;
  const due = max === Infinity && !lastDay ? dueForCoverage(ctx) : [];
  for (let added = 0; added < max; added++) {
    const cats = new Set(items.map((i) => i.category));
    const only = items.length >= 2 && cats.size === 1 ? ctx.index.catIndex.get(items[0].category) ?? -1 : -1;
    rules.excludeCategory = only >= 0 && hasOtherWeighted(ctx, only) ? only : -1;
    if (rules.mixConfusable) rules.partnersOnDay = partners(ctx, cats);
    // A heavy type due for its weekly new problem comes first, when one of its problems is within reach.
    let cand;
    while (!cand && due.length) {
      rules.onlyCategory = due.shift() ?? -1;
      cand = bestCandidate(ctx, rules, room - spent);
    }
    rules.onlyCategory = -1;
    cand ??= bestCandidate(ctx, rules, room - spent);
    if (!cand) break;
    countNew(ctx, cand.problem);
    rules.newToday[cand.category]++;
    const why = newWhy(ctx, cand.category, lastDay);
    const reason = newReason(ctx, why, cand.category, ctx.index.problems[cand.problem].level, cand.predicted);
    items.push({ ...item(ctx, cand.problem, 'new', cand.minutes, reason), category: ctx.index.catKeys[cand.category] });
    practise(ctx, cand.problem);
    spent += cand.minutes;
  }
  return spent;
}

/** Categories whose confusable partner is among `onDay` (category keys). */
function partners(ctx: PlanContext, onDay: Set<string>): Set<number> {
  const out = new Set<number>();
  for (const [a, b] of CONFUSABLE) {
    const ia = ctx.index.catIndex.get(a);
    const ib = ctx.index.catIndex.get(b);
    if (ia === undefined || ib === undefined) continue;
    if (onDay.has(a)) out.add(ib);
    if (onDay.has(b)) out.add(ia);
  }
  return out;
}

export function dayRules(ctx: PlanContext, phase: Phase, total: number, lastDay: boolean, excluded: Set<number> | null, dayMinutes = 0): DayRules {
  return {
    pStar: Math.max(phase === 'A' ? TUNING.pStarA : TUNING.pStarB, warmingUp(ctx) ? TUNING.pStarWarmup : 0),
    minP: lastDay ? 0.85 : TUNING.minP,
    maxP: TUNING.maxP,
    newToday: new Int32Array(ctx.index.catKeys.length),
    allowNewCategory: total > 3,
    coverageBoost: phase === 'A',
    excludeCategory: -1,
    onlyCategory: -1,
    weightedOnly: lastDay,
    dayMinutes,
    excluded,
    mixConfusable: phase !== 'A',
    partnersOnDay: new Set(),
  };
}

/** One study day's items: due reviews, a mock set on mock days, then new problems to fill the budget. */
export function planDay(ctx: PlanContext, cal: Calendar, i: number, mockDay: boolean, excluded: Set<number> | null): PlanItem[] {
  const day = addDays(ctx.today, i);
  const left = cal.total - i;
  const lastDay = left === 1;
  const phase = phaseOf(cal.timeline, i);
  const full = i === 0 && cal.minutesToday !== undefined ? Math.min(cal.minutesToday, cal.dailyMinutes) : cal.dailyMinutes;
  const budget = lastDay ? full * 0.5 : full;
  const limit = budget * SLACK;
  const items: PlanItem[] = [];
  let spent = dueReviews(ctx, day, budget, limit, phase, left <= 3, cal.reviewDaysLeft[i], items, excluded);
  if (mockDay && !lastDay) {
    const mock = mockSet(ctx, limit - spent, excluded, cal.total > 3);
    items.push(...mock);
    spent += mock.reduce((s, x) => s + x.minutes, 0);
  }
  const rules = dayRules(ctx, phase, cal.total, lastDay, excluded, budget);
  for (const x of items) {
    const c = ctx.index.catIndex.get(x.category);
    if (c !== undefined && x.kind !== 'review') rules.newToday[c]++;
  }
  newItems(ctx, items, rules, limit - spent, lastDay);
  return items;
}

export function isStudyDay(cal: Pick<Calendar, 'studyDays'>, day: string): boolean {
  return cal.studyDays.has(isoWeekday(day));
}

/** For each day index, the study days from it to the exam − 2 (at least 1). */
export function reviewDaysLeft(today: string, total: number, studyDays: Set<number>): number[] {
  const out = new Array<number>(total + 1).fill(1);
  let count = 0;
  for (let i = total - 1; i >= 0; i--) {
    if (i <= total - 2 && studyDays.has(isoWeekday(addDays(today, i)))) count++;
    out[i] = Math.max(1, count);
  }
  return out;
}

export function restDay(day: string): PlanDay {
  return { day, rest: true, items: [] };
}
