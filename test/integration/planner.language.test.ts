import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { planDayOf } from '../../src/plans/planDayRepository.ts';
import { planFor } from '../../src/plans/planService.ts';
import { learnerById } from '../../src/learners/learnerRepository.ts';
import { planWords } from '../../src/plans/planWords.ts';
import { currentCatalog } from '../../src/plans/planService.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
const START = new Date('2026-11-28T03:00:00Z');

/** The reason lines of today's list, in page order. */
function reasons(html: string): string[] {
  return [...html.matchAll(/<p class="plan-reason">([^<]*)<\/p>/g)].map((m) => m[1]);
}

describe('planner – reasons rendered in the viewer’s language', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    t = testDeps({}, START);
    await importList(t.deps.db, LIST);
  });
  afterEach(() => t.cleanup());

  it('today’s list stored while the learner’s language is English, viewed in Korean – Korean reasons', async () => {
    const mina = seedLearner(t.deps.db, 'mina', {
      language: 'en',
      examDate: '2026-12-28',
      dailyMinutes: '120',
      profile: 'samsung',
    });
    planFor(t.deps.db, learnerById(t.deps.db, mina.id)!, '2026-11-28', { now: START });
    const stored = planDayOf(t.deps.db, mina.id, '2026-11-28')!;
    expect(stored.items.length).to.be.above(0);
    // What is stored is a code and its parameters, no sentence in either language.
    for (const item of stored.items) expect(item.reason).to.have.keys('code', 'params');

    const { agent } = await loggedIn(t.app(), 'mina');
    const english = reasons((await agent.get('/plan/today')).text);
    expect(english.length).to.equal(stored.items.length);
    for (const line of english) expect(line).not.to.match(/[가-힣]/);

    const korean = reasons(
      (
        await agent
          .get('/plan/today')
          .set(
            'Cookie',
            [
              ...agent.jar
                .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
                .map((c) => `${c.name}=${c.value}`),
              'cote_lang=ko',
            ].join('; '),
          )
      ).text,
    );
    expect(korean.length).to.equal(stored.items.length);
    const words = planWords('ko', currentCatalog(t.deps.db).categories);
    expect(korean).to.deep.equal(stored.items.map((i) => escapeHtml(words.reason(i.reason))));
    for (const line of korean) expect(line).to.match(/예상 성공률|다시 풀기|모의고사|준비도/);
    for (const line of korean) expect(line).not.to.match(/predicted|readiness|Re-solve|Mock/);
    expect(planDayOf(t.deps.db, mina.id, '2026-11-28')!.items).to.deep.equal(stored.items);
  });

  it('the language switch (cote_lang) differs from the learner’s setting – type names follow the page, not the setting', async () => {
    seedLearner(t.deps.db, 'mina', { language: 'ko', examDate: '2026-12-28', dailyMinutes: '120', profile: 'samsung' });
    const { agent } = await loggedIn(t.app(), 'mina');
    const session = agent.jar
      .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
      .map((c) => `${c.name}=${c.value}`);
    const inEnglish = (url: string) => agent.get(url).set('Cookie', [...session, 'cote_lang=en'].join('; '));
    const categories = currentCatalog(t.deps.db).categories;
    const english = new Set(categories.map((c) => escapeHtml(c.nameEn)));
    const korean = new Set(categories.map((c) => escapeHtml(c.nameKo)).filter((name) => !english.has(name)));

    const today = (await inEnglish('/plan/today')).text;
    const badges = [...today.matchAll(/<span class="plan-type">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(badges.length).to.be.above(0);
    for (const name of badges) expect(english.has(name), name).to.equal(true);

    const plan = (await inEnglish('/plan')).text;
    const readinessNames = [...plan.matchAll(/<tr[^>]*>\s*<td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(readinessNames.some((name) => english.has(name))).to.equal(true);
    for (const name of readinessNames) expect(korean.has(name), name).to.equal(false);

    const weights = (await inEnglish('/settings/weights')).text;
    for (const name of korean) expect(weights, name).to.not.include(`>${name}<`);
  });

  it('a list stored before codes (a finished sentence) is still shown as it was', async () => {
    const mina = seedLearner(t.deps.db, 'mina', {
      language: 'en',
      examDate: '2026-12-28',
      dailyMinutes: '120',
      profile: 'samsung',
    });
    planFor(t.deps.db, learnerById(t.deps.db, mina.id)!, '2026-11-28', { now: START });
    const row = planDayOf(t.deps.db, mina.id, '2026-11-28')!;
    const old = row.items.map((i) => ({ ...i, reason: `old sentence for ${i.problem}` }));
    t.deps.db.prepare('UPDATE plan_days SET items = ? WHERE learner_id = ?').run(JSON.stringify(old), mina.id);
    const { agent } = await loggedIn(t.app(), 'mina');
    const res = await agent.get('/plan/today');
    expect(res.status).to.equal(200);
    expect(reasons(res.text)).to.deep.equal(old.map((i) => i.reason));
  });
});
