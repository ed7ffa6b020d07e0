-- What the learner did to today's stored list besides logging: skipped or swapped-out problems (JSON array of
-- problem ids, not offered again that day) and the minutes of "less time today" (NULL: the usual budget).
ALTER TABLE plan_days ADD COLUMN skipped TEXT NOT NULL DEFAULT '[]';
ALTER TABLE plan_days ADD COLUMN minutes_today INTEGER CHECK (minutes_today IS NULL OR minutes_today >= 0);
