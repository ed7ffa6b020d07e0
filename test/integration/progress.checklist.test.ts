import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import * as cheerio from 'cheerio';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/progress/list');

describe('progress on the checklist', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    ctx = testDeps();
    await importList(ctx.deps.db, LIST);
  });
  afterEach(() => ctx.cleanup());

  it('GET / – anonymous – first run (nobody yet) points to /setup; once a learner exists it redirects to /login', async () => {
    const first = await request(ctx.app()).get('/');
    expect(first.status).to.equal(200);
    expect(first.text).to.contain('href="/setup"');
    expect(first.text).not.to.contain('data-status-cell');
    expect((await request(ctx.app()).get('/login')).headers.location).to.equal('/setup');
    seedLearner(ctx.deps.db, 'mina');
    const later = await request(ctx.app()).get('/');
    expect(later.status).to.equal(302);
    expect(later.headers.location).to.equal('/login?next=%2F');
  });

  it("GET / – a learner's attempts – each row shows its status and each type its figures; another learner sees none of it", async () => {
    const mina = seedLearner(ctx.deps.db, 'mina', { language: 'en' });
    seedLearner(ctx.deps.db, 'joon', { language: 'en' });
    const at = '2026-11-01T00:00:00Z';
    recordAttempt(ctx.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:1260',
      day: '2026-11-20',
      outcome: 'solved',
      createdAt: at,
    });
    recordAttempt(ctx.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:7576',
      day: '2026-11-21',
      outcome: 'failed',
      createdAt: at,
    });
    const a = await loggedIn(ctx.app(), 'mina');
    const overview = (await a.agent.get('/').expect(200)).text;
    // The rows come with the type when it opens: in place (its rows fragment) or as /?type=key.
    const page =
      (await a.agent.get('/types/graph_traversal/rows').expect(200)).text +
      (await a.agent.get('/?type=dp').expect(200)).text;
    const cell = (id: string) =>
      new RegExp(`data-status-cell="${id}">\\s*<span class="status status-([a-z]+)[^"]*" data-status[^>]*>([^<]*)<`)
        .exec(page)
        ?.slice(1);
    expect(cell('boj:1260')).to.deep.equal(['solved', 'Solved · 2026-11-20']);
    expect(cell('boj:7576')).to.deep.equal(['attempted', 'Failed · 2026-11-21']);
    expect(cell('boj:1003')).to.deep.equal(['none', 'Not yet']);
    // Graph traversal: 1260 (recommended, Silver II) solved of 2; DP: 1260 (not recommended) solved of 2.
    const $ = cheerio.load(overview);
    const stats = $('details.type-section')
      .map((_, d) => [[$(d).attr('data-type'), $(d).find('[data-type-stats]').text().replace(/\s+/g, ' ').trim()]])
      .get();
    expect(stats).to.deep.equal([
      ['graph_traversal', '1/2 solved recommended 1/1 highest Silver II'],
      ['dp', '1/2 solved recommended 0/1 highest Silver II'],
    ]);
    const b = await loggedIn(ctx.app(), 'joon');
    const other = (await b.agent.get('/')).text + (await b.agent.get('/types/graph_traversal/rows')).text;
    expect(other).not.to.contain('status-solved');
    expect(other).to.contain('0/2 solved');
  });
});
