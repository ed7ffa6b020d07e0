import { addDays } from '../../src/day.ts';
import type { Outcome } from '../../src/progress/outcomes.ts';

/** One seeded attempt, ready for the attempts table. */
export interface SeedAttempt {
  problemId: string;
  day: string;
  outcome: Outcome;
  minutes: number;
  createdAt: string;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): the same seed builds the same history on every run. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Outcome mix of a learner who mostly solves: 55 % solved, 15 % each solved slowly, with a hint, failed.
const OUTCOME_CUTS: [number, Outcome][] = [
  [0.55, 'solved'],
  [0.7, 'solved_slow'],
  [0.85, 'hint'],
  [1, 'failed'],
];
/** Share of attempts that go back to a problem tried before (a re-solve) instead of a new one. */
const RETRY_SHARE = 0.15;
/** Attempts logged on the last day, so Today and History show entries of today. */
const TODAY_ATTEMPTS = 2;

/**
 * A year of work for one learner: `count` attempts on days spread over the 365 days up to `today` (oldest first,
 * `TODAY_ATTEMPTS` of them today), new problems taken in a shuffled order of `problems`, some re-solves of earlier
 * ones, 10–89 minutes each. Pure and deterministic in (`seed`, `problems`, `today`, `count`).
 */
export function learnerHistory(seed: number, problems: readonly string[], today: string, count: number): SeedAttempt[] {
  const random = rng(seed);
  const order = shuffled(problems, random);
  const offsets = Array.from({ length: count }, (_, k) =>
    k >= count - TODAY_ATTEMPTS ? 0 : Math.floor(random() * 365),
  );
  offsets.sort((a, b) => b - a);
  const tried: string[] = [];
  return offsets.map((offset, k) => {
    const retry = tried.length > 0 && (random() < RETRY_SHARE || tried.length >= order.length);
    const problemId = retry ? tried[Math.floor(random() * tried.length)] : order[tried.length];
    if (!retry) tried.push(problemId);
    const day = addDays(today, -offset);
    const draw = random();
    const outcome = OUTCOME_CUTS.find(([cut]) => draw < cut)![1];
    // 10:00–21:59 in Seoul (UTC+9), where the learners live.
    const time = `${String(1 + (k % 12)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
    return { problemId, day, outcome, minutes: 10 + Math.floor(random() * 80), createdAt: `${day}T${time}` };
  });
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
