import { expect } from 'chai';
import { addDays } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import { catalogIndex } from '../../src/planner/catalogIndex.ts';
import { chronological } from '../../src/planner/model.ts';
import { reviewCards } from '../../src/planner/reviews.ts';
import type { HistoryAttempt, Outcome } from '../../src/planner/types.ts';
import { attempt, input, mixedCatalog } from './planner-support.ts';

const catalog = mixedCatalog();
const TODAY = '2026-11-28';
const OUTCOMES: Outcome[] = ['failed', 'hint', 'solved_slow', 'solved'];

/** A small deterministic generator (mulberry32), so that every run checks the same cases. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  seed: number;
  exam: string;
  history: HistoryAttempt[];
}

/** 1–6 problems with 1–3 attempts each over the last 60 days (the last often today), and an exam 3–60 days ahead. */
function randomCase(seed: number): Case {
  const next = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const history: HistoryAttempt[] = [];
  for (let k = 1 + Math.floor(next() * 6); k > 0; k--) {
    const problem = pick(catalog.problems).id;
    let day = -Math.floor(next() * 60);
    for (let n = 1 + Math.floor(next() * 3); n > 0 && day <= 0; n--) {
      history.push(attempt(problem, pick(OUTCOMES), addDays(TODAY, day), 'manual', 40));
      day += 1 + Math.floor(next() * 20);
    }
    if (next() < 0.5) history.push(attempt(problem, pick(['hint', 'solved_slow'] as Outcome[]), TODAY, 'manual', 40));
  }
  return { seed, exam: addDays(TODAY, 3 + Math.floor(next() * 58)), history };
}

/** Problems whose latest attempt was not a clean solve: each must be re-solved before the exam. */
function lapses(history: HistoryAttempt[]): Set<string> {
  const last = new Map<string, Outcome>();
  for (const a of [...history].sort((x, y) => (x.day ?? '').localeCompare(y.day ?? ''))) last.set(a.problem, a.outcome);
  return new Set([...last].filter(([, outcome]) => outcome !== 'solved').map(([problem]) => problem));
}

const cases = Array.from({ length: 60 }, (_, i) => randomCase(1000 + i));
// Fixed corners: a hint today with the exam 3, 4 and 7 days ahead (FSRS alone would bring it back after the exam).
for (const [i, days] of [3, 4, 7].entries()) {
  cases.push({
    seed: -i,
    exam: addDays(TODAY, days),
    history: [attempt(catalog.problems[i].id, 'hint', TODAY, 'manual', 40)],
  });
}

/** Re-solves of solved problems, not of lapses (the list used up, leftover minutes, the eve's warm-ups). */
const RESOLVES = ['resolve_solved', 'resolve_leftover', 'resolve_planned', 'warmup_resolve'];

describe('reviews – every lapse comes back by exam − 2, whatever the history and the exam date', () => {
  it('reviewCards(): no due date after exam − 2 (60 random histories and 3 corners)', () => {
    const index = catalogIndex(catalog);
    const late: string[] = [];
    for (const c of cases) {
      const latest = addDays(c.exam, -2);
      for (const card of reviewCards(index, chronological(c.history), TODAY, c.exam)) {
        if (card.due > latest)
          late.push(`seed ${c.seed}: ${index.problems[card.problem].id} due ${card.due}, exam ${c.exam}`);
      }
    }
    expect(late).to.deep.equal([]);
  });

  it('plan(): every lapse is planned as a review on a day no later than exam − 2, and no review is planned after it', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const latest = addDays(c.exam, -2);
      const p = plan(input(catalog, { history: c.history, today: TODAY }, { examDate: c.exam, dailyMinutes: 240 }));
      const reviewed = new Map<string, string>();
      for (const day of p.days) {
        // Re-solves of clean solves on an exhausted list ('resolve_solved') are warm-ups, not lapses coming back.
        for (const item of day.items.filter((x) => x.kind === 'review' && !RESOLVES.includes(x.reason.code))) {
          if (day.day > latest) wrong.push(`seed ${c.seed}: ${item.problem} reviewed on ${day.day}, after ${latest}`);
          if (!reviewed.has(item.problem)) reviewed.set(item.problem, day.day);
        }
      }
      for (const problem of lapses(c.history))
        if (!reviewed.has(problem)) wrong.push(`seed ${c.seed}: ${problem} never reviewed (exam ${c.exam})`);
    }
    expect(wrong).to.deep.equal([]);
  });
});
