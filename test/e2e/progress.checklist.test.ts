import path from 'node:path';
import { expect } from 'chai';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { importList } from '../../src/catalog/importList.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';
import { attemptsForLearner, recordAttempt } from '../../src/progress/attemptRepository.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/progress/list');

describe('e2e: checking a problem off in Chromium', function () {
  this.timeout(60_000);
  let app: BrowserApp;
  // The list is shared; each test has its own learner (and logs in as them), so the tests run alone or in any order.
  before(async () => {
    app = await startBrowserApp(async (deps) => {
      await importList(deps.db, LIST, { now: deps.now });
    }, new Date('2026-11-28T03:00:00Z'));
  });
  after(async () => app?.close());

  /** A new learner, logged in in a browser with no other session. */
  async function logInAsNew(login: string): Promise<Learner> {
    const learner = seedLearner(app.deps.db, login, { language: 'en' });
    const { page } = app;
    await app.context.clearCookies();
    await page.goto('/');
    expect(new URL(page.url()).pathname).to.equal('/login');
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('button[type=submit].primary')]);
    return learner;
  }

  it("log in, check DFS와 BFS off on the checklist, and see today's cell on /history turn green", async () => {
    const { page } = app;
    const mina = await logInAsNew('mina');

    await page.goto('/history');
    const today = page.locator('.grass-cell[data-day="2026-11-28"]');
    expect(await today.getAttribute('data-count')).to.equal('0');

    await page.goto('/');
    // Types are folded; opening one loads its rows in place.
    await page.locator('#type-graph_traversal > summary').click();
    await page.locator('#type-dp > summary').click();
    const row = page.locator('#type-graph_traversal tr[data-problem="boj:1260"]');
    await page.locator('#type-dp tr[data-problem="boj:1260"]').waitFor();
    const figures = page.locator('[data-type-stats="graph_traversal"] [data-part="solved"]');
    const before = await figures.textContent();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    // The row's ✓ submits the page's one quick form (form="quick-log"): no form per row.
    expect(await row.locator('form').count()).to.equal(0);
    await row.locator('button.log-check').click();
    // With JS the row updates in place, without a reload.
    await row.locator('.status-solved').waitFor();
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).to.equal('same page');
    expect(await row.locator('.undo-button').isVisible()).to.equal(true);
    // 1260 is also in the DP type: that row follows.
    expect(await page.locator('#type-dp tr[data-problem="boj:1260"] [data-status]').getAttribute('class')).to.contain(
      'status-solved',
    );
    expect(await row.locator('[data-status]').textContent()).to.contain('2026-11-28');
    // The type's figures follow without a reload too: one more solved.
    const count = (text: string | null) => Number(/(\d+)\s*\/\s*\d+/.exec(text ?? '')?.[1]);
    expect(count(await figures.textContent())).to.equal(count(before) + 1);
    expect(await page.locator('[data-type-stats="graph_traversal"] [data-part="highest"]').textContent()).to.match(
      /Silver II/,
    );
    expect(attemptsForLearner(app.deps.db, mina.id).map((a) => [a.problemId, a.day, a.outcome])).to.deep.equal([
      ['boj:1260', '2026-11-28', 'solved'],
    ]);

    await page.goto('/history');
    expect(await today.getAttribute('data-count')).to.equal('1');
    expect(await today.getAttribute('class')).to.contain('l1');
    expect(await today.getAttribute('title')).to.equal('2026-11-28: 1 solved');
  });

  it('a future day in the shared form shows the message there and stores nothing; undo takes the check back', async () => {
    const { page } = app;
    const jun = await logInAsNew('jun');
    recordAttempt(app.deps.db, {
      learnerId: jun.id,
      problemId: 'boj:1260',
      day: '2026-11-28',
      outcome: 'solved',
      createdAt: '2026-11-28T02:00:00.000Z',
    });
    await page.goto('/?type=graph_traversal');
    const row = page.locator('#type-graph_traversal tr[data-problem="boj:7576"]');
    await row.locator('a.log-more-link').click();
    // The one detailed form moves under the row, filled with its problem.
    const form = page.locator('tr.log-row #log-form');
    expect(await form.locator('input[name=problem]').inputValue()).to.equal('boj:7576');
    await form.locator('input[name=day]').fill('2026-12-01');
    await form.locator('button[type=submit]').click();
    await form.locator('[data-log-error]').filter({ hasText: '2026-12-01' }).waitFor();
    expect(attemptsForLearner(app.deps.db, jun.id).map((a) => a.problemId)).to.deep.equal(['boj:1260']);

    const solved = page.locator('#type-graph_traversal tr[data-problem="boj:1260"]');
    await solved.locator('.undo-button').click();
    await solved.locator('.status-none').waitFor();
    expect(attemptsForLearner(app.deps.db, jun.id)).to.deep.equal([]);
  });
});
