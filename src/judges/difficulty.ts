import type { JudgeKey } from './judges.ts';

/**
 * Every judge's difficulty on the one scale the planner uses: solved.ac levels 1–30 (1–5 Bronze V–I, 6–10 Silver,
 * 11–15 Gold, 16–20 Platinum, 21–25 Diamond, 26–30 Ruby; 0 unrated). Any mapping between scales is judgement; this
 * is ours, chosen from the levels people commonly quote side by side (a Programmers Lv. 2 ≈ a Silver/low-Gold BOJ
 * problem, a Codeforces 1200 ≈ Silver I, an ABC C ≈ Silver III).
 *
 * The forms lists write difficulty in, and what each is read as. "exact" forms name one level on a fine scale;
 * "coarse" ones a band (a stored exact level is never replaced by a coarse one, see `mergeLevel`):
 *
 * | form                          | examples                                 | level                                    | precision |
 * | ----------------------------- | ---------------------------------------- | ---------------------------------------- | --------- |
 * | solved.ac tier, English       | Gold IV, gold 4, G4, Silver I            | as is (Bronze V = 1 … Ruby I = 30)       | exact     |
 * | solved.ac tier, Korean        | 실버 1, 골드 4, 브론즈 V, 플래티넘 III, 플레 2, 다이아 1, 루비 5 | as is                  | exact     |
 * | solved.ac tier image          | tier_small/12.svg, tier/12.svg           | the number (0–30)                        | exact     |
 * | bare number on Baekjoon       | 12                                       | the number (0–30)                        | exact     |
 * | Codeforces rating             | 1500, *1500, R1500, rating 1500          | linear between the points below          | exact     |
 * | Programmers level             | Lv. 2, Level 2, [level 2], 레벨 2, 2 on Programmers | Lv. 0 … 5 → 2 / 5 / 9 / 12 / 15 / 18 | coarse  |
 * | LeetCode word                 | Easy / Medium / Hard, 쉬움 / 보통 / 어려움 | 5 (B I) / 10 (S I) / 14 (G II)           | coarse    |
 * | LeetCode hearts               | 💚 / 🧡 💛 / ❤️ ♥️                        | as Easy / Medium / Hard                  | coarse    |
 * | coloured squares and circles  | 🟩 🟢 / 🟨 🟡 🟧 🟠 / 🟥 🔴                 | as Easy / Medium / Hard                  | coarse    |
 * | AtCoder task id (new)         | abc300_a … abc300_h (Ex), arc150_c       | ABC a–h 3 5 8 11 13 15 17 19; ARC a–f 11 14 16 18 20 22; AGC a–f 15 18 20 22 24 26 | coarse |
 * | AtCoder task id (old)         | abc002_4, arc004_1                       | task number n as the n-th letter above   | coarse    |
 *
 * Codeforces points (rating → level): 800→6, 1000→8, 1200→10, 1400→12, 1600→14, 1900→16, 2200→19, 2500→21,
 * 2800→24, 3100→26, 3500→30. Anything else (a missing rating, another contest's task, a word cote does not know)
 * stays 0: unrated, and the planner treats it as unrated.
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

/** 0: no level; 1: a coarse band (Lv., Easy, an emoji, a task letter); 2: one level on a fine scale (tier, rating). */
export type LevelPrecision = 0 | 1 | 2;
export const COARSE: LevelPrecision = 1;
export const EXACT: LevelPrecision = 2;

/** A level as read, with how precise its form was. */
export interface ReadLevel {
  level: number;
  precision: LevelPrecision;
}

const NONE: ReadLevel = { level: 0, precision: 0 };

// Hearts as LeetCode lists draw them; ❤ with or without the variation selector. Checked before the squares.
const EMOJI: [string, keyof typeof LEETCODE_LEVELS][] = [
  ['💚', 'easy'],
  ['🟩', 'easy'],
  ['🟢', 'easy'],
  ['🧡', 'medium'],
  ['💛', 'medium'],
  ['🟨', 'medium'],
  ['🟡', 'medium'],
  ['🟧', 'medium'],
  ['🟠', 'medium'],
  ['❤', 'hard'],
  ['♥', 'hard'],
  ['🟥', 'hard'],
  ['🔴', 'hard'],
];

const KOREAN_WORDS: Record<string, keyof typeof LEETCODE_LEVELS> = { 쉬움: 'easy', 보통: 'medium', 어려움: 'hard' };

/** solved.ac tier names in English and Korean (with the short forms people write), by tier index 0–5. */
const TIER_NAMES: [RegExp, number][] = [
  [/^(bronze|b|브론즈|브)$/i, 0],
  [/^(silver|s|실버|실)$/i, 1],
  [/^(gold|g|골드|골)$/i, 2],
  [/^(platinum|plat|p|플래티넘|플레티넘|플래|플레|플)$/i, 3],
  [/^(diamond|dia|d|다이아몬드|다이아|다)$/i, 4],
  [/^(ruby|r|루비|루)$/i, 5],
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/** Programmers Lv. 0–5 on the common scale; 0 for anything else. */
export function levelFromProgrammersLevel(lv: number): number {
  return Number.isInteger(lv) && lv >= 0 && lv <= 5 ? PROGRAMMERS_LEVELS[lv] : 0;
}

/** @deprecated the same as levelFromProgrammersLevel (kept for callers written before it). */
export const programmersLevel = levelFromProgrammersLevel;

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

/**
 * abc300_a → 3; arc150_c → 16; an 'ex' task of ABC is its 8th. Old ids number their tasks (abc002_4 is the 4th task,
 * as abc002_d would be; arc004_1 the 1st). Other contests → 0.
 */
export function atcoderLevel(taskId: string): number {
  const m = /^(abc|arc|agc)\d+_([a-z]+|\d)$/.exec(taskId.toLowerCase());
  if (!m) return 0;
  const task = m[2];
  const index =
    task === 'ex' ? 7 : /^\d$/.test(task) ? Number(task) - 1 : task.length === 1 ? task.charCodeAt(0) - 97 : -1;
  return ATCODER_LEVELS[m[1]][index] ?? 0;
}

/** A heart, coloured square or circle (💚 🧡 ❤️, 🟩 🟨 🟥) found in `text`, as a level; 0 when there is none. */
export function emojiLevel(text: string): number {
  for (const [emoji, name] of EMOJI) if (text.includes(emoji)) return LEETCODE_LEVELS[name];
  return 0;
}

/** 'Gold IV', 'gold 4', 'g4', '골드 4', '실버1', '브론즈 V', '플레 III' → the solved.ac level; undefined when unknown. */
export function levelFromTier(text: string): number | undefined {
  const t = text.trim();
  if (/^(unrated|언레이티드|unranked)$/i.test(t)) return 0;
  const m = /^(\p{L}+?)\s*(I{1,3}|IV|V|[1-5])$/iu.exec(t);
  if (!m) return undefined;
  const tier = TIER_NAMES.find(([re]) => re.test(m[1]));
  if (!tier) return undefined;
  const rank = /^\d$/.test(m[2]) ? Number(m[2]) : ROMAN.indexOf(m[2].toUpperCase()) + 1;
  return tier[1] * 5 + (6 - rank);
}

/** `tier_small/12.svg` (tony9402's pages) or `tier/12.svg` (solved.ac badges) in `text` → 12; undefined without one. */
export function tierImageLevel(text: string): number | undefined {
  const m = /\btier(?:_small)?\/(\d{1,2})\.svg/.exec(text);
  const level = m ? Number(m[1]) : -1;
  return level >= 0 && level <= 30 ? level : undefined;
}

/**
 * The level of what a list wrote as a problem's difficulty, read on `judge`'s scale, with its precision (see the
 * table above). A bare number is a Codeforces rating on Codeforces, a solved.ac level (0–30) on Baekjoon, a level
 * (0–5) on Programmers. Level 0 with precision 0 when nothing is recognised.
 */
export function readLevel(judge: JudgeKey | string, raw: string): ReadLevel {
  const image = tierImageLevel(raw);
  if (image !== undefined) return image > 0 ? { level: image, precision: EXACT } : NONE;
  const text = raw
    .replace(/<[^<>]*>/g, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return NONE;
  const lv = /^(?:lv|level|레벨)\.?\s*(\d)\b|\[level (\d)\]/i.exec(text);
  if (lv) return coarse(levelFromProgrammersLevel(Number(lv[1] ?? lv[2])));
  const word = /^(easy|medium|hard|쉬움|보통|어려움)(?![\p{L}\p{N}])/iu.exec(text);
  if (word)
    return coarse(LEETCODE_LEVELS[KOREAN_WORDS[word[1]] ?? (word[1].toLowerCase() as keyof typeof LEETCODE_LEVELS)]);
  const emoji = emojiLevel(text);
  if (emoji) return coarse(emoji);
  const tier = levelFromTier(text);
  if (tier !== undefined) return tier > 0 ? { level: tier, precision: EXACT } : NONE;
  const rating = /^(?:\*|r|rating:?\s*)?(\d{3,4})$/i.exec(text);
  if (judge === 'cf' && rating) return exact(codeforcesLevel(Number(rating[1])));
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (judge === 'programmers') return coarse(levelFromProgrammersLevel(n));
    if (judge === 'boj') return exact(n <= 30 ? n : 0);
  }
  return NONE;
}

/** `readLevel(judge, raw).level`: the level alone. */
export function levelFromText(judge: JudgeKey | string, raw: string): number {
  return readLevel(judge, raw).level;
}

/** What a problem's id alone says of its level (AtCoder task letters): coarse, or nothing. */
export function levelFromId(id: string): ReadLevel {
  const colon = id.indexOf(':');
  if (id.slice(0, colon) !== 'atcoder') return NONE;
  return coarse(atcoderLevel(id.slice(colon + 1)));
}

/** The precision a judge's own data has (a synced Codeforces rating or a BaekjoonHub tier is exact). */
export function judgePrecision(judge: string, level: number): LevelPrecision {
  if (!(level > 0)) return 0;
  return judge === 'boj' || judge === 'cf' ? EXACT : COARSE;
}

/**
 * A problem's level once a new source has spoken: a source without a level never erases one; a more precise form
 * wins over a coarser one; on equal precision the new source wins (a list's own update). `conflict` is set when a
 * differing new level was ignored because the stored one is more precise.
 */
export function mergeLevel(stored: ReadLevel, incoming: ReadLevel): ReadLevel & { conflict: boolean } {
  if (!(incoming.level > 0)) return { ...stored, conflict: false };
  if (!(stored.level > 0) || incoming.precision >= stored.precision) return { ...incoming, conflict: false };
  return { ...stored, conflict: incoming.level !== stored.level };
}

function coarse(level: number): ReadLevel {
  return level > 0 ? { level, precision: COARSE } : NONE;
}

function exact(level: number): ReadLevel {
  return level > 0 ? { level, precision: EXACT } : NONE;
}
