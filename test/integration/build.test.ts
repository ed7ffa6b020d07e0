import { execFileSync, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { tempDataDir } from '../support/app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

// `npm install` compiles to dist/ (the prepare script); production runs plain node with no tsx in the process.
describe('the compiled build', function () {
  this.timeout(60_000);

  before(() => {
    // `npm test` built this run's source already (test/support/buildOnce.ts).
    if (process.env.COTE_TEST_BUILD !== '1')
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('node dist/bin/cote.js --help – lists the commands without tsx', () => {
    const run = spawnSync(process.execPath, ['dist/bin/cote.js', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).to.equal(0);
    for (const command of ['import', 'learner', 'solve', 'history', 'plan', 'digest'])
      expect(run.stdout).to.match(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('node dist/main.js – migrates a new database, serves a page with its stylesheet and stops on SIGTERM', async () => {
    const data = tempDataDir();
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        COTE_DATA_DIR: data.dir,
        COTE_AUTO_IMPORT: 'false',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let log = '';
        child.stderr!.on('data', (chunk) => {
          log += chunk;
          const m = /listening on (http:\/\/[\d.]+):(\d+)/.exec(log);
          if (m) resolve(`${m[1]}:${m[2]}`);
        });
        child.on('exit', (code) => reject(new Error(`dist/main.js exited with ${code}: ${log}`)));
      });
      const page = await fetch(`${url}/setup`);
      expect(page.status).to.equal(200);
      const html = await page.text();
      const css = /href="(\/static\/[^"]+\.css[^"]*)"/.exec(html);
      expect(css, 'a stylesheet link').to.not.equal(null);
      expect((await fetch(`${url}${css![1]}`)).status).to.equal(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      data.cleanup();
    }
  });
});
