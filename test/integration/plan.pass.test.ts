import path from 'node:path';
import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');

/** Issue 11: the verdict carries P(pass) with its 80 % interval and what passing means (samsung: 1 of 2). */
describe('GET /plan – the verdict line shows P(pass) ± its interval and the pass rule', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    t = testDeps({ SMTP_URL: '' }, new Date('2026-11-28T03:00:00Z'));
    await importList(t.deps.db, LIST);
  });
  afterEach(() => t.cleanup());

  async function verdict(lang: 'en' | 'ko') {
    seedLearner(t.deps.db, `l${lang}`, {
      language: lang,
      examDate: '2026-12-20',
      dailyMinutes: '120',
      profile: 'samsung',
    });
    const a = await loggedIn(t.app(), `l${lang}`);
    await a.agent.post('/language').type('form').send({ _csrf: a.csrf, lang, back: '/' });
    const $ = cheerio.load((await a.agent.get('/plan')).text);
    return { cls: $('.plan-verdict').attr('class') ?? '', text: $('.plan-verdict .plan-pass').text() };
  }

  it('en – a new learner: "no projected chance yet" (consistent with the "not enough evidence" verdict), pass = 1 of 2', async () => {
    const v = await verdict('en');
    expect(v.cls).to.contain('verdict-uncertain');
    expect(v.text).to.contain('too little evidence').and.contain('at least 1 of 2 problems');
  });

  it('ko – the same in Korean', async () => {
    const v = await verdict('ko');
    expect(v.text).to.contain('근거가 부족').and.contain('2문제 중 1문제 이상');
  });
});
