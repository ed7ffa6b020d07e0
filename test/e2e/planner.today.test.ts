import path from 'node:path';
import { expect } from 'chai';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { importList } from '../../src/catalog/importList.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');

describe('e2e: the Today page in Chromium', function () {
  this.timeout(60_000);
  let app: BrowserApp;
  let mina: Learner;
  before(async () => {
    app = await startBrowserApp(async (deps) => {
      await importList(deps.db, LIST, { now: deps.now });
      mina = seedLearner(deps.db, 'mina', {
        language: 'en',
        examDate: '2026-12-28',
        dailyMinutes: '120',
        profile: 'samsung',
      });
    }, new Date('2026-11-28T03:00:00Z'));
  });
  after(async () => app?.close());

  it('log in, land on Today (D-30), log the first problem as solved with a hint, and see it marked done', async () => {
    const { page } = app;
    await page.goto('/login');
    await page.fill('input[name=login]', 'mina');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/plan/today'),
      page.click('button[type=submit].primary'),
    ]);
    expect(await page.locator('.dday').textContent()).to.contain('D-30');

    const first = page.locator('li.plan-item').first();
    const problem = await first.getAttribute('data-problem');
    expect(problem).to.match(/^boj:\d+$/);
    expect(await first.locator('.plan-reason').textContent()).to.match(/predicted success \d+ %/);
    // The stopwatch from planner.js is there (JS loaded under the CSP).
    await first.locator('button.plan-timer').waitFor();
    await first.locator('select[name=outcome]').selectOption('hint');
    await first.locator('input[name=minutes]').fill('35');
    await Promise.all([page.waitForURL('**/plan/today'), first.locator('form.plan-log button[type=submit]').click()]);

    expect(await page.locator('.flash-ok').textContent()).to.contain('solved with a hint');
    const done = page.locator(`li.plan-item[data-problem="${problem}"]`);
    expect(await done.getAttribute('class')).to.contain('plan-status-done');
    expect(
      attemptsForLearner(app.deps.db, mina.id).map((a) => [a.problemId, a.day, a.outcome, a.minutes, a.origin]),
    ).to.deep.equal([[problem, '2026-11-28', 'hint', 35, 'plan']]);
  });
});
