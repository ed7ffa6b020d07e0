import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { importList } from '../../src/catalog/importList.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');

describe('e2e: the light checklist in Chromium', function () {
  this.timeout(60_000);
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp(async (deps) => {
      await importList(deps.db, LIST);
      seedLearner(deps.db, 'mina', { language: 'en' });
    }, new Date('2026-11-28T03:00:00Z'));
  });
  after(async () => app?.close());

  const attempts = () => attemptsForLearner(app.deps.db, 1).map((a) => [a.problemId, a.day, a.outcome, a.minutes]);

  it('opens a folded type in place and logs a problem through the one shared form', async () => {
    const { page } = app;
    await page.goto('/login');
    await page.fill('input[name=login]', 'mina');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('button[type=submit].primary')]);
    await page.goto('/');
    const simulation = page.locator('#type-simulation');
    expect(await simulation.locator('tr[data-problem]').count()).to.equal(0);
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await simulation.locator('summary').click();
    const row = simulation.locator('tr[data-problem="boj:14499"]');
    await row.waitFor();
    // Loaded in place, not by following the link to /?type=simulation.
    expect(new URL(page.url()).search).to.equal('');
    expect(await simulation.locator('tr[data-problem]').count()).to.equal(4);

    await row.locator('a.log-more-link').click();
    const form = page.locator('tr.log-row #log-form');
    expect(await form.locator('input[name=problem]').inputValue()).to.equal('boj:14499');
    expect(await form.locator('[data-log-title]').textContent()).to.equal('주사위 굴리기');
    await form.locator('select[name=outcome]').selectOption('hint');
    await form.locator('input[name=minutes]').fill('35');
    await form.locator('button[type=submit]').click();
    await row.locator('.status.outcome-hint').waitFor();
    expect(await row.locator('[data-status]').textContent()).to.equal('Solved with a hint · 2026-11-28');
    expect(await page.locator('[data-type-stats="simulation"] [data-part="solved"]').textContent()).to.equal(
      '1/4 solved',
    );
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).to.equal('same page');
    expect(attempts()).to.deep.equal([['boj:14499', '2026-11-28', 'hint', 35]]);
    // The whole page still has one detailed form, whatever the number of rows.
    expect(await page.locator('#log-form').count()).to.equal(1);
  });

  describe('without JavaScript', () => {
    let browser: Browser;
    before(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu'],
        headless: true,
      });
    });
    after(async () => browser?.close());

    it('a type opens as /?type=key, ✓ submits the shared quick form, and … leads to the shared form filled in', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL: app.baseUrl, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto('/login');
      await page.fill('input[name=login]', 'mina');
      await page.fill('input[name=password]', PASSWORD);
      await Promise.all([
        page.waitForURL((url) => url.pathname !== '/login'),
        page.click('button[type=submit].primary'),
      ]);
      await page.goto('/');
      // A folded type is a link to the page with that type open.
      await page.locator('#type-graph_traversal summary').click();
      await Promise.all([
        page.waitForURL(/type=graph_traversal/),
        page.locator('#type-graph_traversal a[data-rows]').click(),
      ]);
      await Promise.all([
        page.waitForLoadState('load'),
        page.locator('tr[data-problem="boj:7576"] button.log-check').click(),
      ]);
      expect(new URL(page.url()).search).to.equal('?type=graph_traversal');
      expect(await page.locator('.flash').textContent()).to.contain('토마토');
      expect(await page.locator('tr[data-problem="boj:7576"] [data-status]').textContent()).to.equal(
        'Solved · 2026-11-28',
      );

      await Promise.all([
        page.waitForURL(/log=boj%3A1012/),
        page.locator('tr[data-problem="boj:1012"] a.log-more-link').click(),
      ]);
      expect(await page.locator('#log-form input[name=problem]').inputValue()).to.equal('boj:1012');
      await page.locator('#log-form select[name=outcome]').selectOption('failed');
      await page.locator('#log-form input[name=day]').fill('2026-11-27');
      await Promise.all([page.waitForLoadState('load'), page.locator('#log-form button[type=submit]').click()]);
      expect(new URL(page.url()).search).to.equal('?type=graph_traversal');
      expect(await page.locator('tr[data-problem="boj:1012"] [data-status]').textContent()).to.equal(
        'Failed · 2026-11-27',
      );
      expect(attempts().filter((a) => a[0] !== 'boj:14499')).to.have.deep.members([
        ['boj:7576', '2026-11-28', 'solved', null],
        ['boj:1012', '2026-11-27', 'failed', null],
      ]);
      await context.close();
    });
  });
});
