import { expect } from 'chai';
import { isWarmUpDay, lastStudyDayBefore, nextDayList, type NextDayInput } from '../../src/plans/nextDay.ts';
import type { HistoryAttempt, PlanItem } from '../../src/planner/types.ts';

const item = (problem: string, kind: PlanItem['kind'], minutes: number, extra: Partial<PlanItem> = {}): PlanItem => ({
  problem,
  kind,
  category: 'graph_traversal',
  level: 8,
  minutes,
  predicted: 0.6,
  reason: { code: kind === 'mock' ? 'mock' : 'weakest', params: {} },
  ...extra,
});
const tried = (problem: string, day: string | null): HistoryAttempt => ({
  problem,
  day,
  outcome: 'solved',
  minutes: 20,
  origin: 'manual',
});
const ids = (items: PlanItem[]) => items.map((i) => i.problem);

function input(extra: Partial<NextDayInput>): NextDayInput {
  return {
    undone: [],
    undoneDay: '2026-11-28',
    forecast: [],
    day: '2026-11-29',
    history: [],
    budget: 120,
    warmUp: false,
    ...extra,
  };
}

describe('nextDayList() – the list a day opens with from the stored forecast', () => {
  it('undone re-solves, forecast re-solves, then undone new problems before the forecast’s, within the budget (+10 %)', () => {
    const list = nextDayList(
      input({
        undone: [item('boj:1', 'new', 40), item('boj:2', 'review', 15), item('boj:3', 'new', 40)],
        forecast: [item('boj:9', 'review', 10), item('boj:4', 'new', 30), item('boj:5', 'new', 30)],
      }),
    );
    // 15 + 10 + 40 + 40 = 105; boj:4 (30) would make 135 > 132; boj:5 neither.
    expect(ids(list)).to.deep.equal(['boj:2', 'boj:9', 'boj:1', 'boj:3']);
  });

  it('what was logged since is left out: a new problem tried on any day, a re-solve logged on its day or later', () => {
    const list = nextDayList(
      input({
        undone: [item('boj:1', 'new', 20), item('boj:2', 'review', 15), item('boj:3', 'review', 15)],
        forecast: [item('boj:9', 'review', 10), item('boj:4', 'new', 30)],
        history: [
          tried('boj:1', null),
          tried('boj:2', '2026-11-28'),
          tried('boj:3', '2026-11-20'),
          tried('boj:9', '2026-11-28'),
        ],
      }),
    );
    // boj:9 was logged on 11-28 (the attempt that made it due): still due on 11-29.
    expect(ids(list)).to.deep.equal(['boj:3', 'boj:9', 'boj:4']);
  });

  it('a mock set is taken whole or not at all, and never rolls over', () => {
    const mock = (p: string) => item(p, 'mock', 40, { mockMinutes: 80 });
    expect(
      ids(nextDayList(input({ undone: [mock('boj:7')], forecast: [mock('boj:5'), mock('boj:6')] }))),
    ).to.deep.equal(['boj:5', 'boj:6']);
    expect(
      ids(nextDayList(input({ forecast: [mock('boj:5'), mock('boj:6')], history: [tried('boj:5', '2026-11-28')] }))),
    ).to.deep.equal([]);
    expect(
      ids(nextDayList(input({ budget: 60, forecast: [mock('boj:5'), mock('boj:6'), item('boj:4', 'new', 30)] }))),
    ).to.deep.equal(['boj:4']);
  });

  it('the warm-up day – no new problem rolls over onto it; each problem once', () => {
    const list = nextDayList(
      input({
        warmUp: true,
        undone: [item('boj:1', 'new', 40), item('boj:2', 'review', 15)],
        forecast: [item('boj:2', 'review', 15), item('boj:4', 'new', 20)],
      }),
    );
    expect(ids(list)).to.deep.equal(['boj:2', 'boj:4']);
  });

  it('lastStudyDayBefore() and isWarmUpDay() follow the study weekdays', () => {
    // 2026-11-30 is a Monday; weekdays only: the study day before it is Friday 11-27.
    expect(lastStudyDayBefore('2026-11-30', [1, 2, 3, 4, 5])).to.equal('2026-11-27');
    expect(lastStudyDayBefore('2026-11-30', [])).to.equal(undefined);
    expect(isWarmUpDay('2026-12-04', '2026-12-07', [1, 2, 3, 4, 5])).to.equal(true);
    expect(isWarmUpDay('2026-12-03', '2026-12-07', [1, 2, 3, 4, 5])).to.equal(false);
    expect(isWarmUpDay('2026-12-04', null, [1, 2, 3, 4, 5])).to.equal(false);
  });
});
