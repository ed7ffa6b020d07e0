import { expect } from 'chai';
import { linkKind, problemIdFromUrl } from '../../src/judges/problemUrl.ts';
import { parseLinkTemplate } from '../../src/config.ts';
import { problemLinks } from '../../src/judges/links.ts';
import { atcoderLevel, codeforcesLevel, levelFromText, programmersLevel } from '../../src/judges/difficulty.ts';
import { loadConfig } from '../../src/config.ts';

describe('judges – problem URLs', () => {
  const problems: [string, string][] = [
    // Baekjoon
    ['https://www.acmicpc.net/problem/1260', 'boj:1260'],
    ['http://acmicpc.net/problem/1260/', 'boj:1260'],
    ['acmicpc.net/problem/1260', 'boj:1260'],
    ['https://www.acmicpc.net/problem/01260?from=list#top', 'boj:1260'],
    ['https://web.archive.org/web/2026/https://www.acmicpc.net/problem/1260', 'boj:1260'],
    // Programmers, both hosts
    ['https://programmers.co.kr/learn/courses/30/lessons/42576', 'programmers:42576'],
    ['https://school.programmers.co.kr/learn/courses/30/lessons/42576', 'programmers:42576'],
    ['https://school.programmers.co.kr/learn/courses/30/lessons/42576?language=java', 'programmers:42576'],
    ['https://programmers.co.kr/learn/courses/30/lessons/1844/', 'programmers:1844'],
    // LeetCode: with or without the slash, a query, /description/, leetcode.cn
    ['https://leetcode.com/problems/two-sum/', 'leetcode:two-sum'],
    ['https://leetcode.com/problems/two-sum', 'leetcode:two-sum'],
    ['https://leetcode.com/problems/two-sum/?envType=study-plan-v2&envId=top-interview-150', 'leetcode:two-sum'],
    ['https://leetcode.com/problems/Two-Sum/description/', 'leetcode:two-sum'],
    ['https://leetcode.cn/problems/two-sum/', 'leetcode:two-sum'],
    ['https://www.leetcode.com/problems/3sum/', 'leetcode:3sum'],
    // Codeforces: problemset, contest, gym
    ['https://codeforces.com/problemset/problem/1352/A', 'cf:1352A'],
    ['https://codeforces.com/contest/1352/problem/A', 'cf:1352A'],
    ['https://codeforces.com/contest/1520/problem/f2', 'cf:1520F2'],
    ['http://codeforces.com/problemset/problem/4/A/', 'cf:4A'],
    ['https://codeforces.com/gym/102222/problem/B', 'cf:102222B'],
    // AtCoder
    ['https://atcoder.jp/contests/abc300/tasks/abc300_a', 'atcoder:abc300_a'],
    ['https://atcoder.jp/contests/abc300/tasks/abc300_a?lang=en', 'atcoder:abc300_a'],
    ['https://atcoder.jp/contests/typical90/tasks/typical90_a', 'atcoder:typical90_a'],
  ];
  for (const [url, id] of problems) {
    it(`problemIdFromUrl() – ${url} – is ${id}`, () => expect(problemIdFromUrl(url)).to.equal(id));
  }

  const notProblems: [string, string][] = [
    ['https://school.programmers.co.kr/learn/courses/30/parts/12077', 'not_problem'],
    ['https://leetcode.com/problemset/all/', 'not_problem'],
    ['https://codeforces.com/contest/1352', 'not_problem'],
    ['https://atcoder.jp/contests/abc300', 'not_problem'],
    ['https://www.lintcode.com/problem/659/', 'unknown'],
    ['https://swexpertacademy.com/main/code/problem/problemDetail.do?contestProbId=AV5V1SYKAaUDFAWu', 'unknown'],
    ['./hash/42576.java', 'unknown'],
    ['mailto:a@b.c', 'unknown'],
    ['https://evil.example/acmicpc.net/problem/1260', 'unknown'],
  ];
  for (const [url, kind] of notProblems) {
    it(`linkKind() – ${url} – is ${kind}`, () => expect(linkKind(url).kind).to.equal(kind));
  }
});

describe('judges – links', () => {
  it('problemLinks() – each judge – its page; Baekjoon also its archived copy, which is the best single link', () => {
    expect(problemLinks('boj:1260')).to.deep.equal({
      url: 'https://www.acmicpc.net/problem/1260',
      archive: 'https://web.archive.org/web/2026/https://www.acmicpc.net/problem/1260',
      best: 'https://web.archive.org/web/2026/https://www.acmicpc.net/problem/1260',
    });
    expect(problemLinks('programmers:42576').url).to.equal(
      'https://school.programmers.co.kr/learn/courses/30/lessons/42576',
    );
    expect(problemLinks('leetcode:two-sum').url).to.equal('https://leetcode.com/problems/two-sum/');
    expect(problemLinks('cf:1352A').url).to.equal('https://codeforces.com/problemset/problem/1352/A');
    expect(problemLinks('cf:102222B').url).to.equal('https://codeforces.com/gym/102222/problem/B');
    expect(problemLinks('atcoder:abc300_a')).to.deep.equal({
      url: 'https://atcoder.jp/contests/abc300/tasks/abc300_a',
      archive: null,
      best: 'https://atcoder.jp/contests/abc300/tasks/abc300_a',
    });
    expect(problemLinks('swea:1234', {}, 'https://swea.example/1234').url).to.equal('https://swea.example/1234');
  });

  it('problemLinks() – COTE_LINK_BOJ set – the mirror replaces the page, the archive stays', () => {
    const config = loadConfig({
      COTE_LINK_BOJ: 'https://mirror.example/boj/{id}',
      COTE_LINK_CF: 'https://cf.example/{contest}-{index}',
    });
    const templates = { boj: config.linkBoj, cf: config.linkCf };
    expect(problemLinks('boj:1260', templates).url).to.equal('https://mirror.example/boj/1260');
    expect(problemLinks('boj:1260', templates).archive).to.match(/web\.archive\.org/);
    expect(problemLinks('boj:1260', templates).best).to.equal('https://mirror.example/boj/1260');
    expect(problemLinks('cf:1352A', templates).url).to.equal('https://cf.example/1352-A');
  });

  it('loadConfig() – a COTE_LINK_ value without {id} – fails naming the variable', () => {
    expect(() => loadConfig({ COTE_LINK_LEETCODE: 'https://mirror.example/problems/' })).to.throw(/COTE_LINK_LEETCODE/);
    expect(() => loadConfig({ COTE_LINK_BOJ: 'ftp://mirror/{id}' })).to.throw(/COTE_LINK_BOJ/);
    expect(parseLinkTemplate('')).to.equal('');
  });
});

describe('judges – one difficulty scale', () => {
  const cases: [string, string, number][] = [
    ['programmers', 'Lv. 0', 2],
    ['programmers', 'Lv.2', 9],
    ['programmers', 'level 3', 12],
    ['programmers', '[level 5]', 18],
    ['programmers', '2', 9],
    ['leetcode', 'Easy', 5],
    ['leetcode', 'Medium', 10],
    ['leetcode', 'Hard', 14],
    ['leetcode', '🟩', 5],
    ['leetcode', '🟨', 10],
    ['leetcode', '🟥', 14],
    ['boj', 'Gold IV', 12],
    ['boj', 'silver 1', 10],
    ['boj', '17', 17],
    ['boj', '99', 0],
    ['cf', '800', 6],
    ['cf', '1500', 13],
    ['cf', '3500', 30],
    ['cf', '700', 0],
    ['leetcode', 'whatever', 0],
    ['leetcode', '', 0],
  ];
  for (const [judge, text, level] of cases) {
    it(`levelFromText() – ${judge} "${text}" – is ${level}`, () => expect(levelFromText(judge, text)).to.equal(level));
  }

  it('codeforcesLevel() – ratings rise – levels never fall', () => {
    let last = 0;
    for (let r = 800; r <= 3500; r += 100) {
      const level = codeforcesLevel(r);
      expect(level).to.be.within(Math.max(1, last), 30);
      last = level;
    }
  });

  it('atcoderLevel() – task position within the contest – orders the levels; unknown contests are unrated', () => {
    expect([atcoderLevel('abc300_a'), atcoderLevel('abc300_d'), atcoderLevel('abc300_ex')]).to.deep.equal([3, 11, 19]);
    expect(atcoderLevel('arc150_a')).to.equal(11);
    expect(atcoderLevel('typical90_a')).to.equal(0);
    expect(programmersLevel(6)).to.equal(0);
  });
});
