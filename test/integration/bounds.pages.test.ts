import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner, seedProblems } from '../support/progress.ts';
import { outboxDir } from '../../src/digest/transport.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';

const entries = (html: string) =>
  [...html.matchAll(/<li class="entry [^"]*" data-attempt="(\d+)"/g)].map((m) => Number(m[1]));

describe('list views come in pages of 100', () => {
  let t: ReturnType<typeof testDeps>;
  let mina: Learner;
  beforeEach(() => {
    t = testDeps({ SMTP_URL: '' }, new Date('2026-03-01T15:30:00Z')); // 2026-03-02 in Seoul
    seedProblems(t.deps.db);
    mina = seedLearner(t.deps.db, 'mina', { language: 'en' });
  });
  afterEach(() => t.cleanup());

  function log(day: string | null, n: number) {
    t.deps.db.transaction(() => {
      for (let i = 0; i < n; i++)
        recordAttempt(t.deps.db, {
          learnerId: mina.id,
          problemId: 'boj:1000',
          day,
          outcome: 'solved',
          createdAt: '2026-03-01T00:00:00Z',
        });
    })();
  }

  it('GET /history?day=unknown – 250 undated entries – 100 a page with next/previous links; a bad page is a 400', async () => {
    log(null, 250);
    const { agent } = await loggedIn(t.app(), 'mina');
    const first = await agent.get('/history?day=unknown');
    expect(first.status).to.equal(200);
    expect(entries(first.text)).to.have.length(100);
    expect(first.text).to.contain('Page 1 of 3 (250 in all)');
    expect(first.text).to.contain('href="/history?day=unknown&amp;page=2#day"');
    const third = await agent.get('/history?day=unknown&page=3');
    expect(entries(third.text)).to.have.length(50);
    expect(third.text).to.contain('href="/history?day=unknown&amp;page=2#day"');
    expect(third.text).not.to.contain('rel="next"');
    const pages = new Set([
      ...entries(first.text),
      ...entries((await agent.get('/history?day=unknown&page=2')).text),
      ...entries(third.text),
    ]);
    expect(pages.size).to.equal(250);
    expect(entries((await agent.get('/history?day=unknown&page=999')).text)).to.deep.equal(entries(third.text));
    for (const bad of ['0', 'abc', '-1', '1e3', '2&page=3'])
      expect((await agent.get(`/history?day=unknown&page=${bad}`)).status, bad).to.equal(400);
  });

  it('GET /history – 150 entries today and 150 yesterday – the day is paged and the other recent days show at most 100 with a note', async () => {
    log('2026-03-02', 150);
    log('2026-03-01', 150);
    const { agent } = await loggedIn(t.app(), 'mina');
    const res = await agent.get('/history');
    expect(res.status).to.equal(200);
    const shown = entries(res.text);
    expect(shown).to.have.length(200); // 100 of today + 100 of the other days of the last two weeks
    expect(new Set(shown).size, 'no entry twice').to.equal(200);
    expect(res.text).to.contain('Only the latest 100 entries are shown here');
  });

  it('GET /learners – 120 learners – 100 on the first page, the rest on the second', async () => {
    const { agent } = await loggedIn(t.app(), 'mina');
    const insert = t.deps.db.prepare(
      "INSERT INTO learners (login, name, email, unsubscribe_token, created_at) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')",
    );
    t.deps.db.transaction(() => {
      for (let i = 0; i < 119; i++) insert.run(`member${i}`, `Member ${i}`, `m${i}@example.com`, `token${i}`);
    })();
    const rows = (html: string) => html.match(/<tr>\s*<td>/g)?.length ?? 0;
    const first = await agent.get('/learners');
    expect(rows(first.text)).to.equal(100);
    expect(first.text).to.contain('href="/learners?page=2"');
    expect(rows((await agent.get('/learners?page=2')).text)).to.equal(20);
  });

  it('GET /digest/preview – 120 outbox files – 100 listed, the rest on page 2', async () => {
    const dir = outboxDir(t.deps.config);
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 120; i++)
      fs.writeFileSync(path.join(dir, `test-${mina.id}-${1000 + i}.eml`), 'Subject: x\r\n\r\nx');
    const { agent } = await loggedIn(t.app(), 'mina');
    // Each file is listed once, with a link to its rendered view (and one to download it).
    const files = (html: string) => html.match(/href="\/digest\/outbox\/[^"]+\/view"/g)?.length ?? 0;
    const first = await agent.get('/digest/preview');
    expect(first.status).to.equal(200);
    expect(files(first.text)).to.equal(100);
    expect(files((await agent.get('/digest/preview?page=2')).text)).to.equal(20);
  });
});
