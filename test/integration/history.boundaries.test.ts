import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { testCliContext, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { hubReadme } from '../support/hubRepo.ts';
import { runCote } from '../support/spawnCote.ts';
import { ensureProblem, problemById } from '../../src/catalog/problemRepository.ts';
import { runCli } from '../../src/cli.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { storeSync } from '../../src/sync/storeSync.ts';
import { digestView } from '../../src/digest/view.ts';

const NOW = '2026-11-28T03:00:00Z';

describe('history boundaries – what a sync or an import may write', () => {
  let t: ReturnType<typeof testDeps>;
  let mina: Learner;
  let dir: string;
  beforeEach(() => {
    t = testDeps({}, new Date(NOW));
    mina = seedLearner(t.deps.db, 'mina', { language: 'en' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-bounds-'));
  });
  afterEach(() => {
    t.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const cli = async (...args: string[]) => {
    const c = testCliContext(t);
    const code = await runCli(['node', 'cote', ...args], c.cli);
    return { code, out: c.out.join('\n'), err: c.err };
  };
  const rows = (l: Learner) => attemptsForLearner(t.deps.db, l.id).map((a) => [a.problemId, a.day, a.title]);

  it('storeSync – days 10000-01-01, 9999-12-31 and 1969-12-31 – skipped, never stored; a 450,000-character title with ESC/BEL – stored cleaned, ≤ 300 characters', () => {
    const attempt = (id: string, day: string, title = id) => ({
      problem: { id, title, level: 0 },
      day,
      outcome: 'solved' as const,
      key: `${id}|${day}|solved`,
    });
    const counts = storeSync(
      t.deps.db,
      mina.id,
      'sync:codeforces',
      [
        attempt('cf:4A', '10000-01-01'),
        attempt('cf:5A', '9999-12-31'),
        attempt('cf:6A', '1969-12-31'),
        attempt('cf:71A', '2026-11-27', `\u001b[2J\u0007${'긴 제목'.repeat(150_000)}`),
      ],
      new Date(NOW),
      '2026-11-28',
    );
    expect(counts).to.deep.include({ imported: 1, skipped: 3, offList: 1 });
    const [[id, day, title]] = rows(mina);
    expect([id, day]).to.deep.equal(['cf:71A', '2026-11-27']);
    expect(Array.from(title as string)).to.have.length(300);
    expect(title).to.not.match(/\p{Cc}/u);
    expect(problemById(t.deps.db, 'cf:4A')).to.equal(undefined);
    // The shared row is neutral: another learner never sees mina's title of it; mina's digest shows her own.
    expect(problemById(t.deps.db, 'cf:71A')!.title).to.equal('cf:71A');
    const digest = digestView(t.deps.db, t.deps.config, mina, '2026-11-27', new Date(NOW));
    expect(digest.solves.map((p) => [p.id, p.title])).to.deep.equal([['cf:71A', title]]);
  });

  it('cote history import --format baekjoonhub --partial – a 22-digit id is a named skipped row; a title with ESC is kept cleaned', async () => {
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write(
      '백준/Gold/1e21/README.md',
      hubReadme('Gold IV', 'huge', 1000, '2026년 1월 6일 15:14:31').replace(/- 1000$/m, '- 1000000000000000000000'),
    );
    write('백준/Gold/1000/README.md', hubReadme('Gold IV', 'A\u001b]0;owned\u0007B', 1000, '2026년 1월 6일 15:14:31'));
    const strict = await cli('history', 'import', dir, '--learner', 'mina', '--format', 'baekjoonhub');
    expect(strict.code).to.equal(1);
    expect(strict.err).to.deep.equal([
      'cote: 1 bad row(s), nothing imported; first: 백준/Gold/1e21/README.md: "1000000000000000000000" is not a Baekjoon problem id',
    ]);
    const partial = await cli('history', 'import', dir, '--learner', 'mina', '--format', 'baekjoonhub', '--partial');
    expect(partial.code).to.equal(0);
    expect(partial.out).to.match(/^1 imported: 0 on your lists, 1 kept off-list/);
    expect(partial.err).to.deep.equal([
      'skipped 백준/Gold/1e21/README.md: "1000000000000000000000" is not a Baekjoon problem id',
    ]);
    expect(rows(mina)).to.deep.equal([['boj:1000', '2026-01-06', 'A ]0;owned B']]);
  });

  it('cote history import --format csv – leetcode:1 and boj:0 – refused naming each judge’s id form; a year-9999 day refused', async () => {
    const file = path.join(dir, 'h.csv');
    fs.writeFileSync(
      file,
      'problem,day,outcome,minutes\nleetcode:1,2026-01-05,solved,\nboj:0,2026-01-05,solved,\nboj:1000,9999-01-01,solved,\n',
    );
    const res = await cli('history', 'import', file, '--learner', 'mina', '--format', 'csv', '--partial', '--json');
    expect(res.code).to.equal(0);
    expect(JSON.parse(res.out).skipped_rows).to.deep.equal([
      {
        where: 'line 2',
        message:
          'problem "leetcode:1" is not a problem reference like boj:1260: LeetCode ids are a slug like two-sum (not the number)',
      },
      {
        where: 'line 3',
        message:
          'problem "boj:0" is not a problem reference like boj:1260: Baekjoon ids are a number from 1, like 1260',
      },
      { where: 'line 4', message: 'day 9999-01-01 is in the future (today is 2026-11-28)' },
    ]);
    expect(rows(mina)).to.deep.equal([]);
  });

  it('cote solve (the real command) – a title holding ESC and BEL – printed without them; boj:0 – exit 1, one line naming the form', async () => {
    ensureProblem(t.deps.db, { id: 'boj:1000', title: 'A+B', level: 1 });
    // A row written before titles were cleaned: the terminal must still never receive its escapes.
    t.deps.db.prepare("UPDATE problems SET title = ? WHERE id = 'boj:1000'").run('A\u001b]0;owned\u0007+B\u001b[2J');
    const env = { COTE_DATA_DIR: t.deps.config.dataDir, COTE_CLOCK_START: NOW, LOG_LEVEL: 'silent' };
    const ok = await runCote(['solve', 'boj:1000', '--learner', 'mina'], env);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.equal('logged boj:1000 A]0;owned+B[2J (solved) on 2026-11-28 for mina\n');
    const bad = await cli('solve', 'boj:0', '--learner', 'mina');
    expect(bad.code).to.equal(1);
    expect(bad.err).to.deep.equal([
      'cote: problem "boj:0" is not a problem id: Baekjoon ids are a number from 1, like 1260',
    ]);
  });

  it('POST /history/import/baekjoonhub (partial) – one summary line in the reader’s language; the bad README only in a collapsed <details> list', async () => {
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('백준/Gold/1000.\u2005A+B/README.md', hubReadme('Gold IV', 'A+B', 1000, '2026년 1월 6일 15:14:31'));
    write(
      '백준/Silver/1260.\u2005DFS와 BFS/README.md',
      hubReadme('Silver II', 'DFS와 BFS', 1260, '2026년 1월 7일 10:00:00'),
    );
    write('백준/Gold/9.\u2005broken/README.md', 'not a BaekjoonHub readme');
    ensureProblem(t.deps.db, { id: 'boj:1260', title: 'DFS와 BFS', level: 9 });
    for (const [lang, line] of [
      ['en', '2 imported: 1 on your lists, 1 kept off-list, over 2 days. 1 skipped (listed below).'],
      [
        'ko',
        '2개를 가져왔습니다(2일): 문제집에 있는 문제 1개, 문제집 밖 문제 1개는 내 기록으로 보관했습니다. 1개는 건너뛰었습니다(아래 목록).',
      ],
    ] as const) {
      t.deps.db.prepare('UPDATE learners SET language = ? WHERE id = ?').run(lang, mina.id);
      t.deps.db.prepare('DELETE FROM attempts').run();
      const a = await loggedIn(t.app(), 'mina');
      const res = await a.agent
        .post('/history/import/baekjoonhub')
        .type('form')
        .send({ _csrf: a.csrf, dir, partial: '1' })
        .expect(200);
      const $ = cheerio.load(res.text);
      expect($('.flash-ok').text().trim()).to.equal(line);
      expect($('details.import-skipped').attr('open')).to.equal(undefined);
      expect($('details.import-skipped li').length).to.equal(1);
      expect($('details.import-skipped li').text()).to.contain('백준/Gold/9.\u2005broken/README.md');
      expect($('.import-warnings li').length).to.equal(0);
    }
  });
});
