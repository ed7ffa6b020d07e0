import path from 'node:path';
import { expect } from 'chai';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { importList } from '../../src/catalog/importList.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';
import { sendDueDigests } from '../../src/digest/delivery.ts';
import { createMailer } from '../../src/digest/transport.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/progress/list');

/** What a keyboard reaches with Tab: enabled controls, links with href, and anything with tabindex >= 0. */
const FOCUSABLE =
  'a[href]:not([tabindex="-1"]), button:not([disabled]):not([tabindex="-1"]), input:not([type=hidden]):not([tabindex="-1"]), select, textarea, [tabindex]:not([tabindex="-1"])';

describe('e2e: what a new user ran into', function () {
  this.timeout(60_000);
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp(async (deps) => {
      await importList(deps.db, LIST);
      const mina = seedLearner(deps.db, 'mina', { language: 'en' });
      recordAttempt(deps.db, {
        learnerId: mina.id,
        problemId: 'boj:1260',
        day: '2026-11-20',
        outcome: 'solved',
        createdAt: '2026-11-20T03:00:00Z',
      });
      recordAttempt(deps.db, {
        learnerId: mina.id,
        problemId: 'boj:7576',
        day: '2026-11-27',
        outcome: 'hint',
        createdAt: '2026-11-27T03:00:00Z',
      });
      // Tonight's digest (21:00 in Seoul), written to the outbox: no SMTP_URL in tests.
      await sendDueDigests({ ...deps, mailer: createMailer(deps.config) }, new Date('2026-11-28T12:00:00Z'));
    }, new Date('2026-11-28T03:00:00Z'));
    const { page } = app;
    await page.goto('/login');
    await page.fill('input[name=login]', 'mina');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('button[type=submit].primary')]);
  });
  after(async () => app?.close());

  it('checklist – a row never logged shows no undo; a logged row does', async () => {
    const { page } = app;
    await page.goto('/?type=dp');
    const never = page.locator('#type-dp tr[data-problem="boj:1003"] .undo-button');
    expect(await never.count()).to.equal(1);
    expect(await never.isVisible()).to.equal(false);
    expect(await page.locator('#type-dp tr[data-problem="boj:1260"] .undo-button').isVisible()).to.equal(true);
  });

  it('history – the heatmap is one tab stop behind a skip link, and arrow keys move between days', async () => {
    const { page } = app;
    await page.goto('/history');
    const focusable = await page.locator('.grass').locator(FOCUSABLE).count();
    expect(focusable).to.equal(1);
    const skip = page.locator('a.skip-link');
    expect(await skip.count()).to.equal(1);
    // The skip link comes before the heatmap in tab order and leads past it.
    const order = await page.evaluate(() => {
      const skipLink = document.querySelector('a.skip-link')!;
      const grass = document.querySelector('.grass')!;
      return skipLink.compareDocumentPosition(grass) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).to.not.equal(0);
    const target = await skip.getAttribute('href');
    expect(await page.locator(target!).count()).to.equal(1);

    // Tab from the skip link: the heatmap's one stop (today, the selected day), then out of the heatmap.
    await skip.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).to.equal('2026-11-28');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).to.equal('2026-11-21');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).to.equal('2026-11-20');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.grass')))).to.equal(false);
    // Enter on a day opens it.
    await page.locator('.grass [data-day="2026-11-20"]').focus();
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('day') === '2026-11-20'),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('.entries .entry-title').first().textContent()).to.equal('DFS와 BFS');
  });

  it('digest preview – clicking an outbox file shows the email rendered (not MIME), with its download link', async () => {
    const { page } = app;
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/digest/preview');
    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith('/view')),
      page.locator('.outbox-files li a').first().click(),
    ]);
    expect(await page.locator('.message-subject').textContent()).to.match(/^\[cote\] /);
    const mail = page.frameLocator('iframe.message-html');
    await mail.locator('h1').waitFor();
    expect(await mail.locator('h1').textContent()).to.contain('Learner mina, here is your day (2026-11-28)');
    expect(await mail.locator('[data-section="solves"], p').first().isVisible()).to.equal(true);
    expect(await page.locator('body').textContent()).not.to.contain('Content-Transfer-Encoding');
    expect(await page.locator('a[download]').getAttribute('href')).to.match(
      /^\/digest\/outbox\/digest-1-2026-11-28\.eml$/,
    );
    expect(errors).to.deep.equal([]);
  });
});
