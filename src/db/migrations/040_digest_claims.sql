-- Digest delivery states. 'claimed': a sender owns the row and has not handed the message to the transport yet
-- (safe to take over once the claim is stale). 'sending': handed to the transport; a crash here leaves it unknown
-- whether the message arrived, so a stale 'sending' row becomes 'failed' and is never retried (at most once).
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt (nothing references it).
CREATE TABLE digests_new (
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'claimed', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,                  -- ISO instant of the next retry (status 'pending')
  last_error TEXT,
  message_id TEXT,
  sent_at TEXT,
  created_at TEXT NOT NULL,
  claim_id TEXT,                         -- random id of the sender holding the claim
  claimed_at TEXT,                       -- ISO instant the claim was taken or the message handed over
  PRIMARY KEY (learner_id, day)
);
INSERT INTO digests_new (learner_id, day, status, attempts, next_attempt_at, last_error, message_id, sent_at, created_at)
  SELECT learner_id, day, status, attempts, next_attempt_at, last_error, message_id, sent_at, created_at FROM digests;
DROP TABLE digests;
ALTER TABLE digests_new RENAME TO digests;
CREATE INDEX digests_unfinished ON digests(status) WHERE status IN ('pending', 'claimed', 'sending');
