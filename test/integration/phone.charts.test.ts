import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';
import type { Outcome } from '../../src/progress/outcomes.ts';
import { addDays, isoWeekday } from '../../src/day.ts';
import { planFor } from '../../src/plans/planService.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
const TODAY = '2026-11-28';

/** The JSON of every chart block on a page, by kind. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions read the charts' JSON field by field
type ChartJson = Record<string, any>;

function chartData(html: string): ChartJson {
  const out: ChartJson = {};
  for (const m of html.matchAll(/<script type="application\/json" class="chart-data">([^<]*)<\/script>/g)) {
    const data = JSON.parse(m[1]);
    out[data.kind] = data;
  }
  return out;
}

/** The cells of the rows of the table with `cls`, as text. */
function tableRows(html: string, cls: string): string[][] {
  const table = new RegExp(`<table class="[^"]*\\b${cls}\\b[^"]*">([\\s\\S]*?)</table>`).exec(html);
  if (!table) throw new Error(`no table .${cls}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])![1];
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').trim()),
  );
}

describe('phones and pictures: chart data and year navigation', function () {
  this.timeout(30_000);
  let t: ReturnType<typeof testDeps>;
  let agent: Awaited<ReturnType<typeof loggedIn>>['agent'];
  let problems: string[];
  // Seeded solves: distinct problems by day (a re-solve, a failure, an undated import and a future-dated row too).
  const seeded: { problem: number; day: string | null; outcome: Outcome }[] = [
    { problem: 0, day: null, outcome: 'solved' },
    { problem: 1, day: '2022-03-07', outcome: 'solved' },
    { problem: 2, day: '2022-03-09', outcome: 'hint' },
    { problem: 3, day: '2022-03-09', outcome: 'failed' },
    { problem: 4, day: '2026-11-02', outcome: 'solved' },
    { problem: 5, day: '2026-11-02', outcome: 'solved_slow' },
    { problem: 4, day: '2026-11-20', outcome: 'solved' },
    { problem: 6, day: '2026-11-20', outcome: 'failed' },
    { problem: 6, day: '2026-11-27', outcome: 'solved' },
    { problem: 7, day: TODAY, outcome: 'solved' },
  ];

  before(async () => {
    t = testDeps({}, new Date('2026-11-28T03:00:00Z'));
    await importList(t.deps.db, LIST);
    const mina = seedLearner(t.deps.db, 'mina', {
      language: 'en',
      examDate: '2026-12-28',
      dailyMinutes: '90',
      profile: 'samsung',
    });
    problems = t.deps.db
      .prepare('SELECT DISTINCT problem_id FROM entries ORDER BY problem_id')
      .pluck()
      .all() as string[];
    for (const s of seeded) {
      recordAttempt(t.deps.db, {
        learnerId: mina.id,
        problemId: problems[s.problem],
        day: s.day,
        outcome: s.outcome,
        origin: s.day ? 'manual' : 'baekjoonhub',
        createdAt: '2026-11-28T01:00:00Z',
      });
    }
    agent = (await loggedIn(t.app(), 'mina')).agent;
  });
  after(() => t.cleanup());

  it('GET /plan – the burn-up JSON counts distinct solves day by day over the last 12 weeks, then adds the plan; the table has the same numbers', async () => {
    const res = await agent.get('/plan').expect(200);
    const burnup = chartData(res.text).burnup;
    expect(burnup, 'burn-up data block').to.be.an('object');
    // Twelve weeks up to today (the first solve is older).
    expect(burnup.days[0]).to.equal(addDays(TODAY, -83));
    const at = (day: string) => burnup.days.indexOf(day);
    // Before the window: the undated import, 2022's solved and hinted problems (the failed one does not count).
    expect(burnup.solved[0]).to.equal(3);
    expect(burnup.solved[at('2026-11-01')]).to.equal(3);
    expect(burnup.solved[at('2026-11-02')]).to.equal(3 + 2);
    expect(burnup.solved[at('2026-11-19')]).to.equal(5);
    // 2026-11-20: a re-solve (not new) and a failure (not solved).
    expect(burnup.solved[at('2026-11-20')]).to.equal(5);
    expect(burnup.solved[at('2026-11-27')]).to.equal(6);
    expect(burnup.solved[at(TODAY)]).to.equal(7);
    expect(burnup.solved.slice(at(TODAY) + 1).every((v: unknown) => v === null)).to.equal(true);
    expect(burnup.planned.slice(0, at(TODAY)).every((v: unknown) => v === null)).to.equal(true);

    // The plan: every day to the exam, each adding the problems not solved and not planned before.
    const learner = learnerByLogin(t.deps.db, 'mina')!;
    const plan = planFor(t.deps.db, learner, TODAY, { store: false });
    const counted = new Set(seeded.filter((s) => s.outcome !== 'failed').map((s) => problems[s.problem]));
    let total = counted.size;
    const expected: [string, number][] = [];
    for (const d of plan.days) {
      for (const item of d.items)
        if (!counted.has(item.problem)) {
          counted.add(item.problem);
          total++;
        }
      expected.push([d.day, total]);
    }
    expect(expected.length).to.be.greaterThan(20);
    expect(total).to.be.greaterThan(7);
    expect(expected.map(([day]) => burnup.planned[at(day)])).to.deep.equal(expected.map(([, n]) => n));
    expect(burnup.days.at(-1)).to.equal(plan.days.at(-1)!.day);

    const rows = tableRows(res.text, 'burnup-table');
    expect(rows.map((r) => r[0])).to.deep.equal(burnup.days);
    expect(rows.map((r) => (r[1] === '' ? null : Number(r[1])))).to.deep.equal(burnup.solved);
    expect(rows.map((r) => (r[2] === '' ? null : Number(r[2])))).to.deep.equal(burnup.planned);
  });

  it('GET /plan – the readiness JSON has each type’s weight, now and at the exam, as the table shows them', async () => {
    const res = await agent.get('/plan').expect(200);
    const readiness = chartData(res.text).readiness;
    const learner = learnerByLogin(t.deps.db, 'mina')!;
    const plan = planFor(t.deps.db, learner, TODAY, { store: false });
    expect(readiness.types.map((r: { key: string }) => r.key).sort()).to.deep.equal(
      plan.readiness.map((r) => r.category).sort(),
    );
    // A type without any attempt has no readiness "now" to draw (null), only its projection; the table says so.
    const rows = tableRows(res.text, 'readiness-table');
    for (const r of plan.readiness) {
      const shown = readiness.types.find((x: { key: string }) => x.key === r.category);
      const row = rows[readiness.types.indexOf(shown)];
      const now = row[2] === 'no evidence yet' ? null : r.now;
      expect([shown.weight, shown.now, shown.atExam]).to.deep.equal([r.weight, now, r.atExam]);
    }
    expect(readiness.types.some((r: { now: number | null }) => r.now === null)).to.equal(true);
    expect(readiness.types.some((r: { now: number | null }) => r.now !== null)).to.equal(true);
    // Heaviest first, in the chart and in the table.
    const weights = readiness.types.map((r: { weight: number }) => r.weight);
    expect(weights).to.deep.equal([...weights].sort((a, b) => b - a));
    expect(rows.map((r) => r[2].split(/\s+/).at(-1))).to.deep.equal(
      readiness.types.map((r: { now: number | null }) => (r.now === null ? 'yet' : r.now.toFixed(2))),
    );
    expect(res.text).to.contain('<div class="chart" data-chart="readiness" aria-hidden="true">');
  });

  it('GET /history – solves per week over the grass’s weeks, Monday first, matching the table and the heatmap total', async () => {
    const res = await agent.get('/history').expect(200);
    const weekly = chartData(res.text).weekly;
    const from = addDays(TODAY, -364);
    expect(weekly.weeks[0]).to.equal(addDays(from, 1 - isoWeekday(from)));
    expect(weekly.weeks.every((w: string) => isoWeekday(w) === 1)).to.equal(true);
    const week = (day: string) => weekly.counts[weekly.weeks.indexOf(addDays(day, 1 - isoWeekday(day)))];
    // Distinct problems solved a day, summed over the week: Nov 2 (Monday of Oct 27's week … Sunday Nov 2) has 2.
    expect(week('2026-11-02')).to.equal(2);
    expect(week('2026-11-20')).to.equal(1);
    expect(week(TODAY)).to.equal(2);
    expect(weekly.counts.reduce((a: number, b: number) => a + b, 0)).to.equal(5);
    const rows = tableRows(res.text, 'weekly-table');
    expect(rows).to.deep.equal(weekly.weeks.map((w: string, i: number) => [w, String(weekly.counts[i])]));
  });

  it('GET /history?year=2022 – the grass of 2022 with its solves, year links back to the first solve, the day links keep the year', async () => {
    const res = await agent.get('/history?year=2022').expect(200);
    expect(res.text).to.contain('Solves per day in 2022');
    expect(res.text).to.match(/data-day="2022-03-07" data-count="1"/);
    expect(res.text).to.match(/data-day="2022-03-09" data-count="1"/);
    expect(res.text).to.not.contain('data-day="2021-12-31"');
    expect(res.text).to.not.contain('data-day="2023-01-01"');
    expect(res.text).to.contain('href="/history?year=2022&amp;day=2022-03-07"');
    const years = [...res.text.matchAll(/href="\/history\?year=(\d{4})#grass"/g)].map((m) => m[1]);
    expect(years).to.deep.equal(['2026', '2025', '2024', '2023', '2022']);
    expect(chartData(res.text).weekly.counts.reduce((a: number, b: number) => a + b, 0)).to.equal(2);
    const last = await agent.get('/history').expect(200);
    expect(last.text).to.not.contain('data-day="2022-03-07"');
  });

  it('GET /history?year=… – not four digits is 400, a year before 2000 or after this one is 404, each with a message', async () => {
    const bad = await agent.get('/history?year=22').expect(400);
    expect(bad.text).to.contain('The year must have four digits, like 2024.');
    const future = await agent.get('/history?year=2027').expect(404);
    expect(future.text).to.contain('There is no history for 2027: pick a year up to 2026.');
    await agent.get('/history?year=1999').expect(404);
    await agent.get('/history?year=2022&year=2023').expect(400);
  });

  it('the chart library is served from cote, and only pages with a chart load it (deferred)', async () => {
    const js = await request(t.app()).get('/static/vendor/uplot/uPlot.iife.min.js').expect(200);
    expect(js.headers['content-type']).to.match(/javascript/);
    expect(js.text).to.contain('uPlot');
    await request(t.app()).get('/static/vendor/uplot/uPlot.min.css').expect(200).expect('content-type', /css/);
    for (const url of ['/plan', '/history']) {
      const page = await agent.get(url).expect(200);
      expect(page.text, url).to.contain('<script src="/static/vendor/uplot/uPlot.iife.min.js" defer></script>');
      expect(page.text, url).to.match(/<script src="\/static\/[0-9a-f]{12}\/js\/charts\.js" defer><\/script>/);
    }
    for (const url of ['/plan/today', '/settings', '/history/import']) {
      const page = await agent.get(url).expect(200);
      expect(page.text, url).to.not.contain('uPlot');
      expect(page.text, url).to.not.contain('charts.js');
    }
  });
});
