import { levelFromTierName } from '../catalog/tier.ts';
import type { JudgeKey } from './judges.ts';

/**
 * Every judge's difficulty on the one scale the planner uses: solved.ac levels 1–30 (1–5 Bronze V–I, 6–10 Silver,
 * 11–15 Gold, 16–20 Platinum, 21–25 Diamond, 26–30 Ruby; 0 unrated). Any mapping between scales is judgement; this
 * is ours, chosen from the levels people commonly quote side by side (a Programmers Lv. 2 ≈ a Silver/low-Gold BOJ
 * problem, a Codeforces 1200 ≈ Silver I, an ABC C ≈ Silver III):
 *
 * | judge       | difficulty                   | level (tier)                                                      |
 * | ----------- | ---------------------------- | ----------------------------------------------------------------- |
 * | solved.ac   | Bronze V … Ruby I, 1–30      | as is                                                             |
 * | Programmers | Lv. 0 / 1 / 2 / 3 / 4 / 5    | 2 (B IV) / 5 (B I) / 9 (S II) / 12 (G IV) / 15 (G I) / 18 (P III) |
 * | LeetCode    | Easy 🟩 / Medium 🟨 / Hard 🟥 | 5 (B I) / 10 (S I) / 14 (G II)                                    |
 * | Codeforces  | rating 800 … 3500            | linear between 800→6, 1000→8, 1200→10, 1400→12, 1600→14, 1900→16, |
 * |             |                              | 2200→19, 2500→21, 2800→24, 3100→26, 3500→30                       |
 * | AtCoder     | ABC task a b c d e f g h(Ex) | 3 5 8 11 13 15 17 19                                              |
 * |             | ARC task a b c d e f         | 11 14 16 18 20 22                                                 |
 * |             | AGC task a b c d e f         | 15 18 20 22 24 26                                                 |
 *
 * Anything else (a missing rating, another contest's task, a word cote does not know) stays 0: unrated, and the
 * planner treats it as unrated.
 */
export const PROGRAMMERS_LEVELS = [2, 5, 9, 12, 15, 18] as const;
export const LEETCODE_LEVELS = { easy: 5, medium: 10, hard: 14 } as const;
export const CODEFORCES_POINTS: [rating: number, level: number][] = [
  [800, 6],
  [1000, 8],
  [1200, 10],
  [1400, 12],
  [1600, 14],
  [1900, 16],
  [2200, 19],
  [2500, 21],
  [2800, 24],
  [3100, 26],
  [3500, 30],
];
export const ATCODER_LEVELS: Record<string, number[]> = {
  abc: [3, 5, 8, 11, 13, 15, 17, 19],
  arc: [11, 14, 16, 18, 20, 22],
  agc: [15, 18, 20, 22, 24, 26],
};

const EMOJI: Record<string, keyof typeof LEETCODE_LEVELS> = {
  '🟩': 'easy',
  '🟢': 'easy',
  '🟨': 'medium',
  '🟡': 'medium',
  '🟧': 'medium',
  '🟥': 'hard',
  '🔴': 'hard',
};

const KOREAN_WORDS: Record<string, keyof typeof LEETCODE_LEVELS> = { 쉬움: 'easy', 보통: 'medium', 어려움: 'hard' };

export function programmersLevel(lv: number): number {
  return Number.isInteger(lv) && lv >= 0 && lv <= 5 ? PROGRAMMERS_LEVELS[lv] : 0;
}

export function codeforcesLevel(rating: number): number {
  if (!Number.isFinite(rating) || rating < 800) return 0;
  const points = CODEFORCES_POINTS;
  if (rating >= points[points.length - 1][0]) return points[points.length - 1][1];
  for (let i = 1; i < points.length; i++) {
    const [r1, l1] = points[i];
    const [r0, l0] = points[i - 1];
    if (rating <= r1) return Math.round(l0 + ((rating - r0) / (r1 - r0)) * (l1 - l0));
  }
  return 0;
}

/** abc300_a → 3; arc150_c → 16; an 'ex' task of ABC is its 8th; other contests → 0. */
export function atcoderLevel(taskId: string): number {
  const m = /^(abc|arc|agc)\d+_([a-z]+)$/.exec(taskId.toLowerCase());
  if (!m) return 0;
  const index = m[2] === 'ex' ? 7 : m[2].length === 1 ? m[2].charCodeAt(0) - 97 : -1;
  return ATCODER_LEVELS[m[1]][index] ?? 0;
}

/** A coloured square or circle (🟩 🟨 🟥) found in `text`, as a level; 0 when there is none. */
export function emojiLevel(text: string): number {
  for (const [emoji, name] of Object.entries(EMOJI)) if (text.includes(emoji)) return LEETCODE_LEVELS[name];
  return 0;
}

/**
 * The level of what a list wrote as a problem's difficulty ('Lv. 2', 'level 2', 'Medium', '🟨', 'Gold IV', '1500',
 * '12'), read on `judge`'s scale. A bare number is a Codeforces rating on Codeforces, a solved.ac level (0–30) on
 * Baekjoon, a level (0–5) on Programmers. 0 when nothing is recognised.
 */
export function levelFromText(judge: JudgeKey | string, raw: string): number {
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`]/g, '')
    .trim();
  if (text === '') return 0;
  const lv = /^(?:lv|level|레벨)\.?\s*(\d)\b|\[level (\d)\]/i.exec(text);
  if (lv) return programmersLevel(Number(lv[1] ?? lv[2]));
  const word = /^(easy|medium|hard|쉬움|보통|어려움)\b/i.exec(text);
  if (word) return LEETCODE_LEVELS[KOREAN_WORDS[word[1]] ?? (word[1].toLowerCase() as keyof typeof LEETCODE_LEVELS)];
  const emoji = emojiLevel(text);
  if (emoji) return emoji;
  const tier = levelFromTierName(text);
  if (tier !== undefined) return tier;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (judge === 'cf') return codeforcesLevel(n);
    if (judge === 'programmers') return programmersLevel(n);
    if (judge === 'boj') return n <= 30 ? n : 0;
  }
  return 0;
}
