import { expect } from 'chai';
import { plan } from '../../src/planner/index.ts';
import { TUNING } from '../../src/planner/tuning.ts';
import type { HistoryAttempt } from '../../src/planner/types.ts';
import { attempt, input, mixedCatalog, problemsOf } from './planner-support.ts';

/**
 * Issue 20, calibration: the day-0 projection missed by ability (skills seeded from imports crowd toward the list's
 * middle), and focused profiles were under-projected by the per-type levelling of gains. The pass projection
 * stretches the seeded part of a start away from the list's middle and counts gains without that levelling.
 * Session 5: with 15 or more imports the start is anchored on the mean of the 15 hardest instead (less noisy than θ_g).
 */
const catalog = mixedCatalog();
const heavy = ['graph_traversal', 'simulation', 'implementation'];
const imports = (from: number, to: number) =>
  heavy.flatMap((c) => problemsOf(catalog, c).slice(from, to)).map((p) => attempt(p, 'solved', null, 'import'));
const passWith = (history: HistoryAttempt[], over: Partial<typeof TUNING>) => {
  const saved = { ...TUNING };
  Object.assign(TUNING, over);
  try {
    return plan(input(catalog, { history }, { profile: 'samsung' })).pass!.p;
  } finally {
    Object.assign(TUNING, saved);
  }
};

describe('planner v3 – the pass projection (calibration, issue 20)', () => {
  it('fewer than 15 imports: a seeded start far from the list’s middle is projected further from it (easy lower, hard higher)', () => {
    const easy = imports(0, 4);
    const hard = imports(25, 29);
    expect(passWith(easy, {})).to.be.lessThan(passWith(easy, { seedStretch: 1 }));
    expect(passWith(hard, {})).to.be.greaterThan(passWith(hard, { seedStretch: 1 }));
  });

  it('the stretch is bounded (seedStretchCap) and leaves a learner without imports alone', () => {
    const easy = imports(0, 4);
    expect(passWith(easy, { seedStretch: 50 })).to.equal(passWith(easy, { seedStretch: 50, seedStretchCap: 3 }));
    const graded = heavy
      .flatMap((c) => problemsOf(catalog, c).slice(5, 12))
      .map((p, i) => attempt(p, i % 3 ? 'solved' : 'failed', '2026-11-20'));
    expect(passWith(graded, { seedStretch: 3 })).to.equal(passWith(graded, { seedStretch: 1 }));
  });

  it('the plan’s gains count without the per-type levelling: a focused plan projects higher than with it', () => {
    const mid = imports(8, 16);
    expect(passWith(mid, {})).to.be.greaterThan(passWith(mid, { passGainHalf: TUNING.gainHalf }) + 0.05);
  });

  it('a new learner’s projection counts the guessed skill without the untried margin (guessLift); a seeded one is untouched', () => {
    expect(passWith([], {})).to.be.greaterThan(passWith([], { guessLift: 0 }));
    const seeded = imports(8, 16);
    expect(passWith(seeded, { guessLift: 5 })).to.equal(passWith(seeded, { guessLift: 0 }));
  });

  it('15+ imports: the projection starts from the mean of the 15 hardest, not θ_g alone – the same three hardest solves with harder others project higher', () => {
    const graph = problemsOf(catalog, 'graph_traversal');
    const top3 = graph.slice(30, 33);
    const low = [...top3, ...graph.slice(0, 12)].map((p) => attempt(p, 'solved', null, 'import'));
    const high = [...top3, ...graph.slice(18, 30)].map((p) => attempt(p, 'solved', null, 'import'));
    // θ_g (third-hardest solve) and the graph traversal seed are the same for both learners.
    expect(passWith(high, {})).to.be.greaterThan(passWith(low, {}) + 0.1);
    expect(passWith(high, { importStretch: 1 })).to.not.equal(passWith(high, {}));
  });

  it('the anchor is never more than seedStretchCap levels above θ_g (many hard imports are not extrapolated without bound)', () => {
    const hard = heavy
      .flatMap((c) => problemsOf(catalog, c).slice(25, 40))
      .map((p) => attempt(p, 'solved', null, 'import'));
    expect(passWith(hard, { importStretch: 50 })).to.equal(passWith(hard, { importStretch: 50, seedStretchCap: 3 }));
    expect(passWith(hard, { importStretch: 50, seedStretchCap: 0 })).to.be.lessThan(
      passWith(hard, { importStretch: 50 }),
    );
  });

  it('the plan’s learning fades by the exam (forgetting): a long plan projects lower than when every gain is kept, more so the further the exam', () => {
    const mid = imports(8, 16);
    const passOn = (examDate: string, over: Partial<typeof TUNING>) => {
      const saved = { ...TUNING };
      Object.assign(TUNING, over);
      try {
        return plan(input(catalog, { history: mid }, { profile: 'general', examDate })).pass!.p;
      } finally {
        Object.assign(TUNING, saved);
      }
    };
    const lost = (examDate: string) =>
      passOn(examDate, { retentionDays: Number.POSITIVE_INFINITY }) - passOn(examDate, {});
    expect(lost('2026-12-05')).to.be.at.least(0);
    expect(lost('2027-01-27')).to.be.greaterThan(0.02);
    expect(lost('2027-01-27')).to.be.greaterThan(lost('2026-12-05'));
  });

  it('the readiness shown at the exam fades as the pass projection does: lower for some types, higher for none', () => {
    const mid = imports(8, 16);
    const atExam = (over: Partial<typeof TUNING>) => {
      const saved = { ...TUNING };
      Object.assign(TUNING, over);
      try {
        const rows = plan(input(catalog, { history: mid }, { profile: 'general', examDate: '2027-01-27' })).readiness;
        return new Map(rows.map((r) => [r.category, r.atExam]));
      } finally {
        Object.assign(TUNING, saved);
      }
    };
    const kept = atExam({ retentionDays: Number.POSITIVE_INFINITY });
    const faded = atExam({});
    const lower = [...faded].filter(([c, r]) => r < kept.get(c)! - 0.005);
    expect(lower.length).to.be.greaterThan(0);
    for (const [c, r] of faded) expect(r, c).to.be.at.most(kept.get(c)!);
  });
});
