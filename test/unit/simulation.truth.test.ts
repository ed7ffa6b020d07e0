import { expect } from 'chai';
import { checkPlan, emptyTruth } from '../../bench/planner/truth.ts';
import { addDays } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import type { Plan, PlanInput } from '../../src/planner/types.ts';
import { attempt, input, mixedCatalog, problemsOf } from './planner-support.ts';

/** The bench's truth check: each reason, verdict, notice and piece of advice against the plan's own data. */
const catalog = mixedCatalog();
const TODAY = '2026-11-28';
const history = [
  ...['graph_traversal', 'simulation', 'implementation'].flatMap((c) =>
    problemsOf(catalog, c)
      .slice(0, 5)
      .map((p) => attempt(p, 'solved', null, 'import:csv')),
  ),
  attempt(problemsOf(catalog, 'graph_traversal')[12], 'failed', addDays(TODAY, -2)),
  attempt(problemsOf(catalog, 'simulation')[12], 'hint', addDays(TODAY, -1)),
];

describe('bench truth check', () => {
  it('plans of every profile, 1 to 60 days, 15 to 300 minutes – no false claim', () => {
    const truth = emptyTruth();
    for (const profile of ['samsung', 'kakao', 'general'])
      for (const days of [1, 3, 30, 60])
        for (const minutes of [15, 30, 180, 300]) {
          const inp = input(
            catalog,
            { history, today: TODAY },
            { profile, dailyMinutes: minutes, examDate: addDays(TODAY, days) },
          );
          checkPlan(plan(inp), inp, truth);
        }
    expect(truth.checked).to.be.above(1000);
    expect(truth.examples).to.deep.equal([]);
  });

  it('a plan whose words were changed – each false claim is counted', () => {
    const inp: PlanInput = input(
      catalog,
      { history, today: TODAY },
      { profile: 'samsung', dailyMinutes: 180, examDate: addDays(TODAY, 40) },
    );
    const p: Plan = structuredClone(plan(inp));
    const clean = emptyTruth();
    checkPlan(p, inp, clean);
    expect(clean.falseClaims).to.equal(0);
    const mock = p.days.flatMap((d) => d.items).find((i) => i.kind === 'mock')!;
    expect(mock, 'the plan holds a mock').to.not.equal(undefined);
    mock.reason.params.minutes = Number(mock.reason.params.minutes) + 1; // the set's minutes misstated
    const fresh = p.days
      .flatMap((d) => d.items)
      .find((i) => i.kind === 'new' && i.reason.params.readiness !== undefined)!;
    fresh.reason = { ...fresh.reason, code: 'maintain' }; // "nearly ready" at a low readiness
    p.verdict = p.pass!.p >= 0.7 ? 'behind' : 'on_track'; // the verdict against its own figure
    const tampered = emptyTruth();
    checkPlan(p, inp, tampered);
    expect(tampered.falseClaims).to.equal(3);
  });
});
