import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { runCli } from '../../src/cli.ts';
import { importAnyList } from '../../src/catalog/importAnyList.ts';
import { importList } from '../../src/catalog/importList.ts';
import { listByKey, listCount } from '../../src/catalog/listRepository.ts';
import { problemById } from '../../src/catalog/problemRepository.ts';
import { latestImportRun } from '../../src/catalog/importRunRepository.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/data/lists');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/lists');
const TONY = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');
const hasSamples = fs.existsSync(path.join(SAMPLES, 'README.md'));

type Counts = { categories: number; problems: number; entries: number; recommended: number; skipped: number };
const counts = (s: Counts) => ({
  categories: s.categories,
  problems: s.problems,
  entries: s.entries,
  recommended: s.recommended,
  skipped: s.skipped,
});

describe('importing any list', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => (t = testDeps()));
  afterEach(() => t.cleanup());

  (hasSamples ? describe : describe.skip)('the two real samples', () => {
    it('neetcode150 (### headings, tables, LeetCode links, one lintcode link) – 6 types, 39 problems, the lintcode link skipped with a warning', async () => {
      const s = await importAnyList(t.deps.db, path.join(SAMPLES, 'neetcode150-reactror.md'));
      expect(s.format).to.equal('markdown');
      expect(counts(s)).to.deep.equal({ categories: 6, problems: 39, entries: 39, recommended: 39, skipped: 1 });
      expect(s.warnings)
        .to.have.length(1)
        .and.satisfy((w: string[]) => w[0].includes('https://www.lintcode.com/problem/659/'));
      expect(s.typeMap).to.deep.equal({
        'Arrays & Hashing': 'data_structure2',
        'Two Pointers': 'two_pointer',
        'Sliding Window': 'two_pointer',
        Stack: 'data_structure',
        'Binary Search': 'binary_search',
        'Linked List': 'linked_list',
      });
      expect(problemById(t.deps.db, 'leetcode:add-two-numbers')).to.include({
        title: 'Add two numbers',
        level: 10,
        judge: 'leetcode',
        number: 'add-two-numbers',
      });
      expect(problemById(t.deps.db, 'leetcode:trapping-rain-water')!.level).to.equal(14);
    });

    it('programmers high-score kit (setext headings, bullets, both hosts) – 7 types, 23 problems, Korean types mapped', async () => {
      const s = await importAnyList(t.deps.db, path.join(SAMPLES, 'programmers-high-score-kit-jeonghun-ban.md'));
      expect(counts(s)).to.deep.equal({ categories: 7, problems: 23, entries: 23, recommended: 23, skipped: 0 });
      expect(s.typeMap).to.deep.equal({
        해시: 'data_structure2',
        '스택/큐': 'data_structure',
        힙: 'data_structure2',
        정렬: 'sorting',
        완전탐색: 'brute_force',
        탐욕법: 'greedy',
        '깊이 / 너비 우선 탐색(DFS/BFS)': 'graph_traversal',
      });
      expect(listByKey(t.deps.db, s.list)).to.include({ name: '코딩테스트 고득점 Kit', format: 'markdown' });
      expect(problemById(t.deps.db, 'programmers:12909')).to.include({ title: '올바른 괄호' });
    });
  });

  const shapes: [string, string, Counts, Record<string, string | null>][] = [
    [
      'study-group.md',
      'schedule table first, heading links with emoji, numbered emoji items, <sup> markers, member/date columns, cf/atcoder/archive links',
      // "AtCoder warm-up" names no type: its problems take the type of the heading above it (Greedy). The prose
      // link https://example.org/study is warned about with the lintcode and parts links.
      { categories: 2, problems: 9, entries: 10, recommended: 1, skipped: 3 },
      { 'DFS/BFS': 'graph_traversal', Greedy: 'greedy' },
    ],
    [
      'level-column.md',
      'setext headings, a Level column and a 추천 column, Lv. in bullets',
      { categories: 2, problems: 5, entries: 5, recommended: 2, skipped: 0 },
      { 해시: 'data_structure2', '알고리즘 기초': null },
    ],
    [
      'plain.csv',
      'CSV url,type,title,level,recommended',
      { categories: 4, problems: 4, entries: 4, recommended: 1, skipped: 2 },
      {
        '그래프 탐색': 'graph_traversal',
        'Arrays & Hashing': 'data_structure2',
        Math: 'math',
        Implementation: 'implementation',
      },
    ],
    [
      'judge-id.csv',
      'CSV judge,id,…',
      { categories: 3, problems: 4, entries: 4, recommended: 1, skipped: 1 },
      { 해시: 'data_structure2', '스택/큐': 'data_structure', Implementation: 'implementation' },
    ],
    [
      'typed.json',
      'JSON { name, types: [{ name, problems }] }',
      { categories: 2, problems: 4, entries: 4, recommended: 1, skipped: 1 },
      { 'DFS/BFS': 'graph_traversal', Graphs: 'graph_traversal' },
    ],
    [
      'flat.json',
      'JSON array of problems',
      { categories: 1, problems: 2, entries: 2, recommended: 2, skipped: 0 },
      { 'Arrays & Hashing': 'data_structure2' },
    ],
    [
      'readme-folder',
      'a folder whose README.md is a list',
      { categories: 1, problems: 2, entries: 2, recommended: 2, skipped: 0 },
      { 'Two Pointers': 'two_pointer' },
    ],
  ];
  for (const [file, shape, expected, typeMap] of shapes) {
    it(`importAnyList() – ${shape} (${file}) – the right counts and type map`, async () => {
      const s = await importAnyList(t.deps.db, path.join(FIXTURES, file));
      expect(counts(s)).to.deep.equal(expected);
      expect(s.typeMap).to.deep.equal(typeMap);
      expect(s.warnings.filter((w) => w.endsWith('(skipped)'))).to.have.length(expected.skipped);
    });
  }

  it('study-group.md – levels from emoji, ratings and task positions; archived links name the problem; schedule rows are not problems', async () => {
    const s = await importAnyList(t.deps.db, path.join(FIXTURES, 'study-group.md'));
    const level = (id: string) => problemById(t.deps.db, id)?.level;
    expect([
      level('leetcode:flood-fill'),
      level('leetcode:number-of-islands'),
      level('leetcode:word-ladder'),
    ]).to.deep.equal([5, 10, 14]);
    expect([level('cf:71A'), level('cf:236A'), level('atcoder:abc300_a'), level('atcoder:abc300_d')]).to.deep.equal([
      6, 8, 3, 11,
    ]);
    expect(problemById(t.deps.db, 'boj:2178')).to.not.equal(undefined);
    expect(problemById(t.deps.db, 'leetcode:two-sum')).to.equal(undefined);
    expect(problemById(t.deps.db, 'leetcode:reverse-string')).to.equal(undefined);
    expect(problemById(t.deps.db, 'leetcode:number-of-islands')!.title).to.equal('Number of Islands');
    expect(s.warnings.join('\n')).to.include('https://www.lintcode.com/problem/659/').and.include('parts/12077');
    expect(listByKey(t.deps.db, s.list)!.name).to.equal('알고리즘 스터디');
  });

  it('importAnyList() – a list without a problem link – refused naming the file, nothing stored', async () => {
    const file = path.join(FIXTURES, 'no-problems.md');
    let error: unknown;
    await importAnyList(t.deps.db, file).catch((e) => (error = e));
    expect(error).to.have.property('code', 'catalog.no_problems');
    expect((error as Error).message).to.include(file);
    expect(listCount(t.deps.db)).to.equal(0);
    expect(t.deps.db.prepare('SELECT count(*) FROM problems').pluck().get()).to.equal(0);
  });

  it('re-importing the same source – updates that list with the change report; the same content changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(t.deps.config.dataDir, 'list-'));
    const file = path.join(dir, 'mine.md');
    fs.writeFileSync(
      file,
      '## Stack\n- [Valid Parentheses](https://leetcode.com/problems/valid-parentheses/) Easy\n- [Min Stack](https://leetcode.com/problems/min-stack/)\n',
    );
    const first = await importAnyList(t.deps.db, file);
    expect(first).to.include({ added: 2, removed: 0, changed: 0 });
    expect(await importAnyList(t.deps.db, file)).to.include({ added: 0, removed: 0, changed: 0 });
    fs.writeFileSync(
      file,
      '## Stack\n- 🟥 [Valid Parentheses](https://leetcode.com/problems/valid-parentheses/)\n- [Daily Temperatures](https://leetcode.com/problems/daily-temperatures/)\n',
    );
    const second = await importAnyList(t.deps.db, file);
    expect(second).to.include({ list: first.list, added: 1, removed: 1, changed: 1 });
    expect(second.details.changes).to.deep.equal([
      { problem: 'leetcode:valid-parentheses', kind: 'level', from: 5, to: 14 },
    ]);
    expect(listCount(t.deps.db)).to.equal(1);
    expect(problemById(t.deps.db, 'leetcode:min-stack')).to.equal(undefined);
  });

  it('several lists – each keeps its own name; tony9402 stays its own list', async () => {
    await importList(t.deps.db, TONY);
    await importAnyList(t.deps.db, path.join(FIXTURES, 'plain.csv'), { name: 'CSV 스터디' });
    await importAnyList(t.deps.db, path.join(FIXTURES, 'flat.json'), { name: 'Blind' });
    expect(listCount(t.deps.db)).to.equal(3);
    expect(listByKey(t.deps.db, 'csv_스터디')).to.include({ name: 'CSV 스터디', format: 'csv' });
    expect(listByKey(t.deps.db, 'tony9402-baekjoon')!.format).to.equal('tony9402');
  });

  describe('over HTTP', () => {
    let server: StaticServer;
    beforeEach(async () => (server = await serveDirectory(FIXTURES)));
    afterEach(() => server.close());

    it('importAnyList() – a file URL with a query – read once, format from its name', async () => {
      const s = await importAnyList(t.deps.db, `${server.url}judge-id.csv?raw=1`);
      expect(s).to.include({ format: 'csv', problems: 4 });
      expect(server.requests.map((r) => r.path)).to.deep.equal(['/judge-id.csv']);
    });

    it('importAnyList() – a base URL whose README.md is a list – markdown', async () => {
      const s = await importAnyList(t.deps.db, `${server.url}readme-folder/`);
      expect(s).to.include({ format: 'markdown', problems: 2 });
    });

    it('importAnyList() – --format json over a markdown file – refused with the expected shape, nothing stored', async () => {
      let error: unknown;
      await importAnyList(t.deps.db, `${server.url}level-column.md`, { format: 'json' }).catch((e) => (error = e));
      expect(error).to.have.property('code', 'catalog.bad_list');
      expect(listCount(t.deps.db)).to.equal(0);
    });
  });

  describe('the CLI', () => {
    it('cote import --source <file> --json – prints the summary with format, skipped and typeMap', async () => {
      const cli = testCliContext(t);
      expect(
        await runCli(['node', 'cote', 'import', '--source', path.join(FIXTURES, 'typed.json'), '--json'], cli.cli),
      ).to.equal(0);
      const printed = JSON.parse(cli.out[0]);
      expect(Object.keys(printed)).to.deep.equal([
        'list',
        'format',
        'categories',
        'problems',
        'entries',
        'recommended',
        'added',
        'removed',
        'changed',
        'skipped',
        'warnings',
        'typeMap',
      ]);
      expect(printed).to.include({ list: 'json_스터디', format: 'json', problems: 4, added: 4, skipped: 1 });
      expect(printed.typeMap).to.deep.equal({ 'DFS/BFS': 'graph_traversal', Graphs: 'graph_traversal' });
      // The lists page's import history counts it.
      expect(latestImportRun(t.deps.db)).to.include({ source: path.join(FIXTURES, 'typed.json'), status: 'succeeded' });
    });

    it('cote lists --json – every list with name, source, format and counts', async () => {
      const cli = testCliContext(t);
      await runCli(['node', 'cote', 'import', '--source', TONY], cli.cli);
      await runCli(
        ['node', 'cote', 'import', '--source', path.join(FIXTURES, 'flat.json'), '--name', 'Blind 2'],
        cli.cli,
      );
      cli.out.length = 0;
      expect(await runCli(['node', 'cote', 'lists', '--json'], cli.cli)).to.equal(0);
      const lists = JSON.parse(cli.out[0]) as Record<string, unknown>[];
      expect(lists.map((l) => [l.list, l.name, l.format, l.problems])).to.deep.equal([
        ['tony9402-baekjoon', '코딩테스트 대비 문제집 with Baekjoon', 'tony9402', 9],
        ['blind_2', 'Blind 2', 'json', 2],
      ]);
      expect(lists[1]).to.include({
        source: path.join(FIXTURES, 'flat.json'),
        categories: 1,
        entries: 2,
        recommended: 2,
      });
    });

    it('cote import – a bad --format or a list without problems – exit 1 with one line on stderr', async () => {
      const cli = testCliContext(t);
      expect(
        await runCli(
          ['node', 'cote', 'import', '--source', path.join(FIXTURES, 'flat.json'), '--format', 'xml'],
          cli.cli,
        ),
      ).to.equal(1);
      expect(
        await runCli(['node', 'cote', 'import', '--source', path.join(FIXTURES, 'no-problems.md')], cli.cli),
      ).to.equal(1);
      expect(cli.err).to.have.length(2);
      expect(cli.err[0]).to.match(/^cote: --format must be one of tony9402, markdown, csv, json/);
      expect(cli.err[1]).to.match(/^cote: .*no-problems\.md: no problem link of a judge cote knows/);
      expect(listCount(t.deps.db)).to.equal(0);
    });
  });
});
