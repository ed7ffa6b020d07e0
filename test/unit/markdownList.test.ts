import { expect } from 'chai';
import { MAX_LINE, parseMarkdownList } from '../../src/catalog/formats/markdownList.ts';

const parse = (text: string) => parseMarkdownList(text, 'list.md');
const codes = (text: string) => parse(text).warnings.map((w) => `${w.code} ${w.params.url ?? w.params.line ?? ''}`);

describe('parseMarkdownList() – a real markdown parser', () => {
  it('"a | b" then 200,000 spaces and "x" – parses: no rows, the long line skipped with a warning naming it', () => {
    const r = parse(`a | b\n${' '.repeat(200_000)}x\n`);
    expect(r.rows).to.deep.equal([]);
    expect(r.warnings).to.deep.equal([
      { code: 'line_too_long', params: { file: 'list.md', line: 2, length: 200_001, max: MAX_LINE } },
    ]);
  });

  it('a line of exactly MAX_LINE characters – read', () => {
    const link = '- [Two Sum](https://leetcode.com/problems/two-sum/) ';
    expect(parse(link + 'x'.repeat(MAX_LINE - link.length)).rows).to.have.length(1);
    expect(parse(link + 'x'.repeat(MAX_LINE - link.length + 1)).rows).to.have.length(0);
  });

  it('headings with depth – the type is the nearest heading naming a type, else the nearest heading', () => {
    const r = parse(
      [
        '# My list',
        '## 그래프 탐색',
        '### 다시 풀기',
        '- [DFS와 BFS](https://www.acmicpc.net/problem/1260)',
        '## 기타',
        '### 다시 풀기',
        '- [A+B](https://www.acmicpc.net/problem/1000)',
        '## Greedy',
        '- [Coins](https://atcoder.jp/contests/abc087/tasks/abc087_b)',
      ].join('\n'),
    );
    expect(r.title).to.equal('My list');
    expect(r.rows.map((row) => [row.id, row.type])).to.deep.equal([
      ['boj:1260', '그래프 탐색'],
      ['boj:1000', '다시 풀기'],
      ['atcoder:abc087_b', 'Greedy'],
    ]);
  });

  it('an unclosed <a href> in an HTML <td> – the link is read, and a warning names it', () => {
    const r = parse(
      '<table>\n<tr><th>문제</th><th>난이도</th></tr>\n<tr><td><a href="https://www.acmicpc.net/problem/2178">미로 탐색</td><td>실버 1</td></tr>\n</table>\n',
    );
    expect(r.rows).to.deep.include({
      type: '',
      id: 'boj:2178',
      title: '미로 탐색',
      level: 10,
      levelPrecision: 2,
      recommended: undefined,
    });
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['unclosed_link']);
    expect(r.warnings[0].params).to.include({ url: 'https://www.acmicpc.net/problem/2178', line: 3 });
  });

  it('an unclosed <a href> inside a pipe-table cell – read up to the cell end, warned', () => {
    const r = parse(
      '| 문제 | 난이도 |\n| --- | --- |\n| <a href="https://www.acmicpc.net/problem/1260">DFS와 BFS | 실버 2 |\n',
    );
    expect(r.rows.map((row) => [row.id, row.title, row.level])).to.deep.equal([['boj:1260', 'DFS와 BFS', 9]]);
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['unclosed_link']);
    expect(codes('| 문제 |\n| --- |\n| <a href="https://x.example/p">p |\n')).to.deep.equal([
      'unclosed_link https://x.example/p',
      'unknown_judge_link https://x.example/p',
    ]);
  });

  it('links that are not problems – known ones silent, the rest warned by URL (neetcode.io/problems too)', () => {
    expect(
      codes(
        [
          '- [Two Sum](https://leetcode.com/problems/two-sum/) [video](https://www.youtube.com/watch?v=x) [blog](https://velog.io/@a/b)',
          '- [NeetCode roadmap](https://neetcode.io/roadmap) [solution](https://github.com/a/b)',
          '- [editorial](https://atcoder.jp/contests/abc300/editorial) [discuss](https://leetcode.com/discuss/general-discussion/1)',
          '- [Duplicate](https://neetcode.io/problems/duplicate-integer)',
          '- [LintCode](https://www.lintcode.com/problem/659/)',
          '- [Kit](https://school.programmers.co.kr/learn/courses/30/parts/12077)',
          'See also <https://unknown.example/notes> and ./solutions/a.py and [local](./a.md).',
        ].join('\n'),
      ),
    ).to.deep.equal([
      'unknown_judge_link https://neetcode.io/problems/duplicate-integer',
      'unknown_judge_link https://www.lintcode.com/problem/659/',
      'not_problem_programmers_section https://school.programmers.co.kr/learn/courses/30/parts/12077',
      'unknown_judge_link https://unknown.example/notes',
    ]);
  });

  it('bare URLs, reference links and code blocks – the first two are read, code is not', () => {
    const r = parse(
      [
        '## BFS',
        '- 1260 DFS와 BFS acmicpc.net/problem/1260',
        '- [Flood Fill][ff] 🟩',
        '',
        '```',
        '- [in code](https://leetcode.com/problems/reverse-string/)',
        '```',
        '',
        '[ff]: https://leetcode.com/problems/flood-fill/',
      ].join('\n'),
    );
    expect(r.rows.map((row) => [row.id, row.title, row.level])).to.deep.equal([
      ['boj:1260', '1260 DFS와 BFS', 0],
      ['leetcode:flood-fill', 'Flood Fill', 5],
    ]);
  });

  it('a schedule table before the first type heading – not problems; under a type heading – problems', () => {
    const table = '| 주차 | 문제 |\n| --- | --- |\n| 1 | [A+B](https://www.acmicpc.net/problem/1000) |\n';
    expect(parse(`# Study\n\n${table}\n## 구현\n\n- [B](https://www.acmicpc.net/problem/1001)\n`).rows).to.have.length(
      1,
    );
    expect(parse(`# Study\n\n## 구현\n\n${table}`).rows.map((r) => r.id)).to.deep.equal(['boj:1000']);
  });

  it('<details><summary>Type</summary> around a table – the summary names the type until </details>', () => {
    const r = parse(
      [
        '# leetcode solutions',
        '<details>',
        '<summary>Array & Hashing</summary>',
        '',
        '| Num | Problem | Solution |',
        '| --- | --- | --- |',
        '| 1 | [Two Sum (Easy)](https://leetcode.com/problems/two-sum/) | [Solution](https://github.com/a/b) |',
        '',
        '</details>',
        '',
        '<details>',
        '<summary><b>Linked List</b></summary>',
        '',
        '- [Reverse Linked List](https://leetcode.com/problems/reverse-linked-list/) 💚',
        '',
        '</details>',
        '',
        '- [Outside](https://leetcode.com/problems/min-stack/)',
      ].join('\n'),
    );
    expect(r.rows.map((row) => [row.id, row.type, row.level])).to.deep.equal([
      ['leetcode:two-sum', 'Array & Hashing', 5],
      ['leetcode:reverse-linked-list', 'Linked List', 5],
      // The only heading is no title (a title needs headings after it): it is the type.
      ['leetcode:min-stack', 'leetcode solutions', 0],
    ]);
  });

  it('a monthly study table – date first under a heading, tier images, bare URLs, short tiers (B1) in a details block', () => {
    const r = parse(
      [
        '## 3월 문제 리스트',
        '| 날짜 | 번호 | 티어 | 이름 | 링크 |',
        '|:---:|:---:|:---:|:---|:---|',
        '| 03 / 04 | 2151 | <img src="https://d2gd6pc034wcta.cloudfront.net/tier/12.svg" width="30"/> | **거울 설치** | https://www.acmicpc.net/problem/2151 |',
        '| | 10986 | <img src="https://d2gd6pc034wcta.cloudfront.net/tier/13.svg" width="30"/> | **나머지 합** | https://www.acmicpc.net/problem/10986 |',
        '',
        '<details>',
        '<summary><b>브론즈</b></summary>',
        '',
        '| 문제명(링크) | 난이도 | 유형 |',
        '|:---:|:---:|:---:|',
        '| [평균](https://www.acmicpc.net/problem/1546) | B1 | 수학 |',
        '',
        '</details>',
      ].join('\n'),
    );
    expect(r.rows.map((row) => [row.id, row.type, row.title, row.level])).to.deep.equal([
      ['boj:2151', '3월 문제 리스트', '거울 설치', 12],
      ['boj:10986', '3월 문제 리스트', '나머지 합', 13],
      ['boj:1546', '브론즈', '평균', 5],
    ]);
  });

  it('HTML headings – a centred <h1> is the title, <h2> names a type, summaries in one block switch in line order', () => {
    const r = parse(
      [
        '<h1 align="center">🏆 LeetCode</h1>',
        '',
        '<h2>Graphs</h2>',
        '',
        '- [Number of Islands](https://leetcode.com/problems/number-of-islands/)',
        '',
        '<details><summary>Stack</summary>',
        '<table><tr><th>Problem</th></tr><tr><td><a href="https://leetcode.com/problems/min-stack/">Min Stack</a></td></tr></table>',
        '</details>',
        '<details><summary>Trees</summary>',
        '<table><tr><th>Problem</th></tr><tr><td><a href="https://leetcode.com/problems/invert-binary-tree/">Invert</a></td></tr></table>',
        '</details>',
      ].join('\n'),
    );
    expect(r.title).to.equal('LeetCode');
    expect(r.rows.map((row) => [row.id, row.type])).to.deep.equal([
      ['leetcode:number-of-islands', 'Graphs'],
      ['leetcode:min-stack', 'Stack'],
      ['leetcode:invert-binary-tree', 'Trees'],
    ]);
  });
});
