-- Study groups (issue 14). A group optionally shares an exam date, an exam profile and lists with its members: a
-- member's own value wins where they set one (see src/groups/inherit.ts). The table is not called `groups`: GROUPS is
-- an SQL keyword (window frames).
CREATE TABLE study_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  exam_date TEXT,                        -- YYYY-MM-DD; NULL: no shared exam date
  profile TEXT,                          -- 'general', 'samsung', 'kakao'; NULL: no shared profile
  plan_lists TEXT,                       -- JSON array of list keys; NULL: no shared lists
  created_at TEXT NOT NULL
);

-- A learner belongs to at most one group: learner_id is UNIQUE, so a second membership is refused by the database
-- itself whatever the code checks first.
CREATE TABLE group_members (
  group_id INTEGER NOT NULL REFERENCES study_groups(id) ON DELETE CASCADE,
  learner_id INTEGER NOT NULL UNIQUE REFERENCES learners(id) ON DELETE CASCADE,
  hidden INTEGER NOT NULL DEFAULT 0,     -- 1: left out of the board (and of what other members see)
  digest_section INTEGER NOT NULL DEFAULT 1, -- 0: no group section in this member's nightly email
  joined_at TEXT NOT NULL,
  PRIMARY KEY (group_id, learner_id)
);

-- The group's daily mission, stored when first needed so it stays the same through the day.
CREATE TABLE group_missions (
  group_id INTEGER NOT NULL REFERENCES study_groups(id) ON DELETE CASCADE,
  day TEXT NOT NULL,                     -- YYYY-MM-DD (the members' local day)
  problems TEXT NOT NULL,                -- JSON array of { problem, category }
  created_at TEXT NOT NULL,
  PRIMARY KEY (group_id, day)
);
