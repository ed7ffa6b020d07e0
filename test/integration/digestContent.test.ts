import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { importList } from '../../src/catalog/importList.ts';
import { problemById } from '../../src/catalog/problemRepository.ts';
import { sendDueDigests } from '../../src/digest/delivery.ts';
import { createMailer } from '../../src/digest/transport.ts';
import { planFor } from '../../src/plans/planService.ts';
import { addLearner, addSolve, startSmtp, type TestSmtp } from './digest.support.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/digest/list');

describe('digest content from the real planner', () => {
  let ctx: ReturnType<typeof testDeps>;
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
    ctx = testDeps({ SMTP_URL: smtp.url, COTE_BASE_URL: 'https://cote.example.test' });
    await importList(ctx.deps.db, LIST);
  });
  afterEach(async () => {
    ctx.cleanup();
    await smtp.close();
  });

  it("sendDueDigests – a learner with an exam – tomorrow's problems with links (today's undone new ones rolled over first), re-solves, readiness per type, verdict", async () => {
    const db = ctx.deps.db;
    const ana = addLearner(db, 'ana', { language: 'en', examDate: '2026-12-10', dailyMinutes: 90 });
    addSolve(db, ana.id, 'boj:1260', '2026-11-20', 'hint');
    addSolve(db, ana.id, 'boj:2178', '2026-11-28');
    const expected = planFor(db, ana, '2026-11-28', { store: false });
    const forecast = expected.days.find((d) => d.day === '2026-11-29')!;
    const undoneNew = expected.days[0].items.filter((i) => i.kind === 'new');
    const openReviews = expected.days[0].items.filter((i) => i.kind === 'review');
    expect(forecast.items, 'the fixture plans something for tomorrow').not.to.be.empty;
    expect(undoneNew, 'the fixture plans new problems today').not.to.be.empty;
    expect(
      openReviews.map((i) => i.problem),
      'the hinted problem is due again',
    ).to.deep.equal(['boj:1260']);

    const mailer = createMailer(ctx.deps.config);
    await sendDueDigests({ ...ctx.deps, mailer }, new Date('2026-11-28T12:00:00Z'));
    mailer.close();

    expect(smtp.received).to.have.length(1);
    const mail = smtp.received[0];
    const html = String(mail.html);
    expect(mail.subject).to.equal('[cote] D-12 · 1 solved today');
    expect(mail.text).to.contain('- 미로 탐색 (boj:2178)');
    const tomorrowText = /== Tomorrow[^\n]*==\n([\s\S]*?)\n\n/.exec(mail.text ?? '')?.[1] ?? '';
    const shown = [...tomorrowText.matchAll(/\((\w+:\d+)/g)].map((m) => m[1]);
    // Today's new problems were not done: they open tomorrow's list, in today's order, before the forecast's.
    expect(shown.slice(0, undoneNew.length)).to.deep.equal(undoneNew.map((i) => i.problem));
    const allowed = new Set([...undoneNew, ...forecast.items].map((i) => i.problem));
    expect(shown.filter((p) => !allowed.has(p))).to.deep.equal([]);
    for (const id of shown) {
      const problem = problemById(db, id)!;
      // Baekjoon closed: the email links the archived copy of the problem's page.
      const archived = `https://web.archive.org/web/2026/${problem.url}`;
      expect(html).to.contain(`<a href="${archived}" style="color:#2563eb;">${problem.title}</a>`);
      expect(html).to.match(new RegExp(`data-section="tomorrow">[\\s\\S]*?${problem.title}`));
    }
    expect(html).to.match(/data-section="reviews">[\s\S]*?DFS와 BFS/);
    expect(mail.text).to.match(/== Re-solves due ==\n- DFS와 BFS \(boj:1260\)/);
    expect(html).to.match(/data-section="readiness">[\s\S]*Graph Traversal[\s\S]*Simulation/);
    expect(html).to.contain(`data-verdict="${expected.verdict}"`);
    expect(db.prepare('SELECT count(*) FROM plan_days').pluck().get(), 'the digest stores no list').to.equal(0);
  });

  it('sendDueDigests – custom weights – readiness bars only for the types the exam counts, heaviest first', async () => {
    const db = ctx.deps.db;
    const heavy = addLearner(db, 'heavy', { language: 'en', examDate: '2026-12-10', profile: 'custom' });
    const only = addLearner(db, 'only', { language: 'en', examDate: '2026-12-10', profile: 'custom' });
    const weigh = db.prepare('UPDATE learners SET custom_weights = ? WHERE id = ?');
    weigh.run(JSON.stringify({ graph_traversal: 0.3, simulation: 0.7 }), heavy.id);
    weigh.run(JSON.stringify({ simulation: 1 }), only.id);
    const mailer = createMailer(ctx.deps.config);
    await sendDueDigests({ ...ctx.deps, mailer }, new Date('2026-11-28T12:00:00Z'));
    mailer.close();
    const bars = (login: string) => {
      const html = String(
        smtp.received.find((m) => m.messageId?.includes(`digest-${login === 'heavy' ? heavy.id : only.id}-`))!.html,
      );
      return [...html.matchAll(/white-space:nowrap;">(Graph Traversal|Simulation)<\/td>/g)].map((m) => m[1]);
    };
    expect(bars('heavy')).to.deep.equal(['Simulation', 'Graph Traversal']);
    expect(bars('only')).to.deep.equal(['Simulation']);
  });
});
