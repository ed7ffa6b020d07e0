import path from 'node:path';
import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { problemById } from '../../src/catalog/problemRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
const WEEKDAYS = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  ko: ['월', '화', '수', '목', '금', '토', '일'],
};
const weekdayOf = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

describe('plan items name their problem and every day its weekday', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    t = testDeps({ SMTP_URL: '' }, new Date('2026-11-28T03:00:00Z')); // Saturday 2026-11-28, 12:00 in Seoul
    await importList(t.deps.db, LIST);
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-20', dailyMinutes: '120', profile: 'samsung' });
  });
  afterEach(() => t.cleanup());

  async function page(url: string, lang: 'en' | 'ko') {
    const a = await loggedIn(t.app(), 'mina');
    await a.agent.post('/language').type('form').send({ _csrf: a.csrf, lang, back: '/' });
    return cheerio.load((await a.agent.get(url)).text);
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`GET /plan (${lang}) – each item shows its title and a link; each day its weekday`, async () => {
      const $ = await page('/plan', lang);
      const days = $('article.plan-day');
      expect(days.length).to.be.greaterThan(7);
      days.each((_i, el) => {
        const day = $(el).attr('data-day')!;
        expect($(el).find('h3 .plan-weekday').text(), day).to.equal(WEEKDAYS[lang][weekdayOf(day)]);
      });
      expect($('article.plan-day[data-day="2026-11-28"] h3 .plan-weekday').text()).to.equal(
        lang === 'en' ? 'Sat' : '토',
      );
      const items = $('article.plan-day li[data-problem]');
      expect(items.length).to.be.greaterThan(0);
      items.each((_i, el) => {
        const id = $(el).attr('data-problem')!;
        const link = $(el).find('a.plan-title');
        expect(link.text(), id).to.equal(problemById(t.deps.db, id)!.title);
        // Baekjoon closed on 2026-04-28: the one link is its archived copy (problemLinks' best).
        expect(link.attr('href')).to.equal(
          `https://web.archive.org/web/2026/https://www.acmicpc.net/problem/${id.slice(4)}`,
        );
      });
    });
  }

  it('GET /plan/today and the digest preview – the day is named with its weekday', async () => {
    const $en = await page('/plan/today', 'en');
    expect($en('.plan-head h1').text()).to.equal('Today, Sat 2026-11-28');
    const $ko = await page('/plan/today', 'ko');
    expect($ko('.plan-head h1').text()).to.equal('오늘, 2026-11-28 (토)');
    // The digest is in the learner's email language (en): tomorrow is Sunday.
    const $d = await page('/digest/preview', 'en');
    expect($d('.digest-mail h2').text()).to.contain('Tomorrow (Sun 2026-11-29)');
  });
});
