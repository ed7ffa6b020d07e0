import { addDays, isoWeekday } from '../day.ts';
import { bestCandidate, CONFUSABLE, problemNear, type DayRules } from './choose.ts';
import { countNew, practise, skill, warmingUp, type PlanContext } from './context.ts';
import { MAX_LEVEL } from './catalogIndex.ts';
import type { ReviewCard } from './reviews.ts';
import { minutesFor, predicted } from './model.ts';
import { mockReason, newReason, newWhy, reviewReason } from './reasons.ts';
import type { PlanDay, PlanItem, Reason } from './types.ts';
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
  /** Index of the last study day before the exam (the warm-up day, whatever its weekday); −1 without one. */
  lastStudy: number;
}

/** The index of the last study day in [0, total), −1 when none. */
export function lastStudyDay(today: string, total: number, studyDays: Set<number>): number {
  for (let i = total - 1; i >= 0; i--) if (studyDays.has(isoWeekday(addDays(today, i)))) return i;
  return -1;
}

const SLACK = 1.1;
/** A problem may be split over at most this many days of a small budget. */
const MAX_SPLIT = 2;
const RESOLVE_FACTOR = 0.6;

function primaryCategory(ctx: PlanContext, problem: number): number {
  const cats = ctx.index.problemCats[problem];
  let best = cats[0] ?? 0;
  for (const c of cats) if (ctx.pi[c] > ctx.pi[best]) best = c;
  return best;
}

function item(ctx: PlanContext, problem: number, kind: PlanItem['kind'], minutes: number, reason: Reason): PlanItem {
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
  const { problems: q, maxLevel, minutes: examMinutes } = ctx.format;
  // On the exam's judge (kakao → Programmers) every problem of it may serve, rated or not (unrated plan as Bronze I).
  const off = ctx.offExamJudge;
  const minLevel = off ? 1 : ctx.format.minLevel;
  if (off) excluded = excluded ? new Set([...excluded, ...off]) : off;
  const known = (c: number) => allowNewCategory || ctx.learner.solvedIn[c] + ctx.plannedIn[c] > 0;
  const order = [...ctx.pi.keys()]
    .filter((c) => ctx.pi[c] > 0 && known(c))
    .sort((a, b) => ctx.pi[b] - ctx.pi[a] || a - b);
  const chosen: number[] = [];
  for (let k = 0; chosen.length < q && k < q * 2 && order.length; k++) {
    const c = order[k % order.length];
    const target = Math.min(maxLevel, Math.max(minLevel, Math.round(skill(ctx, c))));
    const p = problemNear(ctx, c, target, minLevel, maxLevel, excluded);
    if (p === undefined || predicted(skill(ctx, c), ctx.index.level[p]) < TUNING.mockMinP) continue;
    ctx.used[p] = 1;
    chosen.push(p);
  }
  // An exhausted list: the set is drawn from solved problems.
  const fromSolved = chosen.length === 0;
  for (let k = 0; fromSolved && chosen.length < q && k < q * 2 && order.length; k++) {
    const c = order[k % order.length];
    const p = solvedNear(ctx, c, Math.round(skill(ctx, c)), minLevel, maxLevel, excluded);
    if (p === undefined) continue;
    ctx.resolved[p] = ctx.studyIndex + 1;
    chosen.push(p);
  }
  void examMinutes;
  const fresh = new Set(chosen.filter((p) => ctx.resolved[p] !== ctx.studyIndex + 1));
  const kept: { p: number; minutes: number }[] = [];
  let spent = 0;
  for (const p of chosen) {
    const minutes = minutesFor(ctx.index.level[p], ctx.learner.pace);
    if (spent + minutes > limit) {
      ctx.used[p] = ctx.learner.attempted[p];
      continue;
    }
    spent += minutes;
    kept.push({ p, minutes });
  }
  // A "set" of one problem is no mock: leave the day to new problems.
  if (kept.length < Math.min(2, q)) {
    for (const { p } of kept) ctx.used[p] = ctx.learner.attempted[p];
    return [];
  }
  // What the reason says is what the set holds: its problems and their minutes.
  const setMinutes = Math.round(spent);
  const items = kept.map(({ p, minutes }) => {
    const c = primaryCategory(ctx, p);
    const reason = mockReason(ctx, kept.length, setMinutes, c, ctx.index.level[p]);
    if (!fresh.has(p)) reason.code = 'mock_resolve';
    return { ...item(ctx, p, 'mock', minutes, reason), mockMinutes: setMinutes };
  });
  for (const { p } of kept) {
    practise(ctx, p, 0.5);
    if (fresh.has(p)) countNew(ctx, p);
  }
  return items;
}

/** A solved problem may be re-solved again RESOLVE_AGAIN study days after this plan last re-solved it. */
const RESOLVE_AGAIN = 14;

function resolvable(ctx: PlanContext, p: number): boolean {
  return !ctx.resolved[p] || ctx.studyIndex - (ctx.resolved[p] - 1) >= RESOLVE_AGAIN;
}

/** A solved problem of category c near `level` in [lo, hi] not yet re-solved in this plan (an exhausted list). */
function solvedNear(
  ctx: PlanContext,
  c: number,
  level: number,
  lo: number,
  hi: number,
  excluded: Set<number> | null,
): number | undefined {
  const target = Math.min(hi, Math.max(lo, level));
  for (let d = 0; d <= hi - lo; d++) {
    for (const l of d === 0 ? [target] : [target - d, target + d]) {
      if (l < lo || l > hi) continue;
      for (const e of ctx.index.buckets[c][l]) {
        const p = e.problem;
        // Solved before, or planned earlier in this forecast (and so expected solved by then).
        const solved = ctx.learner.solved[p] || (ctx.used[p] && !ctx.learner.attempted[p]);
        if (solved && resolvable(ctx, p) && !excluded?.has(p) && !ctx.reviewing.has(p)) return p;
      }
    }
  }
  return undefined;
}

/**
 * An exhausted list (no new problem within reach): re-solves of solved problems in the weighted types, heaviest
 * first, near the learner's level, to fill what is left of the day.
 */
function refreshItems(ctx: PlanContext, items: PlanItem[], room: number, excluded: Set<number> | null): number {
  const order = [...ctx.pi.keys()]
    .filter((c) => ctx.pi[c] > 0)
    .sort((a, b) => ctx.pi[b] * shareOf(ctx, b) - ctx.pi[a] * shareOf(ctx, a) || a - b);
  let spent = 0;
  for (let round = 0; round < 4; round++) {
    for (const c of order) {
      // A re-solve teaches most when it is neither sure nor hopeless (about 35–93 % predicted); the last rounds
      // take easier and harder ones rather than leave the day empty.
      const th = skill(ctx, c);
      const [below, above] = round < 2 ? [3, 0.7] : [5, 2];
      const p = solvedNear(
        ctx,
        c,
        Math.round(th) - 1,
        Math.max(0, Math.ceil(th - below)),
        Math.min(MAX_LEVEL, Math.floor(th + above)),
        excluded,
      );
      if (p === undefined) continue;
      const minutes = Math.max(1, Math.round(RESOLVE_FACTOR * minutesFor(ctx.index.level[p], ctx.learner.pace)));
      if (spent + minutes > room) continue;
      ctx.resolved[p] = ctx.studyIndex + 1;
      items.push(
        item(ctx, p, 'review', minutes, {
          code: 'resolve_solved',
          params: { category: ctx.index.catKeys[c], level: ctx.index.level[p] },
        }),
      );
      practise(ctx, p, 0.5);
      spent += minutes;
    }
  }
  return spent;
}

function shareOf(ctx: PlanContext, c: number): number {
  return 1 / (1 + ctx.newIn[c]);
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
  for (const card of ctx.reviews)
    backlog += RESOLVE_FACTOR * minutesFor(ctx.index.level[card.problem], ctx.learner.pace);
  const cap = Math.max(
    (phase === 'C' ? TUNING.reviewShareFinal : TUNING.reviewShare) * budget,
    backlog / reviewDaysLeft,
  );
  let spent = 0;
  let reviewed = 0;
  const remaining = [];
  for (const card of ctx.reviews) {
    const minutes = RESOLVE_FACTOR * minutesFor(ctx.index.level[card.problem], ctx.learner.pace);
    const allowed =
      card.due <= day &&
      !excluded?.has(card.problem) &&
      spent + minutes <= limit &&
      (force || reviewed === 0 || spent + minutes <= cap);
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
    if (ctx.pi[c] >= TUNING.coverWeight && ctx.studyIndex - ctx.lastNew[c] >= TUNING.coverDays - TUNING.coverSlack)
      due.push(c);
  }
  return due.sort((a, b) => ctx.lastNew[a] - ctx.lastNew[b] || ctx.pi[b] - ctx.pi[a] || a - b);
}

/** Another type the exam weighs (π ≥ 0.05) besides c: without one, a day need not mix types. */
function hasOtherWeighted(ctx: PlanContext, c: number): boolean {
  for (let o = 0; o < ctx.pi.length; o++) if (o !== c && ctx.pi[o] >= 0.05) return true;
  return false;
}

export function newItems(
  ctx: PlanContext,
  items: PlanItem[],
  rules: DayRules,
  room: number,
  lastDay: boolean,
  max = Infinity,
): number {
  let spent = 0;
  const due = max === Infinity && !lastDay ? dueForCoverage(ctx) : [];
  for (let added = 0; added < max; added++) {
    const cats = new Set(items.map((i) => i.category));
    const only = items.length >= 2 && cats.size === 1 ? (ctx.index.catIndex.get(items[0].category) ?? -1) : -1;
    rules.excludeCategory = only >= 0 && hasOtherWeighted(ctx, only) ? only : -1;
    if (rules.mixConfusable) rules.partnersOnDay = partners(ctx, cats);
    // A heavy type due for its weekly new problem comes first, when one of its problems is within reach.
    let cand: ReturnType<typeof bestCandidate>;
    while (!cand && due.length) {
      rules.onlyCategory = due.shift() ?? -1;
      cand = bestCandidate(ctx, rules, room - spent);
    }
    rules.onlyCategory = -1;
    cand ??= bestCandidate(ctx, rules, room - spent);
    if (!cand) break;
    countNew(ctx, cand.problem);
    rules.newToday[cand.category]++;
    const why = newWhy(ctx, cand.category, lastDay, cand.predicted);
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

export function dayRules(
  ctx: PlanContext,
  phase: Phase,
  total: number,
  lastDay: boolean,
  excluded: Set<number> | null,
  dayMinutes = 0,
): DayRules {
  return {
    pStar: Math.max(phase === 'A' ? TUNING.pStarA : TUNING.pStarB, warmingUp(ctx) ? TUNING.pStarWarmup : 0),
    minP: lastDay ? 0.85 : TUNING.minP,
    maxP: TUNING.maxP,
    newToday: new Int32Array(ctx.index.catKeys.length),
    // With the exam 1–3 days away no new type starts, unless the learner has practised none (then warm-ups).
    allowNewCategory: total > 3 || !practisedAny(ctx),
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

function practisedAny(ctx: PlanContext): boolean {
  for (let c = 0; c < ctx.pi.length; c++)
    if (ctx.pi[c] > 0 && ctx.learner.solvedIn[c] + ctx.plannedIn[c] > 0) return true;
  return false;
}

/** One study day's items: due reviews, a mock set on mock days, then new problems to fill the budget. */
export function planDay(
  ctx: PlanContext,
  cal: Calendar,
  i: number,
  mockDay: boolean,
  excluded: Set<number> | null,
): PlanItem[] {
  const day = addDays(ctx.today, i);
  const left = cal.total - i;
  const lastDay = i === cal.lastStudy;
  const phase = phaseOf(cal.timeline, i);
  const full =
    i === 0 && cal.minutesToday !== undefined ? Math.min(cal.minutesToday, cal.dailyMinutes) : cal.dailyMinutes;
  const budget = lastDay ? full * 0.5 : full;
  const limit = budget * SLACK;
  const items: PlanItem[] = [];
  let spent = dueReviews(ctx, day, budget, limit, phase, left <= 3, cal.reviewDaysLeft[i], items, excluded);
  if (mockDay && !lastDay) {
    const mock = mockSet(ctx, limit - spent, excluded, cal.total > 3);
    items.push(...mock);
    spent += mock.reduce((s, x) => s + x.minutes, 0);
  }
  if (ctx.carry) {
    // The second half of a problem split over two days (a budget smaller than any problem).
    const { problem, minutes, parts } = ctx.carry;
    ctx.carry = undefined;
    items.push(
      item(ctx, problem, 'new', minutes, {
        code: 'split_continue',
        params: { category: ctx.index.catKeys[primaryCategory(ctx, problem)], level: ctx.index.level[problem], parts },
      }),
    );
    return items;
  }
  const rules = dayRules(ctx, phase, cal.total, lastDay, excluded, budget);
  for (const x of items) {
    const c = ctx.index.catIndex.get(x.category);
    if (c !== undefined && x.kind !== 'review') rules.newToday[c]++;
  }
  const before = items.length;
  // Weighted types first; when none of them has a problem within reach, re-solves of solved ones come before
  // new problems of types the exam does not weigh.
  rules.weightedOnly = true;
  spent += newItems(ctx, items, rules, limit - spent, lastDay);
  rules.weightedOnly = lastDay;
  // The warm-up day of a learner with nothing easy enough left: the easiest weighted problems still in reach.
  if (lastDay && items.length === 0) spent += newItems(ctx, items, { ...rules, maxP: 0.995 }, limit - spent, true, 2);
  if (lastDay && items.length === 0)
    spent += newItems(ctx, items, { ...rules, minP: TUNING.warmupFallbackP, maxP: 0.995 }, limit - spent, true, 2);
  if (items.length === before && noNewInReach(ctx, rules)) {
    if (ctx.studyIndex < 7) ctx.exhausted = true;
    spent += refreshItems(ctx, items, limit - spent, excluded);
  }
  if (!lastDay) spent += newItems(ctx, items, rules, limit - spent, lastDay);
  // (The warm-up day's half budget is no reason for an empty day: the shortest work may take the whole budget.)
  if (items.length === 0) shortestWork(ctx, day, items, rules, lastDay ? full : budget, excluded, lastDay);
  return items;
}

/** No unsolved problem of a weighted type within reach, whatever the room (the list is exhausted for this learner). */
function noNewInReach(ctx: PlanContext, rules: DayRules): boolean {
  return (
    bestCandidate(
      ctx,
      { ...rules, excludeCategory: -1, newToday: new Int32Array(ctx.pi.length), weightedOnly: true },
      Infinity,
    ) === undefined
  );
}

/**
 * Never an empty study day without a reason: when nothing fits the budget, the shortest useful work — the
 * shortest due re-solve, else the best new problem split over as many days as it needs (at most MAX_SPLIT); on the
 * last study day before the exam there is no later day to finish it on, so it is started and worked as far as the
 * budget goes, and said so. When even that is impossible the day stays empty and the plan's notice says why.
 */
function shortestWork(
  ctx: PlanContext,
  day: string,
  items: PlanItem[],
  rules: DayRules,
  budget: number,
  excluded: Set<number> | null,
  lastDay: boolean,
): void {
  let shortest: ReviewCard | undefined;
  let shortestMinutes = Infinity;
  for (const card of ctx.reviews) {
    const minutes = RESOLVE_FACTOR * minutesFor(ctx.index.level[card.problem], ctx.learner.pace);
    if (card.due <= day && !excluded?.has(card.problem) && minutes < shortestMinutes)
      [shortest, shortestMinutes] = [card, minutes];
  }
  if (shortest) {
    ctx.reviews = ctx.reviews.filter((c) => c !== shortest);
    items.push(
      item(
        ctx,
        shortest.problem,
        'review',
        shortestMinutes,
        reviewReason(ctx, shortest, primaryCategory(ctx, shortest.problem)),
      ),
    );
    practise(ctx, shortest.problem, 0.5);
    return;
  }
  if (!(budget > 0)) return;
  // The warm-up day of a small budget: the easiest weighted problem in reach when nothing is an easy warm-up.
  const cand =
    bestCandidate(ctx, { ...rules, excludeCategory: -1 }, budget * MAX_SPLIT) ??
    (rules.minP > TUNING.warmupFallbackP
      ? bestCandidate(
          ctx,
          { ...rules, excludeCategory: -1, minP: TUNING.warmupFallbackP, maxP: 0.995 },
          budget * MAX_SPLIT,
        )
      : undefined);
  if (!cand) {
    if (ctx.studyIndex === 0) ctx.tooShort = true;
    return;
  }
  const needed = Math.ceil(cand.minutes / (budget * SLACK));
  const unfinished = lastDay && needed > 1;
  const parts = unfinished ? 1 : needed;
  const perDay = unfinished ? budget : cand.minutes / parts;
  countNew(ctx, cand.problem);
  practise(ctx, cand.problem, unfinished ? budget / cand.minutes : 1);
  const level = ctx.index.level[cand.problem];
  items.push({
    ...item(ctx, cand.problem, 'new', perDay, {
      code: unfinished ? 'split_last' : 'split',
      params: {
        category: ctx.index.catKeys[cand.category],
        level,
        parts,
        minutes: Math.round(cand.minutes),
        success: Math.round(cand.predicted * 100),
      },
    }),
    category: ctx.index.catKeys[cand.category],
  });
  if (parts > 1) ctx.carry = { problem: cand.problem, minutes: perDay, parts };
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
