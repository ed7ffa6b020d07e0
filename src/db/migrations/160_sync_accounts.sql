-- Where a learner's solves come from by themselves (issue 13): one row per configured account. `source` is
-- 'codeforces' (handle), 'leetcode' (username), 'solvedac' (handle) or 'git' (a public repository URL, any number).
-- The row also holds the account's sync status, so the accounts page can say when it last worked, what failed last
-- (code + params, worded in the reader's language; `last_error` is the English line the CLI prints) and when next.
CREATE TABLE sync_accounts (
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('codeforces', 'leetcode', 'solvedac', 'git')),
  handle TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,    -- order of the repositories as the learner wrote them
  last_success_at TEXT,                  -- ISO instant of the last sync that worked
  last_counts TEXT,                      -- JSON { fetched, imported, skipped, days } of that sync
  last_error_at TEXT,
  last_error TEXT,
  last_error_code TEXT,
  last_error_params TEXT,                -- JSON object
  running_since TEXT,                    -- ISO instant a sync of this account started; NULL when none runs
  nightly_day TEXT,                      -- the learner-local day of the last nightly run (once a night)
  created_at TEXT NOT NULL,
  PRIMARY KEY (learner_id, source, handle)
);

-- Off-list problems: a sync records a learner's solve of a problem that is on no imported list (most of a
-- Codeforces or BaekjoonHub history). Attempts need a problems row, so the row is made with off_list = 1; it is in
-- no list (no entries), so lists, the checklist and the planner's catalog never show it, while history, streaks and
-- the digest (which read attempts) count it. A list that later includes the problem makes it an ordinary one
-- (saveProblem sets off_list = 0). Which learners have it is in their attempts.
ALTER TABLE problems ADD COLUMN off_list INTEGER NOT NULL DEFAULT 0;
