import { expect } from 'chai';
import { parseProblemRef, problemUrl } from '../../src/catalog/problemRef.ts';

describe('parseProblemRef()', () => {
  const cases: [string, string | undefined][] = [
    ['boj:1260', 'boj:1260'],
    ['1260', 'boj:1260'],
    [' 01260 ', 'boj:1260'],
    ['BOJ : 1260', 'boj:1260'],
    ['programmers:12951', 'programmers:12951'],
    ['cf:1352a', 'cf:1352A'],
    ['leetcode:Two-Sum', 'leetcode:two-sum'],
    ['', undefined],
    ['boj:12a', undefined],
    ['atcoder:ABC100_A', 'atcoder:abc100_a'],
    ['atcoder:abc', undefined],
    ['DFS와 BFS', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`parseProblemRef() – ${JSON.stringify(input)} – gives ${expected ?? 'undefined'}`, () => {
      expect(parseProblemRef(input)).to.equal(expected);
    });
  }

  it('problemUrl() – a Baekjoon id – links the judge page', () => {
    expect(problemUrl('boj:1260')).to.equal('https://www.acmicpc.net/problem/1260');
    expect(problemUrl('cf:1352A')).to.equal('https://codeforces.com/problemset/problem/1352/A');
  });
});
