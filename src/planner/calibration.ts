/**
 * The learner's own calibration of the success curve: what a learner's outcomes say beyond the curve (model.ts).
 * Pure; no clock, no storage.
 */
import { TUNING } from './tuning.ts';

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * The learner's own calibration of the success curve (online Platt scaling): P = σ(a·logit(P_curve) + b). Real
 * learners choose what they try (past contests, upsolving with the editorial) and solve 95–98 % of first attempts, far
 * above problems the curve puts at 30 % (bench/replay); a learner whose outcomes follow the curve keeps a ≈ 1, b ≈ 0.
 * Fitted on the learner's graded attempts (each against the curve's prediction before it), shrunk toward the identity
 * by a Gaussian prior, so a few attempts move it little. It changes a predicted success only, never θ: a skill
 * estimate, readiness and the pass projection (the exam does not let the learner choose) read the curve itself.
 */
export interface Calibration {
  a: number;
  b: number;
}

export const IDENTITY: Calibration = { a: 1, b: 0 };

/** One graded attempt as calibration evidence: the curve's logit before it and the outcome's score. */
export interface CalibrationPoint {
  z: number;
  o: number;
}

/** A logit far out says no more than this (a prediction of 0.9975). */
const Z_CAP = 6;

export function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.min(Z_CAP, Math.max(-Z_CAP, Math.log(q / (1 - q))));
}

/** The calibrated success of a curve prediction p. */
export function calibrated(cal: Calibration, p: number): number {
  if (cal.a === 1 && cal.b === 0) return p;
  return sigmoid(cal.a * logit(p) + cal.b);
}

/**
 * The MAP fit of (a, b) (a few Newton steps from the identity): the log likelihood of the outcomes (scores in [0, 1])
 * plus a Gaussian prior a ~ N(1, calSdA²), b ~ N(0, calSdB²). a stays in [calMinA, 1.5].
 */
export function fitCalibration(points: readonly CalibrationPoint[]): Calibration {
  const sa = TUNING.calSdA;
  const sb = TUNING.calSdB;
  if (points.length === 0 || sa <= 0 || sb <= 0) return IDENTITY;
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 8; iter++) {
    let ga = (a - 1) / (sa * sa);
    let gb = b / (sb * sb);
    let haa = 1 / (sa * sa);
    let hbb = 1 / (sb * sb);
    let hab = 0;
    for (const { z, o } of points) {
      const p = sigmoid(a * z + b);
      const w = p * (1 - p);
      ga += (p - o) * z;
      gb += p - o;
      haa += w * z * z;
      hbb += w;
      hab += w * z;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a = Math.min(1.5, Math.max(TUNING.calMinA, a - da));
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-6) break;
  }
  // A few attempts say little about a learner's habits (one failure is not a pattern): the fit counts n/(n + calHalf).
  const w = points.length / (points.length + TUNING.calHalf);
  return { a: 1 + w * (a - 1), b: w * b };
}
