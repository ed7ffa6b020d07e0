import { expect } from 'chai';
import { SHARED_LIST_DIR, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { PLAN_DAYS_PER_PAGE } from '../../src/web/planner/planPage.ts';

/** What one page of /plan may weigh, whatever the exam date and the budget (it was 5.7 MB for this learner). */
const MAX_PAGE_BYTES = 300_000;

const days = (html: string) =>
  [...html.matchAll(/<article class="plan-day[^"]*" data-day="([^"]+)"/g)].map((m) => m[1]);

describe('/plan is bounded: the next two weeks, the rest on demand', function () {
  this.timeout(60_000);
  let t: ReturnType<typeof testDeps>;
  before(async () => {
    t = testDeps({ SMTP_URL: '' }, new Date('2026-03-01T03:00:00Z'));
    await importList(t.deps.db, SHARED_LIST_DIR);
    // The whole list to plan: an exam two years away at 720 minutes every day.
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2027-12-31', dailyMinutes: '720' });
  });
  after(() => t.cleanup());

  it('a 730-day exam at 720 min/day – each page ≤ 300 KB with 14 days; pages follow on; a bad page is a 400', async () => {
    const { agent } = await loggedIn(t.app(), 'mina');
    const first = await agent.get('/plan').expect(200);
    expect(Buffer.byteLength(first.text), 'page 1 bytes').to.be.below(MAX_PAGE_BYTES);
    expect(days(first.text)).to.have.length(PLAN_DAYS_PER_PAGE);
    expect(days(first.text)[0]).to.equal('2026-03-01');
    expect(first.text).to.contain('href="/plan?page=2#days"');
    expect(first.text).to.contain('plan-readiness');

    const second = await agent.get('/plan?page=2').expect(200);
    expect(Buffer.byteLength(second.text), 'page 2 bytes').to.be.below(MAX_PAGE_BYTES);
    expect(days(second.text)[0]).to.equal('2026-03-15');
    expect(second.text, 'the summary is on the first page only').not.to.contain('plan-readiness');

    const last = await agent.get('/plan?page=999999').expect(200);
    expect(days(last.text).at(-1)).to.equal('2027-12-30');
    for (const bad of ['0', 'x', '-1', '1e3', '2&page=3'])
      expect((await agent.get(`/plan?page=${bad}`)).status, bad).to.equal(400);
  });
});
