-- Catalog: imported curated lists. Problems are shared across lists and namespaced by judge ('boj:1260').
CREATE TABLE lists (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,              -- 'tony9402-baekjoon'
  name TEXT NOT NULL,
  source TEXT NOT NULL,                  -- base URL or directory it was last imported from
  version TEXT NOT NULL,                 -- content hash of what was parsed
  imported_at TEXT NOT NULL              -- ISO instant (UTC)
);

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  key TEXT NOT NULL,                     -- 'graph_traversal'
  name_en TEXT NOT NULL,
  name_ko TEXT NOT NULL,
  position INTEGER NOT NULL,
  UNIQUE (list_id, key)
);

CREATE TABLE problems (
  id TEXT PRIMARY KEY,                   -- '<judge>:<number>'
  judge TEXT NOT NULL,                   -- 'boj', 'programmers', 'cf', 'leetcode'
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  level INTEGER NOT NULL DEFAULT 0,      -- solved.ac level 0–30 (0 unrated)
  url TEXT,
  tags TEXT NOT NULL DEFAULT '[]',       -- JSON array of tag keys
  average_tries REAL
);

CREATE TABLE entries (
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  problem_id TEXT NOT NULL REFERENCES problems(id),
  position INTEGER NOT NULL,
  recommended INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (category_id, problem_id)
);
CREATE INDEX entries_problem ON entries(problem_id);

-- One row per import run, so the lists page can show progress and the last failure.
CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  done INTEGER NOT NULL DEFAULT 0,       -- files fetched so far
  total INTEGER NOT NULL DEFAULT 0,      -- files to fetch (0 while unknown)
  message TEXT NOT NULL DEFAULT '',      -- the failure line, or a summary
  summary TEXT,                          -- JSON of the import summary when succeeded
  started_at TEXT NOT NULL,
  finished_at TEXT
);

-- Learners: a learner's day is the calendar date in `timezone`.
CREATE TABLE learners (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT,                    -- 'scrypt$N$r$p$salt$hash'; NULL until a password is set
  is_admin INTEGER NOT NULL DEFAULT 0,
  timezone TEXT NOT NULL DEFAULT 'Asia/Seoul',
  language TEXT NOT NULL DEFAULT 'ko' CHECK (language IN ('ko', 'en')),
  exam_date TEXT,                        -- YYYY-MM-DD in the learner's time zone
  daily_minutes INTEGER NOT NULL DEFAULT 120 CHECK (daily_minutes >= 0),
  study_days TEXT NOT NULL DEFAULT '1234567', -- ISO weekdays studied (1 = Monday … 7 = Sunday)
  profile TEXT NOT NULL DEFAULT 'general',
  custom_weights TEXT,                   -- JSON { categoryKey: weight } overriding the profile's
  digest_enabled INTEGER NOT NULL DEFAULT 1,
  digest_time TEXT NOT NULL DEFAULT '21:00', -- HH:MM local
  unsubscribe_token TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  sid TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at INTEGER NOT NULL            -- epoch milliseconds
);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- One logged try. `day` is the learner-local date; NULL when an import could not date it.
CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  problem_id TEXT NOT NULL REFERENCES problems(id),
  day TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('solved', 'solved_slow', 'hint', 'failed')),
  minutes INTEGER CHECK (minutes IS NULL OR minutes >= 0),
  note TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT 'manual', -- 'manual', 'import:baekjoonhub', 'import:csv', 'sync:codeforces', 'plan'
  external_key TEXT,                     -- de-duplicates re-imports: same (learner, origin, key) is one attempt
  created_at TEXT NOT NULL,
  UNIQUE (learner_id, origin, external_key)
);
CREATE INDEX attempts_learner_day ON attempts(learner_id, day);
CREATE INDEX attempts_learner_problem ON attempts(learner_id, problem_id);

-- Today's plan, stored when first shown so it stays stable through the day.
CREATE TABLE plan_days (
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  items TEXT NOT NULL,                   -- JSON array of plan items
  created_at TEXT NOT NULL,
  PRIMARY KEY (learner_id, day)
);

-- One nightly email per learner per local day.
CREATE TABLE digests (
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,                  -- ISO instant of the next retry
  last_error TEXT,
  message_id TEXT,
  sent_at TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (learner_id, day)
);
