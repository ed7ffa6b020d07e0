-- Group webhooks (issue 24): where a group's daily posts go, when they go, and one delivery row per post.

-- A webhook URL is a secret (anyone holding it can post to the channel): pages show it masked, never whole.
CREATE TABLE group_webhooks (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES study_groups(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('discord', 'slack', 'generic')),
  created_at TEXT NOT NULL,
  UNIQUE (group_id, url)
);

-- A group's post settings; a group without a row posts both at the defaults (08:00 and 22:00 in the group's zone, Korean).
CREATE TABLE group_post_settings (
  group_id INTEGER PRIMARY KEY REFERENCES study_groups(id) ON DELETE CASCADE,
  morning_on INTEGER NOT NULL DEFAULT 1,
  morning_at TEXT NOT NULL DEFAULT '08:00',  -- HH:MM in the group's zone
  evening_on INTEGER NOT NULL DEFAULT 1,
  evening_at TEXT NOT NULL DEFAULT '22:00',
  lang TEXT NOT NULL DEFAULT 'ko' CHECK (lang IN ('ko', 'en'))
);

-- One row per (webhook, group day, kind): the claim that makes each post go out at most once across restarts and
-- processes. States as in `digests` (040): claimed → sending → sent; claimed → pending (retry later) → claimed …;
-- → failed. A stale 'sending' row (its sender died with the request in flight) becomes 'failed', never retried.
CREATE TABLE webhook_posts (
  webhook_id INTEGER NOT NULL REFERENCES group_webhooks(id) ON DELETE CASCADE,
  day TEXT NOT NULL,                     -- YYYY-MM-DD in the group's zone
  kind TEXT NOT NULL CHECK (kind IN ('morning', 'evening')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'claimed', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  sent_at TEXT,
  created_at TEXT NOT NULL,
  claim_id TEXT,
  claimed_at TEXT,
  PRIMARY KEY (webhook_id, day, kind)
);
CREATE INDEX webhook_posts_unfinished ON webhook_posts(status) WHERE status IN ('pending', 'claimed', 'sending');
