import { expect } from 'chai';
import {
  COARSE,
  EXACT,
  atcoderLevel,
  levelFromId,
  levelFromProgrammersLevel,
  mergeLevel,
  readLevel,
} from '../../src/judges/difficulty.ts';
import { levelFromTierName } from '../../src/judges/tier.ts';

// One row per form of the table in src/judges/difficulty.ts: [form, judge, text, level, precision].
const FORMS: [string, string, string, number, number][] = [
  ['solved.ac tier, English', 'boj', 'Gold IV', 12, EXACT],
  ['solved.ac tier, English lower-case digit', 'boj', 'silver 1', 10, EXACT],
  ['solved.ac tier, English short', 'boj', 'G4', 12, EXACT],
  ['solved.ac tier, English Ruby I', 'boj', 'Ruby I', 30, EXACT],
  ['solved.ac tier, Korean 실버 1', 'boj', '실버 1', 10, EXACT],
  ['solved.ac tier, Korean 골드 4', 'boj', '골드 4', 12, EXACT],
  ['solved.ac tier, Korean 브론즈 V', 'boj', '브론즈 V', 1, EXACT],
  ['solved.ac tier, Korean 플래티넘 III', 'boj', '플래티넘 III', 18, EXACT],
  ['solved.ac tier, Korean short 플레 2', 'boj', '플레 2', 19, EXACT],
  ['solved.ac tier, Korean 다이아 1', 'boj', '다이아 1', 25, EXACT],
  ['solved.ac tier, Korean no space 골드3', 'boj', '골드3', 13, EXACT],
  ['solved.ac tier image', 'boj', '<img src="https://static.solved.ac/tier_small/7.svg"/>', 7, EXACT],
  ['solved.ac badge image', 'boj', '![](https://d2gd6pc034wcta.cloudfront.net/tier/16.svg)', 16, EXACT],
  ['bare number on Baekjoon', 'boj', '17', 17, EXACT],
  ['bare number on Baekjoon out of range', 'boj', '99', 0, 0],
  ['Codeforces rating', 'cf', '1500', 13, EXACT],
  ['Codeforces rating with star', 'cf', '*1200', 10, EXACT],
  ['Codeforces rating under 800', 'cf', '700', 0, 0],
  ['Programmers Lv. 2', 'programmers', 'Lv. 2', 9, COARSE],
  ['Programmers Level 3', 'programmers', 'Level 3', 12, COARSE],
  ['Programmers [level 2]', 'programmers', '[level 2]', 9, COARSE],
  ['Programmers 레벨 1', 'programmers', '레벨 1', 5, COARSE],
  ['Programmers bare number', 'programmers', '2', 9, COARSE],
  ['LeetCode Easy', 'leetcode', 'Easy', 5, COARSE],
  ['LeetCode Medium', 'leetcode', 'Medium', 10, COARSE],
  ['LeetCode Hard', 'leetcode', '**Hard**', 14, COARSE],
  ['LeetCode 보통', 'leetcode', '보통', 10, COARSE],
  ['heart 💚', 'leetcode', '💚', 5, COARSE],
  ['heart 🧡', 'leetcode', '🧡', 10, COARSE],
  ['heart ❤️', 'leetcode', '❤️', 14, COARSE],
  ['heart ❤ without selector', 'leetcode', '❤', 14, COARSE],
  ['square 🟩', 'leetcode', '🟩', 5, COARSE],
  ['square 🟨', 'leetcode', '🟨 Medium', 10, COARSE],
  ['square 🟥', 'leetcode', '🟥', 14, COARSE],
  ['unknown word', 'leetcode', 'whatever', 0, 0],
  ['empty', 'leetcode', '', 0, 0],
  ['Easy-ish is not Easy', 'leetcode', 'Easygoing', 0, 0],
];

describe('difficulty – every form of the table', () => {
  for (const [form, judge, text, level, precision] of FORMS) {
    it(`readLevel() – ${form} ("${text}" on ${judge}) – level ${level}`, () =>
      expect(readLevel(judge, text)).to.deep.equal({ level, precision }));
  }

  const atcoder: [string, number][] = [
    ['abc300_a', 3],
    ['abc300_d', 11],
    ['abc300_ex', 19],
    ['arc150_c', 16],
    ['agc001_a', 15],
    ['abc002_4', 11],
    ['abc002_1', 3],
    ['arc004_1', 11],
    ['arc004_2', 14],
    ['typical90_a', 0],
    ['abc002_9', 0],
  ];
  for (const [id, level] of atcoder) {
    it(`atcoderLevel() – ${id} – ${level} (old ids read their task number as the task letter)`, () => {
      expect(atcoderLevel(id)).to.equal(level);
      expect(levelFromId(`atcoder:${id}`)).to.deep.equal({ level, precision: level ? COARSE : 0 });
    });
  }

  it('levelFromProgrammersLevel() – Lv. 0–5 and nothing else', () => {
    expect([0, 1, 2, 3, 4, 5].map(levelFromProgrammersLevel)).to.deep.equal([2, 5, 9, 12, 15, 18]);
    expect([6, -1, 1.5, Number.NaN].map(levelFromProgrammersLevel)).to.deep.equal([0, 0, 0, 0]);
  });

  it('levelFromTierName() – the Korean names its comment promises', () => {
    expect(['실버 1', '골드 4', '브론즈 V', 'Unrated', 'Gold'].map(levelFromTierName)).to.deep.equal([
      10,
      12,
      1,
      0,
      undefined,
    ]);
  });
});

describe('difficulty – mergeLevel(): only ever improved', () => {
  const rated = { level: 10, precision: EXACT } as const;
  it('a source without a level – keeps the stored one', () =>
    expect(mergeLevel(rated, { level: 0, precision: 0 })).to.deep.equal({ ...rated, conflict: false }));
  it('a coarse level against an exact one – keeps the exact one and says so', () =>
    expect(mergeLevel(rated, { level: 14, precision: COARSE })).to.deep.equal({ ...rated, conflict: true }));
  it('a coarse level equal to the exact one – no conflict', () =>
    expect(mergeLevel(rated, { level: 10, precision: COARSE }).conflict).to.equal(false));
  it('an exact level over a coarse one – replaces it', () =>
    expect(mergeLevel({ level: 5, precision: COARSE }, { level: 7, precision: EXACT })).to.deep.equal({
      level: 7,
      precision: EXACT,
      conflict: false,
    }));
  it('equal precision – the new source wins (a list updating its own word)', () =>
    expect(mergeLevel({ level: 5, precision: COARSE }, { level: 14, precision: COARSE }).level).to.equal(14));
  it('nothing stored – the new level', () =>
    expect(mergeLevel({ level: 0, precision: 0 }, { level: 5, precision: COARSE }).level).to.equal(5));
});
