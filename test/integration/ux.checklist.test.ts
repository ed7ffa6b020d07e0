import path from 'node:path';
import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';
import type { Outcome } from '../../src/progress/outcomes.ts';

const V1 = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');

describe('checklist status badges', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    ctx = testDeps({}, new Date('2026-11-28T03:00:00Z'));
    await importList(ctx.deps.db, V1);
    const mina = seedLearner(ctx.deps.db, 'mina', { language: 'en' });
    const log = (problemId: string, outcome: Outcome, day: string) =>
      recordAttempt(ctx.deps.db, { learnerId: mina.id, problemId, day, outcome, createdAt: `${day}T00:00:00Z` });
    log('boj:1260', 'solved', '2026-11-20');
    log('boj:2178', 'solved_slow', '2026-11-21');
    log('boj:7576', 'hint', '2026-11-22');
    log('boj:1012', 'failed', '2026-11-23');
  });
  afterEach(() => ctx.cleanup());

  async function badges(lang: 'en' | 'ko') {
    const a = await loggedIn(ctx.app(), 'mina');
    await a.agent.post('/language').type('form').send({ _csrf: a.csrf, lang, back: '/' });
    const $ = cheerio.load((await a.agent.get('/?type=graph_traversal')).text);
    const of = (id: string) => {
      const badge = $(`#type-graph_traversal tr[data-problem="${id}"] [data-status]`);
      return { text: badge.text(), classes: (badge.attr('class') ?? '').split(/\s+/) };
    };
    return { solved: of('boj:1260'), slow: of('boj:2178'), hint: of('boj:7576'), failed: of('boj:1012') };
  }

  it('GET / – solved, solved slowly, with a hint, failed – four different labels and styles (English)', async () => {
    const b = await badges('en');
    expect([b.solved.text, b.slow.text, b.hint.text, b.failed.text]).to.deep.equal([
      'Solved · 2026-11-20',
      'Solved slowly · 2026-11-21',
      'Solved with a hint · 2026-11-22',
      'Failed · 2026-11-23',
    ]);
    const styles = [b.solved, b.slow, b.hint, b.failed].map((x) => x.classes.find((c) => c.startsWith('outcome-')));
    expect(new Set(styles).size).to.equal(4);
    expect(styles).to.deep.equal(['outcome-solved', 'outcome-solved_slow', 'outcome-hint', 'outcome-failed']);
    // Whether it counts as solved stays visible too: slow and hint are solved, failed is not.
    expect([b.solved, b.slow, b.hint, b.failed].map((x) => x.classes.includes('status-solved'))).to.deep.equal([
      true,
      true,
      true,
      false,
    ]);
  });

  it('GET / – the same four in Korean – four different labels', async () => {
    const b = await badges('ko');
    expect([b.solved.text, b.slow.text, b.hint.text, b.failed.text].map((t) => t.split(' · ')[0])).to.deep.equal([
      '풀었음',
      '오래 걸려 풂',
      '힌트 보고 풂',
      '못 풂',
    ]);
  });

  it('POST /attempts with JS – a hint – answers the same words the page shows', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    const res = await a.agent
      .post('/attempts')
      .set('Accept', 'application/json')
      .set('x-csrf-token', a.csrf)
      .type('form')
      .send({ problem: 'boj:1978', outcome: 'hint' });
    expect(res.body.statusText).to.equal('Solved with a hint · 2026-11-28');
  });
});
