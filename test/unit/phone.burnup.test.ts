import { expect } from 'chai';
import { burnup } from '../../src/plans/burnup.ts';
import { jsonScript } from '../../src/web/jsonScript.ts';
import type { HistoryAttempt, Plan, PlanItem } from '../../src/planner/types.ts';

const item = (problem: string, kind: PlanItem['kind'] = 'new'): PlanItem => ({
  problem,
  kind,
  category: 'x',
  level: 5,
  minutes: 30,
  predicted: 0.5,
  reason: { code: 'new', params: {} },
});
const solve = (problem: string, day: string | null, outcome: HistoryAttempt['outcome'] = 'solved'): HistoryAttempt => ({
  problem,
  day,
  outcome,
  minutes: null,
  origin: 'manual',
});
const plan = (days: Plan['days']): Plan => ({
  today: '2026-11-28',
  exam: '2026-12-01',
  days,
  readiness: [],
  verdict: 'on_track',
  advice: [],
});

describe('burn-up of solved problems (pure)', () => {
  it('starts at the first solve when it is within 12 weeks; re-solves, failures and future days do not count', () => {
    const history = [
      solve('a', '2026-11-26'),
      solve('b', '2026-11-26', 'failed'),
      solve('a', '2026-11-27'),
      solve('b', '2026-11-28', 'hint'),
      solve('c', '2026-11-30'),
    ];
    const days = [
      { day: '2026-11-28', rest: false, items: [item('d'), item('a', 'review')] },
      { day: '2026-11-29', rest: true, items: [] },
      { day: '2026-11-30', rest: false, items: [item('e'), item('d', 'mock'), item('f', 'mock')] },
      { day: '2026-12-01', rest: false, items: [item('b', 'review')] },
    ];
    expect(burnup(history, plan(days))).to.deep.equal({
      days: ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'],
      solved: [1, 1, 2, null, null, null],
      planned: [null, null, 3, 3, 5, 5],
    });
  });

  it('counts undated and older solves as the start of a 12-week window; no solves at all is just today', () => {
    const result = burnup([solve('a', null), solve('b', '2025-01-01'), solve('c', '2026-11-28')], plan([]));
    expect(result.days.length).to.equal(84);
    expect(result.days[0]).to.equal('2026-09-06');
    expect([result.solved[0], result.solved.at(-1)]).to.deep.equal([2, 3]);
    expect(result.planned.every((v) => v === null)).to.equal(true);
    expect(burnup([], plan([{ day: '2026-11-28', rest: false, items: [item('x')] }]))).to.deep.equal({
      days: ['2026-11-28'],
      solved: [0],
      planned: [1],
    });
  });
});

describe('jsonScript', () => {
  it('escapes what could end the script element, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script><!--', line: 'a\u2028b', ko: '그래프 탐색' };
    const text = jsonScript(value);
    expect(text).to.not.contain('<');
    expect(text).to.not.contain('\u2028');
    expect(JSON.parse(text)).to.deep.equal(value);
  });
});
