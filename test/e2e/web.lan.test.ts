import { expect } from 'chai';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';

describe('e2e: a study group member opens the app over plain HTTP on the LAN', function () {
  this.timeout(60_000);
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp(
      (deps) => void seedLearner(deps.db, 'mina', { language: 'en' }),
      new Date('2026-11-28T03:00:00Z'),
      { hostName: 'study-pc' },
    );
  });
  after(async () => app?.close());

  it('http://study-pc:<port>/login – the stylesheet applies and the login form logs in', async () => {
    const { page } = app;
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
    await page.goto(`${app.baseUrl}/login`);
    expect(new URL(page.url()).origin).to.equal(app.baseUrl);
    // button.primary's blue comes from /static/style.css only: the stylesheet was loaded over http://, not upgraded.
    const background = await page
      .locator('button[type=submit].primary')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).to.equal('rgb(37, 99, 235)');
    await page.fill('input[name=login]', 'mina');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login', { timeout: 10_000 }),
      page.click('button[type=submit].primary'),
    ]);
    expect(new URL(page.url()).origin).to.equal(app.baseUrl);
    expect(new URL(page.url()).pathname).to.equal('/plan/today');
    expect(await page.locator('.topbar .who').textContent()).to.equal('Learner mina');
    expect(failed).to.deep.equal([]);
  });

  it('http://study-pc:<port> – no page logs a console error or warning (no COOP / Origin-Agent-Cluster over plain HTTP)', async () => {
    const { page } = app;
    const logged: string[] = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && logged.push(`${page.url()}: ${m.text()}`));
    for (const url of ['/plan/today', '/plan', '/history', '/settings', '/login']) {
      const response = await page.goto(`${app.baseUrl}${url}`);
      const headers = response!.headers();
      expect(headers, url).to.not.have.property('cross-origin-opener-policy');
      expect(headers, url).to.not.have.property('origin-agent-cluster');
    }
    expect(logged).to.deep.equal([]);
  });
});
