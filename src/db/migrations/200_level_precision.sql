-- How precise a problem's stored level is, so a later source only ever improves it (src/judges/difficulty.ts):
-- 0 no level, 1 a coarse band (Programmers Lv., LeetCode Easy/Medium/Hard, an emoji, an AtCoder task letter),
-- 2 one level on a fine scale (a solved.ac tier, a Codeforces rating).
ALTER TABLE problems ADD COLUMN level_precision INTEGER NOT NULL DEFAULT 0;

-- Levels stored before: Baekjoon levels came from solved.ac tiers and Codeforces levels from ratings (exact); the
-- other judges' from coarse forms.
UPDATE problems SET level_precision = CASE WHEN level <= 0 THEN 0 WHEN judge IN ('boj', 'cf') THEN 2 ELSE 1 END;
