import { expect } from 'chai';
import { digestSubject, renderDigest } from '../../src/digest/render.ts';
import type { DigestView } from '../../src/digest/view.ts';

const item = (id: string, title: string, kind: 'new' | 'review' | 'mock') => ({
  id,
  title,
  level: 8,
  url: `https://www.acmicpc.net/problem/${id.slice(4)}`,
  kind,
  category: 'graph_traversal',
  minutes: 40,
  reason: `why ${id}`,
});

function view(over: Partial<DigestView> = {}): DigestView {
  return {
    lang: 'en',
    learner: { id: 7, name: 'Ana', email: 'ana@example.test' },
    day: '2026-11-28',
    dDay: 12,
    solves: [{ id: 'boj:1260', title: 'DFS와 BFS', level: 9, url: null, outcome: 'solved' }],
    streak: { current: 5, longest: 9 },
    readiness: [
      { category: 'graph_traversal', name: 'Graph traversal', now: 40, atExam: 80, heavy: true, evidence: true },
      { category: 'simulation', name: 'Simulation', now: 0, atExam: 30, heavy: true, evidence: true },
    ],
    tomorrow: { day: '2026-11-29', weekday: 7, rest: false, items: [item('boj:2178', '미로 탐색', 'new')] },
    reviews: [item('boj:1012', '유기농 배추', 'review')],
    verdict: 'behind',
    advice: ['Study 30 more minutes a day.'],
    notice: null,
    links: {
      plan: 'https://c.test/plan/today',
      settings: 'https://c.test/settings/email',
      unsubscribe: 'https://c.test/unsubscribe/tok',
    },
    ...over,
  };
}

describe('digest rendering', () => {
  const subjects: [string, Partial<DigestView>, string][] = [
    [
      'English, exam in 12 days, 3 solved, 5-day streak',
      { solves: [1, 2, 3].map((n) => ({ id: `boj:${n}`, title: 't', level: 1, url: null, outcome: 'solved' })) },
      '[cote] D-12 · 3 solved today · 5-day streak',
    ],
    [
      'Korean, same numbers',
      {
        lang: 'ko',
        solves: [1, 2, 3].map((n) => ({ id: `boj:${n}`, title: 't', level: 1, url: null, outcome: 'solved' })),
      },
      '[cote] D-12 · 오늘 3문제 · 5일 연속',
    ],
    ['exam today, one solve', { dDay: 0 }, '[cote] D-Day · 1 solved today · 5-day streak'],
    [
      'no exam, nothing solved, no streak',
      { dDay: null, solves: [], streak: { current: 0, longest: 3 } },
      '[cote] nothing solved today',
    ],
    [
      'Korean, nothing solved, a 1-day streak is not a streak',
      { lang: 'ko', solves: [], streak: { current: 1, longest: 1 } },
      '[cote] D-12 · 오늘 푼 문제 없음',
    ],
  ];
  for (const [name, over, expected] of subjects) {
    it(`digestSubject() – ${name}`, () => expect(digestSubject(view(over))).to.equal(expected));
  }

  it('renderDigest() – HTML part – solves, bars as table cells sized by readiness now and at the exam, tomorrow with links, re-solves, verdict; no script, no image', () => {
    const { html } = renderDigest(view());
    expect(html).to.contain('DFS와 BFS');
    // 40% now, 80% at the exam: 64 px solid, 64 px of projected gain, 32 px empty; 0% → 30%: 48 px gain, 112 px empty.
    expect(html).to.match(
      /<td width="64" height="10" bgcolor="#ec9a00"[^>]*>&nbsp;<\/td><td width="64" height="10" bgcolor="#93c5fd"[^>]*>&nbsp;<\/td><td width="32" height="10" bgcolor="#e4e7ec"/,
    );
    expect(html).to.match(
      /<tr>\s*<td width="48" height="10" bgcolor="#93c5fd"[^>]*>&nbsp;<\/td><td width="112" height="10" bgcolor="#e4e7ec"/,
    );
    expect(html).to.contain('<a href="https://www.acmicpc.net/problem/2178" style="color:#2563eb;">미로 탐색</a>');
    expect(html).to.match(/data-section="reviews">[\s\S]*유기농 배추/);
    expect(html).to.contain('data-verdict="behind"');
    expect(html).to.contain('Study 30 more minutes a day.');
    expect(html).to.contain('href="https://c.test/unsubscribe/tok"');
    expect(html).not.to.match(/<script|<img|<link|stylesheet/i);
  });

  it('renderDigest() – text part – same content, readable without HTML, titles as they are', () => {
    const { text } = renderDigest(
      view({ solves: [{ id: 'boj:1', title: '<b>A & B</b>', level: 1, url: null, outcome: 'solved' }] }),
    );
    expect(text).to.contain('- <b>A & B</b> (boj:1)');
    expect(text).to.contain('####...... Graph traversal: 40% now → 80% at the exam');
    expect(text).to.contain(
      '- 미로 탐색 (boj:2178, new, ~40 min)\n  https://www.acmicpc.net/problem/2178\n  why boj:2178',
    );
    expect(text).to.contain('- 유기농 배추 (boj:1012) https://www.acmicpc.net/problem/1012');
    expect(text).to.contain('Unsubscribe: https://c.test/unsubscribe/tok');
    expect(text).not.to.match(/&amp;|&lt;/);
  });

  it('renderDigest() – readiness – a bar per heavy type (no bar without evidence), the lighter types on one line', () => {
    const r = (category: string, now: number, heavy: boolean, evidence = true) => ({
      category,
      name: category,
      now,
      atExam: now + 10,
      heavy,
      evidence,
    });
    const { html, text } = renderDigest(
      view({
        readiness: [
          r('Heavy', 40, true),
          r('Untried', 14, true, false),
          r('LightA', 20, false),
          r('LightB', 35, false),
          r('LightC', 14, false, false),
        ],
      }),
    );
    const rows = [...html.matchAll(/white-space:nowrap;">([A-Za-z]+)<\/td>/g)].map((m) => m[1]);
    expect(rows).to.deep.equal(['Heavy', 'Untried']);
    expect(html).to.contain('40 → 50%').and.contain('no evidence yet');
    expect(html).to.match(/data-section="readiness-rest">3 other types: 20–35% now \(1 without evidence yet\)</);
    expect(text).to.contain('.......... Untried: no evidence yet');
    expect(text).to.contain('3 other types: 20–35% now (1 without evidence yet)');
    const one = renderDigest(view({ readiness: [r('Heavy', 40, true), r('LightA', 20, false)] }));
    expect(one.text).to.contain('1 other type: 20–20% now\n');
    // An even profile (no heavy type): one line for all, no table.
    const even = renderDigest(view({ readiness: [r('A', 20, false), r('B', 30, false)] }));
    expect(even.html).not.to.contain('data-section="readiness"');
    expect(even.text).to.contain('2 types, weighed alike: 20–30% now\n');
  });

  it('renderDigest() – a rest day tomorrow, and a planner notice – says so instead of a list', () => {
    const rest = renderDigest(
      view({ tomorrow: { day: '2026-11-29', weekday: 7, rest: true, items: [] }, reviews: [] }),
    );
    expect(rest.text).to.contain('A rest day: nothing planned.');
    expect(rest.text).to.contain('No re-solves due.');
    const noticed = renderDigest(
      view({
        notice: 'The exam is today. Good luck!',
        verdict: null,
        tomorrow: { day: '2026-11-29', weekday: 7, rest: false, items: [] },
      }),
    );
    expect(noticed.html).to.contain('The exam is today. Good luck!');
    expect(noticed.html).not.to.contain('Nothing planned.');
    expect(noticed.html).not.to.contain('data-verdict');
  });
});
