import { expect } from 'chai';
import { catalogIndex } from '../../src/planner/catalogIndex.ts';
import { plan } from '../../src/planner/index.ts';
import {
  type CalibrationPoint,
  calibrated,
  fitCalibration,
  IDENTITY,
  logit,
  sigmoid,
} from '../../src/planner/calibration.ts';
import { chronological, learnerModel, predicted, successOf, thetaHat } from '../../src/planner/model.ts';
import { TUNING } from '../../src/planner/tuning.ts';
import { attempt, input, levels, problemsOf, smallCatalog } from './planner-support.ts';

/**
 * Issue 20, replay: the learner's own calibration of the success curve (calibration.ts). Real learners choose
 * what they try and solve far more of the "hard" problems than the curve says; the fit learns that from their own
 * graded attempts, stays the identity for a learner who follows the curve, and changes predicted success only.
 */
const catalog = smallCatalog({
  string: levels(4, 20, 0.5),
  graph_traversal: levels(6, 30, 0.3),
  simulation: levels(6, 30, 0.3),
});
const index = catalogIndex(catalog);
const day = (i: number) => `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;

/** n points spread over z ∈ [−3, 3], each with outcome score `o(z)`. */
function points(n: number, o: (z: number) => number): CalibrationPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const z = -3 + (6 * i) / (n - 1);
    return { z, o: o(z) };
  });
}

describe('learner calibration – P = σ(a·logit(P_curve) + b), fitted on the learner’s graded attempts', () => {
  it('a learner who follows the curve keeps the identity (200 attempts scored at the curve’s own probability)', () => {
    const cal = fitCalibration(points(200, sigmoid));
    expect(cal.a).to.be.closeTo(1, 0.05);
    expect(cal.b).to.be.closeTo(0, 0.05);
  });

  it('a learner who solves 95 % of what the curve puts at 5–95 % is read flatter and higher: a curve-30 % problem reads > 80 %', () => {
    const cal = fitCalibration(points(200, () => 0.95));
    expect(cal.a).to.be.below(0.6);
    expect(cal.b).to.be.above(1);
    expect(calibrated(cal, 0.3)).to.be.above(0.8);
    // …and a sure problem stays sure: the calibration orders problems as the curve does (a > 0).
    expect(calibrated(cal, 0.99)).to.be.above(calibrated(cal, 0.3));
  });

  it('one failure is not a pattern: a single attempt moves a 50 % prediction by less than 0.05', () => {
    const cal = fitCalibration([{ z: 0, o: 0 }]);
    expect(Math.abs(calibrated(cal, 0.5) - 0.5)).to.be.below(0.05);
    expect(fitCalibration([])).to.deep.equal(IDENTITY);
  });

  it('logit() caps a sure prediction: a curve of 0.99999 says no more than one of 0.9975', () => {
    expect(logit(0.99999)).to.equal(6);
    expect(logit(1e-7)).to.equal(-6);
    expect(logit(0.5)).to.equal(0);
  });

  it('learnerModel: solving every hard problem tried lifts the shown success, never the skill estimate', () => {
    const hard = [
      ...problemsOf(catalog, 'graph_traversal').slice(20, 30),
      ...problemsOf(catalog, 'simulation').slice(20, 30),
    ];
    const easy = problemsOf(catalog, 'string').slice(0, 20);
    // The curve's Elo climbs with each solve; the learner also solved the hard problems first tried far above it.
    const history = [...hard, ...easy].map((p, i) => attempt(p, 'solved', day(i)));
    const s = learnerModel(index, chronological(history));
    expect(s.cal.b).to.be.above(0);
    const g = index.catIndex.get('graph_traversal') as number;
    const th = thetaHat(s, g);
    expect(successOf(s.cal, th, th + 2)).to.be.above(predicted(th, th + 2));
    // The calibration is only P's: the same history without it (an infinitely strong prior) gives the same estimate.
    const half = TUNING.calHalf;
    TUNING.calHalf = Number.POSITIVE_INFINITY;
    try {
      const plain = learnerModel(index, chronological(history));
      expect(plain.cal.b).to.equal(0);
      expect(thetaHat(plain, g)).to.equal(th);
    } finally {
      TUNING.calHalf = half;
    }
  });

  it('plan(): an item’s shown success is the calibrated one (hard solves above the curve → above the curve’s figure)', () => {
    const hard = [
      ...problemsOf(catalog, 'graph_traversal').slice(18, 30),
      ...problemsOf(catalog, 'simulation').slice(18, 30),
    ];
    const history = hard.map((p, i) => attempt(p, 'solved', day(i)));
    const s = learnerModel(index, chronological(history));
    const p = plan(input(catalog, { history }, { profile: 'samsung' }));
    const first = p.days[0].items[0];
    expect(first).to.not.equal(undefined);
    const c = index.catIndex.get(first!.category) as number;
    const curve = predicted(thetaHat(s, c), first!.level);
    expect(first!.predicted).to.be.closeTo(
      Math.round(successOf(s.cal, thetaHat(s, c), first!.level) * 100) / 100,
      0.011,
    );
    expect(first!.predicted).to.be.above(curve);
  });
});
