import { expect } from 'chai';
import { addDays } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import { isMockDay, phaseOf, preparationStart, timeline } from '../../src/planner/timeline.ts';
import type { Plan } from '../../src/planner/types.ts';
import { attempt, input, mixedCatalog, problemsOf } from './planner-support.ts';

const ALL_DAYS = new Set([1, 2, 3, 4, 5, 6, 7]);
const mockDays = (p: Plan) => p.days.filter((d) => d.items.some((i) => i.kind === 'mock')).map((d) => d.day);

describe('planner timeline – phases anchored at the start of the preparation', () => {
  it('60 days from the start – A for the first 55 %, then B, C for the last 9 days; mocks every 7th day in B and on C’s first day', () => {
    const t = timeline('2026-11-28', '2026-11-28', 60, ALL_DAYS);
    const phases = Array.from({ length: 60 }, (_, i) => phaseOf(t, i)).join('');
    expect(phases).to.equal('A'.repeat(33) + 'B'.repeat(18) + 'C'.repeat(9));
    const mocks = Array.from({ length: 60 }, (_, i) => i).filter((i) => isMockDay(t, i));
    expect(mocks).to.deep.equal([34, 41, 48, 51]);
  });

  it('re-planned 40 days later – the same phase for the same date (not a fresh phase A)', () => {
    const later = timeline('2026-11-28', addDays('2026-11-28', 40), 20, ALL_DAYS);
    expect(phaseOf(later, 0)).to.equal('B');
    expect(phaseOf(later, 11)).to.equal('C');
  });

  it('the start is the first graded day, not an import, and at most 120 days before the exam', () => {
    const history = [
      attempt('boj:1', 'solved', '2026-01-01', 'import:baekjoonhub'),
      attempt('boj:2', 'failed', '2026-11-10'),
    ];
    expect(preparationStart(history, '2026-11-28', '2026-12-28')).to.equal('2026-11-10');
    expect(preparationStart([attempt('boj:2', 'failed', '2026-01-10')], '2026-11-28', '2026-12-28')).to.equal(
      '2026-08-30',
    );
    expect(preparationStart([], '2026-11-28', '2026-12-28')).to.equal('2026-11-28');
    expect(preparationStart([], '2026-11-28', '2026-12-28', '2026-11-01')).to.equal('2026-11-01');
  });

  it('plan() re-made 15 days into a 45-day preparation keeps the mock days of the first plan', () => {
    const catalog = mixedCatalog();
    // 180 minutes: the day holds samsung's mock box (2 problems, 150–210 minutes).
    const first = plan(input(catalog, {}, { examDate: '2027-01-12', profile: 'samsung', dailyMinutes: 180 }));
    const started = [attempt(problemsOf(catalog, 'string')[0], 'solved', '2026-11-28')];
    const later = plan(
      input(
        catalog,
        { history: started, today: '2026-12-13' },
        { examDate: '2027-01-12', profile: 'samsung', dailyMinutes: 180 },
      ),
    );
    // The mock slots are 2026-12-25, 2027-01-01 and 2027-01-05; a slot holds a mock only when two problems of the
    // exam's levels fit the day (a set of one is no mock), which depends on the learner's pace and level.
    const slots = ['2026-12-25', '2027-01-01', '2027-01-05'];
    // (Which slots of the first plan hold one depends on how far its forecast moves the estimate: at least one.)
    expect(mockDays(first).length).to.be.at.least(1);
    for (const day of mockDays(first)) expect(slots).to.include(day);
    expect(mockDays(later).length).to.be.at.least(2);
    for (const day of mockDays(later)) expect(slots).to.include(day);
    expect(later.days.map((d) => d.phase)).to.deep.equal(first.days.slice(15).map((d) => d.phase));
    expect([first.days[0].phase, first.days[30].phase, first.days[44].phase]).to.deep.equal(['A', 'B', 'C']);
  });
});
