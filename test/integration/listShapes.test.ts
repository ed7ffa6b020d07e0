import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import { cfSubmission, FAST_GAP, fakeServer, type FakeServer } from '../support/syncServer.ts';
import { runCli } from '../../src/cli.ts';
import { importAnyList, type AnyImportSummary } from '../../src/catalog/importAnyList.ts';
import { importList } from '../../src/catalog/importList.ts';
import { allLists, listByKey, listCount } from '../../src/catalog/listRepository.ts';
import { problemById } from '../../src/catalog/problemRepository.ts';
import { leetcodeHeartsReadme } from '../fixtures/lists/shapes/leetcodeHearts.ts';

const SHAPES = path.resolve(import.meta.dirname, '../fixtures/lists/shapes');
const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/data/lists');
const TONY = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');

/** Distinct problem links in a file, counted with one regex per judge, independently of the parser. */
function countLinks(text: string): number {
  const ids = new Set<string>();
  const forms: [string, RegExp][] = [
    ['boj', /acmicpc\.net\/problem\/(\d+)/g],
    ['programmers', /programmers\.co\.kr\/learn\/courses\/30\/lessons\/(\d+)/g],
    ['leetcode', /leetcode\.com\/problems\/([a-z0-9-]+)/g],
    ['atcoder', /atcoder\.jp\/(?:contests\/[a-z0-9_]+\/)?tasks\/([a-z0-9_]+)/g],
  ];
  for (const [judge, re] of forms) for (const m of text.matchAll(re)) ids.add(`${judge}:${m[1]}`);
  return ids.size;
}

describe('lists of five real shapes – the counts a person counts, rated, typed, none replaced', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => (t = testDeps()));
  afterEach(() => t.cleanup());

  /** The share of the list's problems with a level, from the database. */
  const rated = (s: AnyImportSummary) => {
    const list = listByKey(t.deps.db, s.list)!;
    const row = t.deps.db
      .prepare(
        `SELECT count(DISTINCT p.id) AS n, count(DISTINCT CASE WHEN p.level > 0 THEN p.id END) AS rated
         FROM problems p JOIN entries e ON e.problem_id = p.id JOIN categories c ON c.id = e.category_id
         WHERE c.list_id = ?`,
      )
      .get(list.id) as { n: number; rated: number };
    return row.rated / row.n;
  };

  const shapes: {
    file: string;
    shape: string;
    expected: { problems: number; categories: number; skipped: number };
    typeMap: Record<string, string | null>;
    warn: string[];
  }[] = [
    {
      file: 'html-table-study.md',
      shape: 'HTML tables in a Korean study README, tier images and tier names, one <a> left unclosed',
      // 5 graph rows + 6 DP rows (one a Programmers lesson); the workbook link is warned and skipped.
      expected: { problems: 11, categories: 2, skipped: 1 },
      typeMap: { '그래프 탐색': 'graph_traversal', '다이나믹 프로그래밍': 'dynamic_programming_1' },
      warn: ['https://www.acmicpc.net/problem/2178', 'https://www.acmicpc.net/workbook/view/1152'],
    },
    {
      file: 'topic-readme-ko.md',
      shape: 'Korean topic README, tier names in a 난이도 column and in bullets, "다시 풀기" sub-headings',
      // 그래프 탐색 4 + 3 re-solve, 이분 탐색 3 + 2 re-solve, 구현 3, 스터디원 추천 2; the neetcode.io problem warned.
      expected: { problems: 17, categories: 4, skipped: 1 },
      typeMap: {
        '그래프 탐색': 'graph_traversal',
        '이분 탐색': 'binary_search',
        구현: 'implementation',
        '스터디원 추천': null,
      },
      warn: ['https://neetcode.io/problems/duplicate-integer'],
    },
    {
      file: 'atcoder-ja.md',
      shape: 'AtCoder README in Japanese, old ids and an old per-contest host, a 復習 sub-heading',
      // 4 + 2 (復習) + 3 + 4 + 3 (one repeated) + 2 = 18 rows, 17 problems; the repeat is warned and skipped.
      expected: { problems: 17, categories: 5, skipped: 1 },
      typeMap: {
        全探索: 'brute_force',
        二分探索: 'binary_search',
        動的計画法: 'dynamic_programming_1',
        幅優先探索: 'graph_traversal',
        'Union-Find': 'disjoint_set',
      },
      warn: ['atcoder:abc007_3'],
    },
  ];

  for (const { file, shape, expected, typeMap, warn } of shapes) {
    it(`${file} – ${shape} – ${expected.problems} problems, ≥ 95 % rated, types mapped`, async () => {
      const text = fs.readFileSync(path.join(SHAPES, file), 'utf8');
      expect(countLinks(text), 'independent count').to.equal(expected.problems);
      const s = await importAnyList(t.deps.db, path.join(SHAPES, file));
      expect({ problems: s.problems, categories: s.categories, skipped: s.skipped }).to.deep.equal(expected);
      expect(s.typeMap).to.deep.equal(typeMap);
      expect(rated(s)).to.be.at.least(0.95);
      for (const w of warn) expect(s.warnings.join('\n')).to.include(w);
    });
  }

  it('html-table-study.md – the unclosed <a> still gives its problem and title, the tier image and names their levels', async () => {
    const s = await importAnyList(t.deps.db, path.join(SHAPES, 'html-table-study.md'));
    expect(problemById(t.deps.db, 'boj:2178')).to.include({ title: '미로 탐색', level: 10 });
    expect(problemById(t.deps.db, 'boj:2667')!.level).to.equal(10);
    expect(problemById(t.deps.db, 'boj:7576')!.level).to.equal(11);
    expect(problemById(t.deps.db, 'programmers:42898')!.level).to.equal(12);
    expect(s.warningCodes!.map((w) => w.code)).to.include('unclosed_link');
    expect(listByKey(t.deps.db, s.list)!.name).to.equal('알고리즘 스터디 3기 문제집');
  });

  it('topic-readme-ko.md – "다시 풀기" problems take the type of the heading above that names one', async () => {
    await importAnyList(t.deps.db, path.join(SHAPES, 'topic-readme-ko.md'));
    const typeOf = (id: string) =>
      t.deps.db
        .prepare(
          'SELECT c.name_en FROM categories c JOIN entries e ON e.category_id = c.id WHERE e.problem_id = ? ORDER BY c.id',
        )
        .pluck()
        .all(id);
    expect(typeOf('boj:2206')).to.deep.equal(['그래프 탐색']);
    expect(typeOf('programmers:43238')).to.deep.equal(['이분 탐색']);
    expect([problemById(t.deps.db, 'boj:2206')!.level, problemById(t.deps.db, 'boj:3190')!.level]).to.deep.equal([
      13, 12,
    ]);
  });

  it('atcoder-ja.md – old ids (abc002_4, arc004_1) rated from their task number', async () => {
    await importAnyList(t.deps.db, path.join(SHAPES, 'atcoder-ja.md'));
    expect(problemById(t.deps.db, 'atcoder:abc002_4')!.level).to.equal(11);
    expect(problemById(t.deps.db, 'atcoder:arc004_1')!.level).to.equal(11);
    expect(problemById(t.deps.db, 'atcoder:dp_f')!.level).to.equal(14);
  });

  it('a 1,200-row LeetCode README with hearts – every row imported, 99 % rated, neetcode.io problems warned', async () => {
    const g = leetcodeHeartsReadme(1200);
    const file = path.join(t.deps.config.dataDir, 'leetcode-README.md');
    fs.writeFileSync(file, g.text);
    expect(countLinks(g.text)).to.equal(g.problems);
    const s = await importAnyList(t.deps.db, file);
    expect({ problems: s.problems, categories: s.categories, skipped: s.skipped }).to.deep.equal({
      problems: g.problems,
      categories: g.categories,
      skipped: g.neetcodeLinks,
    });
    expect(Object.values(s.typeMap).filter((v) => v === null)).to.deep.equal([]);
    expect(rated(s)).to.equal((g.problems - g.unrated) / g.problems);
    expect(s.warnings.filter((w) => w.includes('neetcode.io/problems/'))).to.have.length(g.neetcodeLinks);
    expect([1, 2, 3].map((n) => problemById(t.deps.db, `leetcode:problem-${n}`)!.level)).to.deep.equal([10, 14, 5]);
  });

  it('a second README with the same H1 – a new list of the same name; the first keeps all its problems', async () => {
    const first = await importAnyList(t.deps.db, path.join(SHAPES, 'topic-readme-ko.md'));
    const second = await importAnyList(t.deps.db, path.join(SHAPES, 'topic-readme-ko-2.md'));
    expect(second).to.include({ removed: 0, added: 5, problems: 5 });
    expect(second.list).to.not.equal(first.list);
    expect(listCount(t.deps.db)).to.equal(2);
    expect(allLists(t.deps.db).map((l) => l.name)).to.deep.equal([
      '코딩 테스트 대비 문제 모음',
      '코딩 테스트 대비 문제 모음',
    ]);
    // Re-importing the first source updates the first list only.
    const again = await importAnyList(t.deps.db, path.join(SHAPES, 'topic-readme-ko.md'));
    expect(again).to.include({ list: first.list, added: 0, removed: 0 });
    expect(listCount(t.deps.db)).to.equal(2);
  });

  (fs.existsSync(SAMPLES) ? it : it.skip)(
    'the two real lists of ../shared – counts, rated share and types',
    async () => {
      const neet = await importAnyList(t.deps.db, path.join(SAMPLES, 'neetcode150-reactror.md'));
      const kit = await importAnyList(t.deps.db, path.join(SAMPLES, 'programmers-high-score-kit-jeonghun-ban.md'));
      expect([neet.problems, kit.problems]).to.deep.equal([39, 23]);
      expect(rated(neet)).to.equal(1);
      expect(Object.values(neet.typeMap)).to.not.include(null);
      expect(Object.values(kit.typeMap)).to.not.include(null);
      expect(listCount(t.deps.db)).to.equal(2);
    },
  );
});

describe('difficulty only ever improved – a list never erases a level', () => {
  let t: ReturnType<typeof testDeps>;
  let cf: FakeServer;
  beforeEach(async () => {
    cf = await fakeServer(() => ({
      body: {
        status: 'OK',
        result: [
          cfSubmission(1, 1352, 'A', '2026-03-01T01:00:00Z', 'OK', { name: 'Sum of Round Numbers', rating: 1200 }),
        ],
      },
    }));
    t = testDeps(
      { COTE_CODEFORCES_API: `${cf.url}/api`, COTE_CODEFORCES_GAP_MS: FAST_GAP },
      new Date('2026-03-02T03:00:00Z'),
    );
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-04-30' });
  });
  afterEach(async () => {
    t.cleanup();
    await cf.close();
  });
  const cli = async (...args: string[]) => runCli(['node', 'cote', ...args], testCliContext(t).cli);
  const write = (name: string, text: string) => {
    const file = path.join(t.deps.config.dataDir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('a Codeforces problem rated by sync, then a list linking it without difficulty – the level stays', async () => {
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    expect(await cli('sync', '--learner', 'mina')).to.equal(0);
    expect(problemById(t.deps.db, 'cf:1352A')!.level).to.equal(10);
    const s = await importAnyList(
      t.deps.db,
      write('cf.md', '## Math\n- [Sum of Round Numbers](https://codeforces.com/problemset/problem/1352/A)\n'),
    );
    expect(problemById(t.deps.db, 'cf:1352A')!.level).to.equal(10);
    expect(s.details.changes).to.deep.equal([]);
    // A coarse word disagreeing with the rating: the rating is kept, and the warning says so.
    const coarse = await importAnyList(
      t.deps.db,
      write('cf2.md', '## Math\n- [Sum of Round Numbers](https://codeforces.com/problemset/problem/1352/A) Hard\n'),
    );
    expect(problemById(t.deps.db, 'cf:1352A')!.level).to.equal(10);
    expect(coarse.warnings.join('\n')).to.include('cf:1352A keeps its level Silver I');
    // A re-sync does not lower it either.
    expect(await cli('sync', '--learner', 'mina')).to.equal(0);
    expect(problemById(t.deps.db, 'cf:1352A')!.level).to.equal(10);
  });

  it('a list links a Codeforces problem without a level, then a sync brings its rating – the level is filled in', async () => {
    await importAnyList(
      t.deps.db,
      write('cf.md', '## Math\n- [Sum of Round Numbers](https://codeforces.com/problemset/problem/1352/A)\n'),
    );
    expect(problemById(t.deps.db, 'cf:1352A')!.level).to.equal(0);
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    expect(await cli('sync', '--learner', 'mina')).to.equal(0);
    expect(problemById(t.deps.db, 'cf:1352A')).to.include({ level: 10, title: 'Sum of Round Numbers' });
  });

  it('a tony9402 problem keeps its tier after a study list links it without one, or with an emoji', async () => {
    await importList(t.deps.db, TONY);
    const before = problemById(t.deps.db, 'boj:1260')!.level;
    expect(before).to.be.greaterThan(0);
    await importAnyList(
      t.deps.db,
      write('study.md', '## 그래프\n- [DFS와 BFS](https://www.acmicpc.net/problem/1260)\n'),
    );
    expect(problemById(t.deps.db, 'boj:1260')!.level).to.equal(before);
    await importAnyList(
      t.deps.db,
      write('study2.md', '## 그래프\n- 🟥 [DFS와 BFS](https://www.acmicpc.net/problem/1260)\n'),
    );
    expect(problemById(t.deps.db, 'boj:1260')!.level).to.equal(before);
  });

  it('a coarse level stored first, then an exact one – refined, and the warning says so', async () => {
    await importAnyList(
      t.deps.db,
      write('a.md', '## 그래프\n- 🟩 [DFS와 BFS](https://www.acmicpc.net/problem/1260)\n'),
    );
    expect(problemById(t.deps.db, 'boj:1260')!.level).to.equal(5);
    const s = await importAnyList(
      t.deps.db,
      write('b.md', '## 그래프\n- [DFS와 BFS](https://www.acmicpc.net/problem/1260) 실버 2\n'),
    );
    expect(problemById(t.deps.db, 'boj:1260')!.level).to.equal(9);
    expect(s.warningCodes!.map((w) => w.code)).to.include('level_refined');
  });
});
