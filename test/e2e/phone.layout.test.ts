import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { importList } from '../../src/catalog/importList.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';
import { PHONE_LIST, PHONE_NOW, seedPhoneHistory } from '../support/phone.ts';
import { sendDueDigests } from '../../src/digest/delivery.ts';
import { createMailer } from '../../src/digest/transport.ts';
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../src/app.ts';
import { addMember, createGroup } from '../../src/groups/groupAdmin.ts';
import { registeredRoutes } from '../support/routes.ts';
import { checkPage, knownNames, MIN_TARGET } from '../support/pageChecks.ts';

const PHONE = { width: 390, height: 844 };

/** Loads `url` and checks it fits a phone and every control on it is a 40 × 40 px touch target. */
async function expectFitsPhone(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response, url).to.not.equal(null);
  const { overflow, small } = await checkPage(page, 'en', []);
  expect(overflow, `${url} is ${overflow}px wider than the screen`).to.be.at.most(0);
  expect(small, `${url}: touch targets under ${MIN_TARGET}px`).to.deep.equal([]);
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

  it('every page of a logged-in admin in a group, in Korean and in English: fits, every control at least 40 × 40 px, no text in the other language', async () => {
    const db = app.deps.db;
    const { learnerId } = seedPhoneHistory(db, 'ko');
    seedLearner(db, 'jun', { language: 'en', timezone: 'Europe/Berlin' });
    const group = createGroup(db, { name: 'Study', profile: 'samsung' }, PHONE_NOW);
    addMember(db, group, 'mina', PHONE_NOW);
    addMember(db, group, 'jun', PHONE_NOW);
    await sendDueDigests({ ...app.deps, mailer: createMailer(app.deps.config) }, new Date('2026-11-28T12:00:00Z'));
    const logIn = async () => {
      await expectFitsPhone(page, '/login');
      await page.fill('input[name=login]', 'mina');
      await page.fill('input[name=password]', PASSWORD);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/plan/today'),
        page.click('button[type=submit].primary'),
      ]);
    };
    await logIn();
    const attempt = db.prepare('SELECT id FROM attempts WHERE learner_id = ? ORDER BY id DESC').pluck().get(learnerId);
    const outbox = fs.readdirSync(path.join(app.deps.config.dataDir, 'outbox')).find((f) => f.endsWith('.eml'))!;
    const token = db.prepare('SELECT unsubscribe_token FROM learners WHERE id = ?').pluck().get(learnerId) as string;
    // Every page (GET route) of the app, so that a page added later without a place here fails this test.
    const urls: Record<string, string[] | string> = {
      'GET /': ['/', '/?type=graph_traversal', '/?q=1260'],
      'GET /plan/today': ['/plan/today'],
      'GET /plan': ['/plan'],
      'GET /history': ['/history', '/history?year=2022', '/history?day=2026-11-27'],
      'GET /history/import': ['/history/import'],
      'GET /lists': ['/lists'],
      'GET /learners': ['/learners'],
      'GET /groups': ['/groups'],
      'GET /group': ['/group'],
      'GET /groups/:id/board': [`/groups/${group.id}/board`],
      'GET /settings': ['/settings'],
      'GET /settings/email': ['/settings/email'],
      'GET /settings/weights': ['/settings/weights'],
      'GET /settings/accounts': ['/settings/accounts'],
      'GET /settings/calendar': ['/settings/calendar'],
      'GET /digest/preview': ['/digest/preview'],
      'GET /digest/outbox/:name/view': [`/digest/outbox/${outbox}/view`],
      'GET /attempts/:id/edit': [`/attempts/${attempt}/edit`],
      'GET /attempts/:id/delete': [`/attempts/${attempt}/delete`],
      'GET /unsubscribe/:token': [`/unsubscribe/${token}`],
      'GET /login': 'a logged-in learner is sent on; checked before logging in',
      'GET /setup': 'answers only before the first learner; checked by the first test',
      'GET /logout': 'an action, not a page',
      'GET /digest/outbox/:name': 'the .eml file itself',
      'GET /calendar/:file': 'the calendar feed (text/calendar), not a page',
      'GET /digest/outbox/:name/html': "the email's HTML, framed by the /view page (the email is checked below)",
      'GET /types/:key/rows': "a fragment of the checklist, loaded into '/'",
      'GET /api/imports/:id': 'JSON',
      'GET /api/sync': 'JSON',
      'GET /export.csv': 'a file',
      'GET /export.json': 'a file',
      'GET /language': 'a redirect that sets the language',
      'GET /favicon.ico': 'a redirect to the icon',
    };
    const routes = registeredRoutes(createApp(app.deps)).filter((r) => r.startsWith('GET '));
    expect(
      routes.filter((r) => !(r in urls) && !r.startsWith('GET /static')),
      'pages this test does not visit',
    ).to.deep.equal([]);
    const known = knownNames(db);
    // Every finding of every page at once: one failure lists them all.
    const problems: string[] = [];
    for (const lang of ['ko', 'en'] as const) {
      await page.goto('/settings');
      await Promise.all([page.waitForURL('**/settings'), page.locator(`.lang-switch button[value=${lang}]`).click()]);
      for (const url of Object.values(urls)
        .filter((v) => Array.isArray(v))
        .flat()) {
        const response = await page.goto(url);
        if (response?.status() !== 200) problems.push(`${lang} ${url}: status ${response?.status()}`);
        const { overflow, small, foreign } = await checkPage(page, lang, known);
        if (overflow > 0) problems.push(`${lang} ${url}: ${overflow}px wider than the screen`);
        for (const s of small) problems.push(`${lang} ${url}: under ${MIN_TARGET}px: ${s}`);
        for (const f of foreign) problems.push(`${lang} ${url}: other language: ${f}`);
      }
      // The email as a phone's mail client shows it, in its own language (the learner's: Korean).
      await page.goto(`/digest/outbox/${outbox}/html`);
      const email = await checkPage(page, 'ko', known);
      if (email.overflow > 0) problems.push(`the email is ${email.overflow}px wider than the screen`);
      for (const f of email.foreign) problems.push(`the email: other language: ${f}`);
    }
    // The pages of a visitor who is not logged in (the language chosen with the switch's GET form).
    await page.goto('/settings');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/login'),
      page.locator('form[action="/logout"] button').click(),
    ]);
    for (const lang of ['ko', 'en'] as const) {
      for (const url of ['/login', '/', '/lists', `/unsubscribe/${token}`]) {
        await page.goto(`/language?lang=${lang}&back=${encodeURIComponent(url)}`);
        const { overflow, small, foreign } = await checkPage(page, lang, known);
        if (overflow > 0) problems.push(`anonymous ${lang} ${url}: ${overflow}px wider than the screen`);
        for (const s of small) problems.push(`anonymous ${lang} ${url}: under ${MIN_TARGET}px: ${s}`);
        for (const f of foreign) problems.push(`anonymous ${lang} ${url}: other language: ${f}`);
      }
    }
    expect(problems).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    await logIn();
    // An error page for a logged-in learner (the whole navigation in the top bar).
    expect((await expectFitsPhone(page, '/history?year=22')).status()).to.equal(400);
  });

  it('a filtered checklist opens at its matches: the first match is on the first screen, after searching or choosing a type', async () => {
    const firstScreen = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      expect(box, selector).to.not.equal(null);
      expect(box!.y, `${page.url()}: ${selector} at ${box!.y}px`).to.be.within(0, PHONE.height - box!.height);
    };
    await page.goto('/');
    await page.fill('input[name=q]', '1260');
    await Promise.all([
      page.waitForURL('**/?*q=1260*'),
      page.locator('form.checklist-filters button[type=submit]').click(),
    ]);
    await firstScreen('tr[data-problem="boj:1260"]');
    await page.goto('/');
    await page.selectOption('form.checklist-filters select[name=type]', 'simulation');
    await Promise.all([
      page.waitForURL('**/?*type=simulation*'),
      page.locator('form.checklist-filters button[type=submit]').click(),
    ]);
    await firstScreen('#type-simulation tr[data-problem]');
    // Without the form (a link to /?type=…): the chosen type is the first of the list.
    await page.goto('/?type=simulation');
    expect(await page.locator('.type-list > details').first().getAttribute('data-type')).to.equal('simulation');
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
