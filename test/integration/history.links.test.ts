import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner, seedProblems } from '../support/progress.ts';
import { spawnServer } from '../support/spawnCote.ts';
import { tempDataDir } from '../support/app.ts';
import { digestView } from '../../src/digest/view.ts';
import { importList } from '../../src/catalog/importList.ts';
import path from 'node:path';

const PLANNER_LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
import { groupWorld, solve, withGroups } from './groups.support.ts';

const ARCHIVE = 'https://web.archive.org/web/2026/https://www.acmicpc.net/problem/';
const CLOSED = 'https://www.acmicpc.net/problem/';

/** Every problem link comes from problemLinks: the mission's too (Baekjoon closed on 2026-04-28). */
describe('problem links – one function for every page and email', () => {
  it('the group mission on Today and the board – each Baekjoon problem links its archived copy beside the page; the email links the archive only', async () => {
    const w = await groupWorld();
    try {
      await withGroups(w);
      const ana = await loggedIn(w.t.app(), 'ana');
      for (const page of ['/plan/today', '/group']) {
        const $ = cheerio.load((await ana.agent.get(page).expect(200)).text);
        const items = $('[data-mission-problem]');
        expect(items.length, page).to.be.greaterThan(0);
        items.each((_, el) => {
          const id = $(el).attr('data-mission-problem')!.slice('boj:'.length);
          const hrefs = $(el)
            .find('a[href^="http"]')
            .map((_, a) => $(a).attr('href'))
            .get();
          expect(hrefs, `${page} ${id}`).to.include(`${ARCHIVE}${id}`);
        });
      }
      const view = digestView(w.db, w.t.deps.config, w.ana, '2026-11-28', w.t.deps.now());
      expect(view.group!.problems.length).to.be.greaterThan(0);
      for (const p of view.group!.problems) expect(p.url).to.equal(`${ARCHIVE}${p.id.slice('boj:'.length)}`);
    } finally {
      w.t.cleanup();
    }
  });

  it('the group mission with COTE_LINK_BOJ set – the mirror on the pages and in the email', async () => {
    const w = await groupWorld({ COTE_LINK_BOJ: 'https://mirror.example/p/{id}' });
    try {
      await withGroups(w);
      const ana = await loggedIn(w.t.app(), 'ana');
      const $ = cheerio.load((await ana.agent.get('/group').expect(200)).text);
      const first = $('[data-mission-problem]').first();
      const id = first.attr('data-mission-problem')!.slice('boj:'.length);
      expect(first.find('a').first().attr('href')).to.equal(`https://mirror.example/p/${id}`);
      const view = digestView(w.db, w.t.deps.config, w.ana, '2026-11-28', w.t.deps.now());
      expect(view.group!.problems[0].url).to.match(/^https:\/\/mirror\.example\/p\/\d+$/);
    } finally {
      w.t.cleanup();
    }
  });

  for (const [env, prefix] of [
    [{}, ARCHIVE],
    [{ COTE_LINK_BOJ: 'https://mirror.example/p/{id}' }, 'https://mirror.example/p/'],
  ] as const) {
    it(`/plan${'COTE_LINK_BOJ' in env ? ' with COTE_LINK_BOJ set' : ''} – every Baekjoon item links ${prefix}…, never the closed site`, async () => {
      const t = testDeps(env);
      try {
        await importList(t.deps.db, PLANNER_LIST);
        seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-28', dailyMinutes: '120' });
        const a = await loggedIn(t.app(), 'mina');
        const $ = cheerio.load((await a.agent.get('/plan').expect(200)).text);
        const items = $('li[data-problem^="boj:"]');
        expect(items.length).to.be.greaterThan(0);
        items.each((_, el) => {
          const id = $(el).attr('data-problem')!.slice('boj:'.length);
          expect($(el).find('a.plan-title').attr('href')).to.equal(`${prefix}${id}`);
        });
      } finally {
        t.cleanup();
      }
    });
  }

  it('/history – a logged Baekjoon problem links its archived copy, never the closed site', async () => {
    const t = testDeps();
    try {
      seedProblems(t.deps.db);
      const mina = seedLearner(t.deps.db, 'mina', { language: 'en' });
      solve(t.deps.db, mina, 'boj:1260', '2026-11-27');
      const a = await loggedIn(t.app(), 'mina');
      const html = (await a.agent.get('/history').expect(200)).text;
      expect(html).to.contain(`href="${ARCHIVE}1260"`).and.not.contain(`href="${CLOSED}1260"`);
    } finally {
      t.cleanup();
    }
  });

  for (const [host, kind] of [
    ['0.0.0.0', 'wildcard'],
    ['127.0.0.1', 'loopback'],
  ] as const) {
    it(`/digest/preview – HOST=${host} and no COTE_BASE_URL – a notice naming COTE_BASE_URL; with it set – none`, async () => {
      for (const [env, shown] of [
        [{ HOST: host }, true],
        [{ HOST: host, COTE_BASE_URL: 'https://cote.example.org' }, false],
      ] as const) {
        const t = testDeps(env);
        try {
          seedLearner(t.deps.db, 'mina', { language: 'en' });
          const a = await loggedIn(t.app(), 'mina');
          const $ = cheerio.load((await a.agent.get('/digest/preview').expect(200)).text);
          const notice = $('.digest-base-url');
          expect(notice.length, JSON.stringify(env)).to.equal(shown ? 1 : 0);
          if (shown) {
            expect(notice.attr('data-link-host')).to.equal(kind);
            expect(notice.text()).to.contain('COTE_BASE_URL').and.contain(`http://${host}:`);
          }
        } finally {
          t.cleanup();
        }
      }
    });
  }

  // The case with COTE_BASE_URL set is emailLinkWarning's unit test: one real start is enough here.
  it('the real server – HOST=0.0.0.0 without COTE_BASE_URL – one start-up log line naming COTE_BASE_URL', async function () {
    this.timeout(30_000);
    for (const [extra, warned] of [[{}, true]] as const) {
      const data = tempDataDir();
      const server = spawnServer({
        ...extra,
        PORT: '0',
        HOST: '0.0.0.0',
        COTE_DATA_DIR: data.dir,
        COTE_AUTO_IMPORT: 'false',
        LOG_LEVEL: 'info',
      });
      try {
        await server.logged('cote listening on');
        // The warning is logged before the listening line.
        const lines = server
          .log()
          .split('\n')
          .filter((l) => l.includes('COTE_BASE_URL'));
        expect(lines, server.log()).to.have.length(warned ? 1 : 0);
        if (warned) expect(lines[0]).to.contain('http://0.0.0.0:').and.contain('wildcard');
      } finally {
        server.child.kill('SIGTERM');
        await server.exited();
        data.cleanup();
      }
    }
  });
});
