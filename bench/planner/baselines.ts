/**
 * The baselines cote must beat (PLANNER.md): SEQ, SEQ-PROFILE, TONY, RR and G75. They plan with the
 * planner-independent estimate t̂(ℓ) and never retry what the learner solved (a hint counts as done;
 * a plain failure stays in line and comes back).
 */
import type { DailyPlanner, PlannerFactory, RunSetup } from './planners.ts';
import { doneSet, listOrder } from './planners.ts';
import { Rng } from './rng.ts';
import { estimatedMinutes } from './world.ts';

/** Baselines, like cote, may plan up to 10 % over the budget. */
export const PLAN_SLACK = 1.1;

/**
 * Takes candidates in order, passing over one that would overfill the day (it heads the line tomorrow),
 * until the estimated minutes reach the budget; the first candidate is always taken, so a long problem
 * cannot stall the plan.
 */
export function fillBudget(candidates: Iterable<string>, levelOf: (id: string) => number, budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const id of candidates) {
    const t = estimatedMinutes(levelOf(id));
    if (out.length > 0 && used + t > PLAN_SLACK * budget) continue;
    out.push(id);
    used += t;
    if (used >= budget) break;
  }
  return out;
}

const levelFn = (setup: RunSetup) => (id: string) => setup.index.level.get(id) ?? 0;

export const seq: PlannerFactory = (setup) => sequential(setup, listOrder(setup.index.catalog));

export const seqProfile: PlannerFactory = (setup) =>
  sequential(
    setup,
    listOrder(setup.index.catalog, (c) => (setup.weights.get(c) ?? 0) > 0),
  );

function sequential(setup: RunSetup, order: string[]): DailyPlanner {
  return {
    today({ history }) {
      const done = doneSet(history);
      return fillBudget(
        order.filter((p) => !done.has(p)),
        levelFn(setup),
        setup.budget,
      );
    },
  };
}

/** tony9402's daily pick: level buckets ≤8/≤12/≤15/≤18 give 1/2/1/1, weighted against recent picks. */
export const TONY_BUCKETS: Array<{ max: number; count: number }> = [
  { max: 8, count: 1 },
  { max: 12, count: 2 },
  { max: 15, count: 1 },
  { max: 18, count: 1 },
];

export const tony: PlannerFactory = (setup) => {
  const order = listOrder(setup.index.catalog);
  const level = levelFn(setup);
  const picks: Array<{ day: number; problem: string }> = [];
  return {
    today({ history, dayIndex }) {
      const done = doneSet(history);
      const recent = new Map<string, number>();
      for (const p of picks) if (p.day > dayIndex - 20) recent.set(p.problem, (recent.get(p.problem) ?? 0) + 1);
      const rng = Rng.of(setup.seed, 'tony', dayIndex);
      const chosen: string[] = [];
      let low = -Infinity;
      for (const bucket of TONY_BUCKETS) {
        const pool = order.filter((p) => level(p) > low && level(p) <= bucket.max && !done.has(p));
        low = bucket.max;
        for (let i = 0; i < bucket.count; i++) {
          const pick = weightedPick(
            pool.filter((p) => !chosen.includes(p)),
            (p) => Math.max(0, 20 - 1.7 * (recent.get(p) ?? 0)),
            rng,
          );
          if (pick) chosen.push(pick);
        }
      }
      const today = fillBudget(chosen, level, setup.budget);
      for (const problem of today) picks.push({ day: dayIndex, problem });
      return today;
    },
  };
};

export function weightedPick<T>(pool: T[], weight: (x: T) => number, rng: Rng): T | undefined {
  const total = pool.reduce((s, x) => s + weight(x), 0);
  if (pool.length === 0) return undefined;
  if (total <= 0) return pool[rng.int(pool.length)];
  let u = rng.uniform() * total;
  for (const x of pool) {
    u -= weight(x);
    if (u < 0) return x;
  }
  return pool[pool.length - 1];
}

/** Round robin over the list's categories, the easiest unsolved problem of each; the turn carries over days. */
export const roundRobin: PlannerFactory = (setup) => {
  const { catalog } = setup.index;
  const level = levelFn(setup);
  const byCategory = catalog.categories.map((c) =>
    catalog.entries
      .filter((e) => e.category === c.key)
      .sort((a, b) => level(a.problem) - level(b.problem) || a.position - b.position)
      .map((e) => e.problem),
  );
  let turn = 0;
  return {
    today({ history }) {
      const done = doneSet(history);
      const queues = byCategory.map((ps) => ps.filter((p) => !done.has(p)));
      const order: Array<{ problem: string; category: number }> = [];
      const taken = new Set<string>();
      while (order.length < 40 && queues.some((q) => q.length)) {
        for (let k = 0; k < queues.length; k++) {
          const category = (turn + k) % queues.length;
          let next = queues[category].shift();
          while (next && taken.has(next)) next = queues[category].shift();
          if (next) {
            taken.add(next);
            order.push({ problem: next, category });
          }
        }
      }
      const today = fillBudget(
        order.map((o) => o.problem),
        level,
        setup.budget,
      );
      const last = order.find((o) => o.problem === today[today.length - 1]);
      if (last) turn = (last.category + 1) % byCategory.length;
      return today;
    },
  };
};

/**
 * G75: recommended problems first, then the rest in list order; the prefix that fits days × budget,
 * sorted by level, worked through day by day.
 */
export const g75: PlannerFactory = (setup) => {
  const level = levelFn(setup);
  let queue: string[] | undefined;
  return {
    today({ history }) {
      const done = doneSet(history);
      if (!queue) queue = g75Queue(setup, done);
      return fillBudget(
        queue.filter((p) => !done.has(p)),
        level,
        setup.budget,
      );
    },
  };
};

export function g75Queue(setup: RunSetup, done: Set<string>): string[] {
  const { catalog, recommended } = setup.index;
  const level = levelFn(setup);
  const all = listOrder(catalog).filter((p) => !done.has(p));
  const ordered = [...all.filter((p) => recommended.has(p)), ...all.filter((p) => !recommended.has(p))];
  const capacity = setup.days * setup.budget;
  const prefix: string[] = [];
  let used = 0;
  for (const p of ordered) {
    const t = estimatedMinutes(level(p));
    if (used + t > capacity) break;
    prefix.push(p);
    used += t;
  }
  return prefix
    .map((p, i) => ({ p, i }))
    .sort((a, b) => level(a.p) - level(b.p) || a.i - b.i)
    .map((x) => x.p);
}

export const BASELINES: Record<string, PlannerFactory> = {
  SEQ: seq,
  'SEQ-PROFILE': seqProfile,
  TONY: tony,
  RR: roundRobin,
  G75: g75,
};
