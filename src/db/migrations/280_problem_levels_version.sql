-- A counter of changes to problems' levels (a list import or a sync refining a difficulty). With plan_inputs'
-- attempts_version it tells, in one read, whether a learner's attempts as kept in memory (progress/attemptLog.ts) are
-- still what the database holds, whichever process wrote.
CREATE TABLE problem_levels_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO problem_levels_version (id, version) VALUES (1, 0);
CREATE TRIGGER problems_level_version AFTER UPDATE OF level ON problems WHEN OLD.level IS NOT NEW.level BEGIN
  UPDATE problem_levels_version SET version = version + 1 WHERE id = 1;
END;
