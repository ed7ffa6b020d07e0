import { expect } from 'chai';
import { addDays } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import { catalogIndex } from '../../src/planner/catalogIndex.ts';
import { chronological, K, learnerModel, predictedOutcome, thetaHat } from '../../src/planner/model.ts';
import type { HistoryAttempt } from '../../src/planner/types.ts';
import { attempt, input, mixedCatalog, problemsOf } from './planner-support.ts';

const catalog = mixedCatalog();
/** Imported solves: a learner seeded mid-list (graph and simulation up to level 9). */
const imported = [
  ...problemsOf(catalog, 'graph_traversal').slice(0, 12),
  ...problemsOf(catalog, 'simulation').slice(0, 12),
].map((p) => attempt(p, 'solved', null, 'import'));

/** The learner does day 0 exactly as planned, each item with its predicted outcome, in its planned minutes. */
function liveDay(
  history: HistoryAttempt[],
  today: string,
  items: { problem: string; predicted: number; minutes: number }[],
): HistoryAttempt[] {
  return [
    ...history,
    ...items.map((it) => attempt(it.problem, predictedOutcome(it.predicted), today, 'manual', it.minutes)),
  ];
}

describe('planner v2 – stability: the forecast moves the estimate as the logged day will', () => {
  it('a day done as predicted – the next morning’s list is the list the forecast showed for that day', () => {
    let history = imported;
    let kept = 0;
    let total = 0;
    for (let t = 0; t < 5; t++) {
      const today = addDays('2026-11-28', t);
      const before = plan(input(catalog, { history, today, horizonDays: 2 }, { dailyMinutes: 90 }));
      history = liveDay(history, today, before.days[0].items);
      const after = plan(input(catalog, { history, today: addDays(today, 1), horizonDays: 1 }, { dailyMinutes: 90 }));
      const next = new Set(after.days[0].items.map((i) => i.problem));
      total += before.days[1].items.length;
      kept += before.days[1].items.filter((i) => next.has(i.problem)).length;
    }
    expect(total).to.be.greaterThan(5);
    expect(kept / total).to.be.at.least(0.8);
  });

  it('a solve at 60 % moves the estimate by the Elo step (> 0.4 level), and the forecast’s next day is chosen from it', () => {
    const index = catalogIndex(catalog);
    const today = '2026-11-28';
    const first = plan(input(catalog, { history: imported, today, horizonDays: 2 }, { dailyMinutes: 60 }));
    const item = first.days[0].items[0];
    const c = index.catIndex.get(item.category)!;
    const logged = liveDay(imported, today, first.days[0].items);
    const thetaBefore = thetaHat(learnerModel(index, chronological(imported)), c);
    const thetaAfter = thetaHat(learnerModel(index, chronological(logged)), c);
    expect(thetaAfter - thetaBefore).to.be.greaterThan(0.4);
    // Every item forecast for tomorrow is predicted from the estimate the logged day gives (not the old one + 0.2).
    const moved = learnerModel(index, chronological(logged));
    const still = learnerModel(index, chronological(imported));
    const success = (s: typeof moved, it: { category: string; level: number }) =>
      1 / (1 + Math.exp(-K * (thetaHat(s, index.catIndex.get(it.category)!) - (it.level || 5))));
    expect(first.days[1].items.length).to.be.greaterThan(0);
    for (const it of first.days[1].items) expect(it.predicted, it.problem).to.be.closeTo(success(moved, it), 0.011);
    expect(first.days[1].items.some((it) => Math.abs(success(moved, it) - success(still, it)) > 0.02)).to.equal(true);
  });
});
