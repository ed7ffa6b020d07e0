-- The plan once per learner and change (issue 10). A page view compares a fingerprint of the plan's inputs with the
-- stored one and runs the planner only when they differ.

-- Per learner, how often their attempts changed: every insert, edit and delete bumps `attempts_version`, whatever
-- wrote it (pages, CLI, imports, sync), so the fingerprint is one primary-key read. `imports_version` counts attempts
-- that came from an import or a sync (origin 'import:*' / 'sync:*'): they rebuild today's stored list.
CREATE TABLE plan_inputs (
  learner_id INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
  attempts_version INTEGER NOT NULL DEFAULT 0,
  imports_version INTEGER NOT NULL DEFAULT 0
);
INSERT INTO plan_inputs (learner_id, attempts_version, imports_version)
  SELECT learner_id, count(*), 0 FROM attempts GROUP BY learner_id;

CREATE TRIGGER attempts_insert_plan_inputs AFTER INSERT ON attempts BEGIN
  INSERT INTO plan_inputs (learner_id, attempts_version, imports_version)
    VALUES (NEW.learner_id, 1, NEW.origin GLOB 'import:*' OR NEW.origin GLOB 'sync:*')
    ON CONFLICT (learner_id) DO UPDATE SET attempts_version = attempts_version + 1,
      imports_version = imports_version + excluded.imports_version;
END;
CREATE TRIGGER attempts_update_plan_inputs AFTER UPDATE ON attempts BEGIN
  UPDATE plan_inputs SET attempts_version = attempts_version + 1 WHERE learner_id IN (OLD.learner_id, NEW.learner_id);
END;
CREATE TRIGGER attempts_delete_plan_inputs AFTER DELETE ON attempts BEGIN
  UPDATE plan_inputs SET attempts_version = attempts_version + 1 WHERE learner_id = OLD.learner_id;
END;

-- The learner's latest plan and the fingerprint of what it was computed from. `list_inputs` is the part of the
-- fingerprint that rebuilds today's list when it changes (settings, catalog, imports); `plan` is the Plan as JSON,
-- raw-DEFLATE compressed (a 60-day plan is ~45 KB of JSON, ~5 KB stored: 10,000 learners stay ~50 MB).
CREATE TABLE learner_plans (
  learner_id INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
  computed_for_day TEXT NOT NULL,        -- the learner-local day the plan starts on
  list_inputs TEXT NOT NULL,
  inputs_fingerprint TEXT NOT NULL,
  plan BLOB NOT NULL,
  computed_at TEXT NOT NULL              -- ISO instant
);

-- Today's stored list: `version` counts changes after it was stored (skip, swap, less time, a rebuild);
-- `list_inputs` is the list part of the fingerprint it was built from (NULL: stored before this migration).
ALTER TABLE plan_days ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_days ADD COLUMN list_inputs TEXT;
