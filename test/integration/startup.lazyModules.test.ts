import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { tempDataDir } from '../support/app.ts';
import { spawnServer, stopServer } from '../support/spawnCote.ts';

/**
 * Packages that only an import, a sync, an email or a CSV file needs. The server loads them on first use, so that a
 * server at rest (and serving pages) does not hold them in memory: cheerio (+ undici) ~26 MB, axios ~20 MB,
 * nodemailer ~14 MB, the CSV parser and writer ~3 MB each, the markdown list parser (markdown-it) ~1 MB.
 */
const LOADED_ON_USE = [
  'axios',
  'cheerio',
  'cli-progress',
  'csv-parse',
  'csv-stringify',
  'markdown-it',
  'mailparser',
  'nodemailer',
  'undici',
];

/** The package each path lies in (the innermost node_modules folder), e.g. '@date-fns/tz', 'express'. */
function packagesIn(paths: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of paths) {
    const m = /.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (m) names.add(m[1].replace(/\\/g, '/'));
  }
  return names;
}

describe('start-up: modules loaded at rest', function () {
  this.timeout(30_000);
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => (data = tempDataDir()));
  afterEach(() => data.cleanup());

  it('the server booted (jobs scheduled) and serving / and /login – loads no import, sync, mail or CSV package', async () => {
    const log = path.join(data.dir, 'modules.log');
    const cote = spawnServer(
      {
        COTE_DATA_DIR: path.join(data.dir, 'data'),
        COTE_MODULE_LOG: log,
        PORT: '0',
        HOST: '127.0.0.1',
        COTE_AUTO_IMPORT: 'false',
        LOG_LEVEL: 'info',
      },
      ['--import', './test/support/moduleLog.ts'],
    );
    try {
      await cote.logged('cote listening on');
      const base = /cote listening on (http:\/\/[^"\s]+)/.exec(cote.log())![1];
      for (const page of ['/', '/login']) expect((await fetch(base + page)).status, page).to.equal(200);
    } finally {
      const exited = await stopServer(cote);
      expect(exited.code, exited.stderr).to.equal(0);
    }
    const loaded = packagesIn(fs.readFileSync(log, 'utf8').split('\n'));
    // The log is complete: the web stack, the database driver and the scheduler are in it.
    expect([...loaded]).to.include.members(['express', 'ejs', 'better-sqlite3', 'node-cron', 'zod']);
    expect(LOADED_ON_USE.filter((name) => loaded.has(name))).to.deep.equal([]);
  });
});
