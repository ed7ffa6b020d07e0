import path from 'node:path';
import { expect } from 'chai';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalog');

describe('e2e: importing a list from the lists page in Chromium', function () {
  this.timeout(30000);
  let app: BrowserApp;
  let server: StaticServer;
  before(async () => {
    server = await serveDirectory(path.join(FIXTURES, 'v1'));
    for (const page of ['graph_traversal', 'simulation', 'math']) server.slow.set(`/algorithms/${page}/README.md`, 700);
    app = await startBrowserApp();
    // The list server runs on 127.0.0.1: a typed URL may reach it only with COTE_ALLOW_PRIVATE_SOURCES=true.
    app.deps.config.allowPrivateSources = true;
  });
  after(async () => {
    await app?.close();
    await server?.close();
  });

  it('first run – import from a URL – the running import shows progress, then the page turns to the result by itself', async () => {
    const errors: string[] = [];
    // Script errors (a CSP refusal, say) show in the console; failed page resources in the responses (Chromium's own
    // /favicon.ico request is neither).
    app.page.on(
      'console',
      (message) =>
        message.type() === 'error' &&
        !message.text().startsWith('Failed to load resource') &&
        errors.push(message.text()),
    );
    app.page.on(
      'response',
      (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`),
    );
    await app.page.goto('/lists');
    await app.page.fill('input[name="source"]', server.url);
    await app.page.click('.import-form button[type="submit"]');
    await app.page.waitForSelector('tr.run[data-status="running"] progress');
    await app.page.waitForSelector('tr.run[data-status="succeeded"]', { timeout: 15000 });
    expect(await app.page.textContent('tr.run .run-result')).to.include(
      '3 types, 9 problems, 10 entries, 4 recommended',
    );
    await app.page.goto('/');
    expect(await app.page.locator('details.type-section').count()).to.equal(3);
    await app.page.goto('/?min=0');
    expect(await app.page.locator('tr.problem-row').count()).to.equal(10);
    expect(errors).to.deep.equal([]);
  });
});
