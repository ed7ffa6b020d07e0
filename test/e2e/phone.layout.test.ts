import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { importList } from '../../src/catalog/importList.ts';
import { PASSWORD } from '../support/progress.ts';
import { PHONE_LIST, PHONE_NOW, seedPhoneHistory } from '../support/phone.ts';
import { sendDueDigests } from '../../src/digest/delivery.ts';
import { createMailer } from '../../src/digest/transport.ts';

const PHONE = { width: 390, height: 844 };
const MIN_TARGET = 40;

/**
 * How much wider than the screen the page is (0 when it fits), and every too-small touch target on it. Plain JS text:
 * tsx would wrap named functions in a helper the page does not have.
 */
const MEASURE = `(() => {
  const controls = 'header.topbar nav a, header.topbar button, main form button, main form select, main form textarea, main form input:not([type=hidden]), main a.button';
  const small = [];
  for (const el of document.querySelectorAll(controls)) {
    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    // A checkbox is touched through its label.
    const target = el.matches('input[type=checkbox], input[type=radio]') ? (el.closest('label') || el) : el;
    const height = target.getBoundingClientRect().height;
    if (height < ${MIN_TARGET}) small.push(target.tagName.toLowerCase() + '.' + target.className + ' "' + (target.textContent || '').trim().slice(0, 20) + '" ' + height + 'px');
  }
  return { overflow: document.documentElement.scrollWidth - window.innerWidth, small: small.slice(0, 5), smallCount: small.length };
})()`;

async function measure(page: Page): Promise<{ overflow: number; small: string[]; smallCount: number }> {
  return page.evaluate(MEASURE);
}

async function expectFitsPhone(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response, url).to.not.equal(null);
  const { overflow, small, smallCount } = await measure(page);
  expect(overflow, `${url} is ${overflow}px wider than the screen`).to.be.at.most(0);
  expect(smallCount, `${url}: touch targets under ${MIN_TARGET}px: ${small.join('; ')}`).to.equal(0);
  return response!;
}

describe('e2e: every page on a 390 × 844 phone', function () {
  this.timeout(180_000);
  let app: BrowserApp;
  let page: Page;
  const errors: string[] = [];
  before(async () => {
    app = await startBrowserApp(async (deps) => {
      await importList(deps.db, PHONE_LIST);
    }, PHONE_NOW);
    page = app.page;
    await page.setViewportSize(PHONE);
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
  });
  after(async () => app?.close());
  beforeEach(() => (errors.length = 0));

  it('before the first learner: /setup and the error page fit', async () => {
    await expectFitsPhone(page, '/setup');
    expect(await page.locator('form[action="/setup"]').count()).to.equal(1);
    const missing = await expectFitsPhone(page, '/no-such-page');
    expect(missing.status()).to.equal(404);
  });

  it('a learner with the full list and history since 2022: every page fits and every control is at least 40 px tall', async () => {
    seedPhoneHistory(app.deps.db, 'ko');
    await sendDueDigests({ ...app.deps, mailer: createMailer(app.deps.config) }, new Date('2026-11-28T12:00:00Z'));
    await expectFitsPhone(page, '/login');
    await page.fill('input[name=login]', 'mina');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/plan/today'),
      page.click('button[type=submit].primary'),
    ]);
    const pages = [
      '/plan/today',
      '/plan',
      '/history',
      '/history?year=2022',
      '/history/import',
      '/lists',
      '/learners',
      '/settings',
      '/settings/email',
      '/settings/weights',
      '/digest/preview',
      '/',
    ];
    for (const url of pages) await expectFitsPhone(page, url);
    expect(errors).to.deep.equal([]);
    // An error page for a logged-in learner (the whole navigation in the top bar).
    expect((await expectFitsPhone(page, '/history?year=22')).status()).to.equal(400);
  });

  it('the charts draw on /plan and /history at phone width, with no console errors, and fold their tables away', async () => {
    for (const [url, kinds] of [
      ['/plan', ['readiness', 'burnup']],
      ['/history', ['weekly']],
    ] as const) {
      await page.goto(url);
      for (const kind of kinds) {
        const canvas = page.locator(`.chart[data-chart="${kind}"] canvas`);
        await canvas.waitFor();
        const box = await canvas.boundingBox();
        expect(box, `${url} ${kind}`).to.not.equal(null);
        expect(box!.width, `${url} ${kind} width`).to.be.within(200, PHONE.width);
        expect(box!.height, `${url} ${kind} height`).to.be.greaterThan(100);
        const figure = page.locator('.chart-figure', { has: page.locator(`.chart[data-chart="${kind}"]`) });
        expect(await figure.locator('details.chart-table').evaluate((d) => (d as HTMLDetailsElement).open)).to.equal(
          false,
        );
      }
    }
    expect(errors).to.deep.equal([]);
  });

  it('the heatmap starts at the latest week, arrow keys still move between days, and year links reach 2022', async () => {
    await page.goto('/history');
    const today = page.locator('.grass-cell[data-day="2026-11-28"]');
    const box = (await today.boundingBox())!;
    expect(box.x).to.be.within(0, PHONE.width - box.width);
    await today.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).to.equal('2026-11-21');

    await Promise.all([
      page.waitForURL('**/history?year=2022*'),
      page.locator('.grass-years a', { hasText: '2022' }).click(),
    ]);
    const first = page.locator('.grass-cell[data-day="2022-01-05"]');
    expect(await first.getAttribute('data-count')).to.equal('1');
    expect(await page.locator('.grass-cell[data-day="2021-12-31"]').count()).to.equal(0);
    // The last day of the year is the one tab stop; Home goes to 1 January.
    await page.locator('.grass-cell[tabindex="0"]').focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).to.equal('2022-12-31');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).to.equal('2022-01-01');
    await Promise.all([page.waitForURL('**/history?year=2022&day=2022-01-05'), first.click()]);
    expect(await page.locator('#day').textContent()).to.contain('2022-01-05');
    expect(await page.locator('.entries li.entry').count()).to.be.greaterThan(0);
    expect(await page.locator('.grass-years a[aria-current]').textContent()).to.equal('2022');
    expect(errors).to.deep.equal([]);
  });
});
