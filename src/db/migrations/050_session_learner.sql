-- The learner a stored session is logged in as (NULL: an anonymous session, e.g. one holding a login form's CSRF
-- token). It lets a password change end the learner's other sessions and bounds how many anonymous ones are kept.
ALTER TABLE sessions ADD COLUMN learner_id INTEGER REFERENCES learners(id) ON DELETE CASCADE;
UPDATE sessions SET learner_id = json_extract(data, '$.learnerId') WHERE json_valid(data);
CREATE INDEX sessions_learner ON sessions(learner_id, expires_at);
