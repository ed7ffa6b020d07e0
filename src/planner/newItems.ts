/** New problems for a day: the rules of the day, the weekly coverage of heavy types, and splitting a long problem. */
import { bestCandidate, CONFUSABLE, type Candidate, type DayRules } from './choose.ts';
import { countNew, practise, warmingUp, type PlanContext } from './context.ts';
import { item, primaryCategory, RESOLVE_FACTOR, SLACK } from './items.ts';
import { minutesFor } from './model.ts';
import { newReason, newWhy, reviewReason } from './reasons.ts';
import type { ReviewCard } from './reviews.ts';
import type { PlanItem } from './types.ts';
import type { Phase } from './timeline.ts';
import { TUNING } from './tuning.ts';

/** A problem may be split over at most this many days of a small budget. */
const MAX_SPLIT = 2;

/** Heavy types (π ≥ coverWeight) without a new problem in the last coverDays − 1 study days, longest first. */
function dueForCoverage(ctx: PlanContext): number[] {
  const due: number[] = [];
  for (let c = 0; c < ctx.pi.length; c++) {
    // (Weights are normalised: kakao's 0.1 arrives as 0.09999…, and must still count as 0.1.)
    if (
      ctx.pi[c] >= TUNING.coverWeight - 1e-9 &&
      ctx.studyIndex - ctx.lastNew[c] >= TUNING.coverDays - TUNING.coverSlack
    )
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
    items.push(item(ctx, cand.problem, 'new', cand.minutes, reason, cand.category));
    practise(ctx, cand.problem);
    spent += Math.max(1, Math.round(cand.minutes));
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
  // With the exam at most `shortHorizon` days away nothing learnt now comes back as a review and there is no time to
  // find the level first (a new learner's easier start): the days before the eve aim at the learning optimum.
  const short = total <= TUNING.shortHorizon && !lastDay;
  return {
    pStar: short
      ? TUNING.pStarShort
      : Math.max(phase === 'A' ? TUNING.pStarA : TUNING.pStarB, warmingUp(ctx) ? TUNING.pStarWarmup : 0),
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
    examValue: short && TUNING.shortExamValue,
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

/** No unsolved problem of a weighted type within reach, whatever the room (the list is exhausted for this learner). */
export function noNewInReach(ctx: PlanContext, rules: DayRules): boolean {
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
 * budget goes, and said so. When even that is impossible the day stays empty and the plan's notice says why: on the
 * first study day a new problem too long for the budget marks the plan "budget too small" (ctx.tooShort).
 * `rules.onlyCategory` narrows the new problem to one type; a type with nothing in reach marks nothing, so a caller can
 * try its preferred types before the open search. Returns whether it planned something.
 */
export function shortestWork(
  ctx: PlanContext,
  day: string,
  items: PlanItem[],
  rules: DayRules,
  budget: number,
  excluded: Set<number> | null,
  lastDay: boolean,
): boolean {
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
    return true;
  }
  if (!(budget > 0)) return false;
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
    if (ctx.studyIndex === 0 && rules.onlyCategory < 0) ctx.tooShort = true;
    return false;
  }
  splitItem(ctx, items, cand, budget, lastDay);
  return true;
}

/** A problem may be spread over at most this many study days when a problem at the learner's level outlasts the day. */
const MAX_LONG_PARTS = 4;

/**
 * A budget shorter than a problem at the learner's level (15 or 30 minutes a day): rather than fill the day with
 * problems far under the level (little to learn), start the best problem for the level and spread it over the next
 * study days (at most MAX_LONG_PARTS, never onto the exam's eve). Taken only when that problem is worth more than
 * the day filled with what fits: value per problem against value per problem × how many fit. Returns whether it did.
 */
export function longProblemDay(
  ctx: PlanContext,
  items: PlanItem[],
  rules: DayRules,
  budget: number,
  studyDaysLeft: number,
): boolean {
  const limit = budget * SLACK;
  const parts = Math.min(MAX_LONG_PARTS, studyDaysLeft);
  if (items.length > 0 || parts < 2) return false;
  const open = { ...rules, excludeCategory: -1, perProblem: true };
  const long = bestCandidate(ctx, open, limit * parts);
  if (!long || long.minutes <= limit) return false;
  const short = bestCandidate(ctx, open, limit);
  if (short && short.score * Math.max(1, Math.floor(limit / short.minutes)) >= long.score) return false;
  splitItem(ctx, items, long, budget, false);
  return true;
}

/** A new problem longer than the day: its first part today, the rest carried to the next study days (ctx.carry). */
function splitItem(ctx: PlanContext, items: PlanItem[], cand: Candidate, budget: number, lastDay: boolean): void {
  const needed = Math.ceil(cand.minutes / (budget * SLACK));
  const unfinished = lastDay && needed > 1;
  const parts = unfinished ? 1 : needed;
  const perDay = unfinished ? budget : cand.minutes / parts;
  countNew(ctx, cand.problem);
  const level = ctx.index.level[cand.problem];
  // A problem that fits the day after all (the eve's half day had no warm-up) is not "split": its usual reason.
  const reason =
    parts === 1 && !unfinished
      ? newReason(ctx, newWhy(ctx, cand.category, lastDay, cand.predicted), cand.category, level, cand.predicted)
      : {
          code: unfinished ? 'split_last' : 'split',
          params: {
            category: ctx.index.catKeys[cand.category],
            level,
            parts,
            minutes: Math.round(cand.minutes),
            success: Math.round(cand.predicted * 100),
          },
        };
  items.push(item(ctx, cand.problem, 'new', perDay, reason, cand.category));
  practise(ctx, cand.problem, unfinished ? budget / cand.minutes : 1);
  if (parts > 1) ctx.carry = { problem: cand.problem, minutes: perDay, parts, left: parts - 1 };
}
