import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parseIndex } from '../../src/catalog/parseIndex.ts';
import { parsePage } from '../../src/catalog/parsePage.ts';
import { databaseJson, parseDatabase } from '../../src/catalog/parseDatabase.ts';
import { splitRow } from '../../src/catalog/markdownTable.ts';
import { AppError } from '../../src/errors.ts';
import { warningText } from '../../src/catalog/warnings.ts';
import { translator } from '../../src/i18n/index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalog');
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');
const golden = (file: string) => JSON.parse(read(file)) as unknown;

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('catalog parser', () => {
  describe('parseIndex()', () => {
    it('parseIndex() – current layout – follows ./algorithms/<key> links to <key>/README.md pages in table order', () => {
      const index = parseIndex(read('v1/README.md'), 'v1/README.md');
      expect(index.title).to.equal('코딩테스트 대비 문제집 with Baekjoon');
      expect(index.categories.map((c) => [c.key, c.nameEn, c.nameKo, c.position, c.pagePath])).to.deep.equal([
        ['graph_traversal', 'Graph Traversal', '그래프 탐색', 0, 'algorithms/graph_traversal/README.md'],
        ['simulation', 'Simulation', '시뮬레이션', 1, 'algorithms/simulation/README.md'],
        ['math', 'Math', '수학', 2, 'algorithms/math/README.md'],
      ]);
      expect(index.warnings).to.deep.equal([]);
    });

    it('parseIndex() – old top-level layout, odd whitespace, a row without a link – matches the golden file', () => {
      expect(parseIndex(read('parser/old-index.md'), 'old-index.md')).to.deep.equal(
        golden('parser/old-index.golden.json'),
      );
    });

    it('parseIndex() – index in a subfolder – resolves links relative to the index', () => {
      const text =
        '|Tag|태그|문제집|\n|--|--|--|\n|Tree|트리|[go](../trees/tree)|\n|Web|웹|[go](https://example.test/x)|';
      const index = parseIndex(text, 'docs/README.md', 'docs/README.md');
      expect(index.categories.map((c) => c.pagePath)).to.deep.equal(['trees/tree/README.md']);
      expect(index.warnings.map((w) => warningText(w)))
        .to.have.length(1)
        .and.to.match(/docs\/README\.md line 4: no link to a type page inside the list/);
    });

    it('parseIndex() – a link that climbs out of the list – an error naming the file and line, not a page to fetch', () => {
      const text = '|Tag|태그|문제집|\n|--|--|--|\n|Tree|트리|[go](../trees/tree)|\n|Up|위|[go](../../outside)|';
      const error = thrown(() => parseIndex(text, 'http://example.test/docs/README.md', 'docs/README.md'));
      expect(error.code).to.equal('catalog.link_outside');
      expect(error.message).to.equal(
        'http://example.test/docs/README.md line 4: the link "../../outside" leads outside the list',
      );
    });

    it('parseIndex() – a malformed percent-escape in a link – an error naming the file and line', () => {
      const text = '|Tag|태그|문제집|\n|--|--|--|\n|Tree|트리|[go](./%E0%A4%A)|';
      const error = thrown(() => parseIndex(text, 'README.md'));
      expect(error.code).to.equal('catalog.bad_link');
      expect(error.message).to.equal('README.md line 3: the link "./%E0%A4%A" has a malformed percent-escape');
    });

    it('parseIndex() – no type table – throws naming the file and the expected table', () => {
      const error = thrown(() => parseIndex(read('parser/no-table.md'), 'http://example.test/README.md'));
      expect(error.code).to.equal('catalog.no_type_table');
      expect(error.message).to.match(/^http:\/\/example\.test\/README\.md: expected a table of algorithm types/);
    });
  });

  describe('parsePage()', () => {
    it('parsePage() – real-format page – reads position, recommended mark, number, title, level', () => {
      const page = parsePage(read('v1/algorithms/graph_traversal/README.md'), 'algorithms/graph_traversal/README.md');
      expect(page.rows).to.deep.equal([
        { position: 0, recommended: true, number: '1260', title: 'DFS와 BFS', level: 9 },
        { position: 1, recommended: true, number: '2178', title: '미로 탐색', level: 10 },
        { position: 2, recommended: false, number: '7576', title: '토마토', level: 12 },
        { position: 3, recommended: false, number: '1012', title: '유기농 배추', level: 9 },
      ]);
      expect(page.warnings).to.deep.equal([]);
    });

    it('parsePage() – odd whitespace, a broken row, a duplicate, an escaped pipe – matches the golden file', () => {
      expect(parsePage(read('parser/odd-page.md'), 'graph_traversal/README.md')).to.deep.equal(
        golden('parser/odd-page.golden.json'),
      );
    });

    it('parsePage() – broken row – is skipped with a warning naming the page and the row', () => {
      const page = parsePage(read('parser/odd-page.md'), 'graph_traversal/README.md');
      expect(page.rows.map((r) => r.number)).to.not.include('');
      expect(page.warnings[0]).to.deep.equal({
        code: 'page_no_number',
        params: { file: 'graph_traversal/README.md', row: '001', line: 8 },
      });
      expect(warningText(page.warnings[0])).to.equal(
        'graph_traversal/README.md row 001 (line 8): no problem number (skipped)',
      );
    });

    it("parsePage() warnings – codes and params – are worded in the reader's language when shown", () => {
      const [first, second] = parsePage(read('parser/odd-page.md'), 'graph_traversal/README.md').warnings;
      const ko = translator('ko');
      expect(warningText(first, ko)).to.equal(
        'graph_traversal/README.md 순번 001 (8행): 문제 번호가 없어 건너뛰었습니다',
      );
      expect(warningText(second, ko)).to.equal(
        'graph_traversal/README.md 순번 003 (10행): 문제 1260이(가) 페이지에 두 번 나와 건너뛰었습니다',
      );
      expect(warningText(second)).to.equal(
        'graph_traversal/README.md row 003 (line 10): problem 1260 is listed twice on the page (skipped)',
      );
    });

    it("parsePage() – HTML entities in a title – decodes them to text (escaping is the view's job)", () => {
      const page = parsePage(read('v1/algorithms/simulation/README.md'), 'simulation');
      expect(page.rows.find((r) => r.number === '1003')?.title).to.equal('<script>alert(1)</script>');
    });

    it('parsePage() – table header but no rows – gives no rows and no warnings', () => {
      expect(parsePage(read('parser/empty-page.md'), 'trie/README.md')).to.deep.equal({ rows: [], warnings: [] });
    });

    it('parsePage() – no problem table (or an empty file) – throws naming the file and the expected columns', () => {
      for (const text of [read('parser/no-table.md'), '']) {
        const error = thrown(() => parsePage(text, 'x/README.md', '/data/list/x/README.md'));
        expect(error.code).to.equal('catalog.no_problem_table');
        expect(error.message).to.equal(
          '/data/list/x/README.md: expected a problem table with the columns 순번, 추천 문제, 문제 번호, 문제 이름 and 난이도',
        );
      }
    });
  });

  describe('parseDatabase()', () => {
    it('parseDatabase() – solved.ac metadata – gives tag keys and averageTries by problem number', () => {
      const meta = parseDatabase(read('v1/scripts/database.json'), 'database.json');
      expect(meta.get('1260')).to.deep.equal({ tags: ['graphs', 'graph_traversal', 'bfs', 'dfs'], averageTries: 2.9 });
      expect(meta.has('7576')).to.equal(false);
    });

    it('parseDatabase() – not JSON – throws naming the file', () => {
      expect(thrown(() => parseDatabase('{oops', 'http://h/scripts/database.json')).message).to.match(
        /^http:\/\/h\/scripts\/database\.json: expected JSON/,
      );
    });
  });

  it('splitRow() – escaped pipes and missing outer pipes – splits on real cell borders only', () => {
    expect(splitRow('| a | b \\| c |  |')).to.deep.equal(['a', 'b | c', '']);
    expect(splitRow('a|b')).to.deep.equal(['a', 'b']);
  });
});

describe('parsePage() cell HTML', () => {
  it('parsePage() – an unclosed <a> in the title cell – ends with its cell, the tier cell is still read', () => {
    const text = [
      '|순번|추천 문제|문제 번호|문제 이름|난이도|',
      '|--|--|--|--|--|',
      '|000||<a href="https://www.acmicpc.net/problem/5">5</a>|<a href="https://www.acmicpc.net/problem/5"><b>Five|<img src="https://static.solved.ac/tier_small/12.svg"/>|',
      '|001||6|Six|<img src="https://static.solved.ac/tier_small/3.svg">|',
    ].join('\n');
    expect(parsePage(text, 'p').rows).to.deep.equal([
      { position: 0, recommended: false, number: '5', title: 'Five', level: 12 },
      { position: 1, recommended: false, number: '6', title: 'Six', level: 3 },
    ]);
  });
});

describe('databaseJson()', () => {
  it('databaseJson() – the metadata of a database.json – reads back the same through parseDatabase()', () => {
    const meta = parseDatabase(
      fs.readFileSync(path.join(FIXTURES, 'v1/scripts/database.json'), 'utf8'),
      'database.json',
    );
    meta.set('9999', { tags: [], averageTries: null });
    expect(parseDatabase(databaseJson(meta), 'cached')).to.deep.equal(meta);
  });
});
