import { expect } from 'chai';
import { startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { eucKr } from '../support/eucKr.ts';
import { PASSWORD, seedLearner } from '../support/progress.ts';

describe('e2e: loading a CSV file into the import box in Chromium', function () {
  this.timeout(60_000);
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp((deps) => void seedLearner(deps.db, 'mina', { language: 'en' }));
    const { page } = app;
    await page.goto('/login');
    await page.fill('input[name=login]', 'mina');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('button[type=submit].primary')]);
  });
  after(async () => app?.close());

  it('a file saved as CP949 – the box stays empty and the picker says the file is not UTF-8', async () => {
    const { page } = app;
    await page.goto('/history/import');
    const picker = page.locator('.csv-file input[type=file]');
    const csv = Buffer.concat([
      Buffer.from('problem,day,outcome,minutes,note\nboj:1000,2026-02-01,solved,10,'),
      eucKr('수학'),
      Buffer.from('\n'),
    ]);
    await picker.setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: csv });
    await page.waitForFunction(
      () => (document.querySelector('.csv-file input[type=file]') as HTMLInputElement).validationMessage !== '',
    );
    expect(await picker.evaluate((input: HTMLInputElement) => input.validationMessage)).to.equal(
      'history.csv is not UTF-8 text: save it as UTF-8 and load it again.',
    );
    expect(await page.locator('textarea[name=csv]').inputValue()).to.equal('');
  });

  it('a UTF-8 file with a BOM – loaded into the box as written, without the BOM', async () => {
    const { page } = app;
    await page.goto('/history/import');
    // The picker is worded by the page, not by the browser ("Choose File"), and names the file once chosen.
    expect(await page.locator('.csv-file .file-name').textContent()).to.equal('No file chosen');
    const text = 'problem,day,outcome,minutes,note\nboj:1000,2026-02-01,solved,10,수학\n';
    await page
      .locator('.csv-file input[type=file]')
      .setInputFiles({ name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) });
    await page.waitForFunction(
      () => (document.querySelector('textarea[name=csv]') as HTMLTextAreaElement).value !== '',
    );
    expect(await page.locator('textarea[name=csv]').inputValue()).to.equal(text);
    expect(await page.locator('.csv-file .file-name').textContent()).to.equal('ok.csv');
  });
});
