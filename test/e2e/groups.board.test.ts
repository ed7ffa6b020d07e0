import { expect } from 'chai';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { importList } from '../../src/catalog/importList.ts';
import { addMember, createGroup } from '../../src/groups/groupAdmin.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';
import { GROUP_LIST } from '../integration/groups.support.ts';

describe('e2e: the group board in Chromium', function () {
  this.timeout(60_000);
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp(async (deps) => {
      const db = deps.db;
      await importList(db, GROUP_LIST, { now: deps.now });
      seedLearner(db, 'admin', { language: 'en' });
      const group = createGroup(db, { name: 'Alpha', examDate: '2027-01-31' }, deps.now());
      for (const login of ['ana', 'bo', 'cy']) {
        const learner = seedLearner(db, login, { language: 'en' });
        addMember(db, group, login, deps.now());
        const solves: Record<string, [string, string][]> = {
          ana: [
            ['boj:1260', '2026-11-27'],
            ['boj:2178', '2026-11-28'],
          ],
          bo: [['boj:1978', '2026-11-28']],
          cy: [],
        };
        for (const [problem, day] of solves[login])
          recordAttempt(db, {
            learnerId: learner.id,
            problemId: problem,
            day,
            outcome: 'solved',
            createdAt: '2026-11-28T00:00:00Z',
          });
      }
    }, new Date('2026-11-28T03:00:00Z'));
  });
  after(async () => app?.close());

  it('a member logs in, sees the mission on Today, opens the board: a row per member, the mission with its solvers, the heatmap and coverage', async () => {
    const { page } = app;
    await page.goto('/login');
    await page.fill('input[name=login]', 'ana');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/plan/today'),
      page.click('button[type=submit].primary'),
    ]);
    const section = page.locator('section.group-mission-today');
    expect(await section.locator('h2').textContent()).to.contain('Group mission (Alpha)');
    const missionOnToday = await section
      .locator('li[data-mission-problem]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-mission-problem')));
    expect(missionOnToday.length).to.be.within(1, 3);

    await Promise.all([page.waitForURL('**/group'), section.locator('a[href="/group"]').click()]);
    expect(await page.locator('h1').textContent()).to.equal('Group Alpha');
    const rows = page.locator('table.group-members tbody tr');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-member')))).to.deep.equal([
      'ana',
      'bo',
      'cy',
    ]);
    expect((await page.locator('tr[data-member="ana"] td[data-solved-today]').textContent())?.trim()).to.equal(
      'yes, 1',
    );
    expect((await page.locator('tr[data-member="ana"] td[data-streak]').textContent())?.trim()).to.equal('2 days');
    expect((await page.locator('tr[data-member="cy"] td[data-solved-today]').textContent())?.trim()).to.equal(
      'not yet',
    );
    expect(await page.locator('tr[data-member="ana"]').textContent()).to.contain('D-64');
    expect(
      await page
        .locator('ul.group-mission li[data-mission-problem]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-mission-problem'))),
    ).to.deep.equal(missionOnToday);
    expect(await page.locator('.grass-cell[data-day="2026-11-28"]').getAttribute('data-count')).to.equal('2');
    expect(await page.locator('tr[data-coverage="math"]').getAttribute('data-members')).to.equal('1');
    // The board is visible: the members table is laid out with a height (not hidden by CSS).
    expect((await page.locator('table.group-members').boundingBox())?.height ?? 0).to.be.greaterThan(50);

    // Hide myself: my row leaves the board.
    await page.locator('input[name=hidden]').check();
    await Promise.all([
      page.waitForURL('**/group'),
      page.locator('form[action="/group/settings"] button[type=submit]').click(),
    ]);
    expect(await page.locator('.flash-ok').textContent()).to.contain('Saved your group settings.');
    expect(await page.locator('tr[data-member="ana"]').count()).to.equal(0);
    expect(await page.locator('input[name=hidden]').isChecked()).to.equal(true);
  });
});
