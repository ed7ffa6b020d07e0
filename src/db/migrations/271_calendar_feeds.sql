-- A learner's private calendar feed (issue 24): the token in its URL is the only credential, so it is long and random;
-- revoking deletes the row (the old URL answers 404 from then on) and turning it on again makes a new token.
CREATE TABLE calendar_feeds (
  learner_id INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
  token TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
