-- Titles of off-list problems are the learner's own. A sync or an import names a problem no list has with the title
-- its source gave (a README's heading, a judge's API): that text is the learner's, never a fact another learner is
-- shown. The shared problems row of an off-list problem carries a neutral title (its id); each learner's own title is
-- kept here and read in place of it while the problem is off-list. A list that later includes the problem gives it
-- the list's title for everyone (problems.title, off_list = 0).
CREATE TABLE learner_problem_titles (
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  PRIMARY KEY (learner_id, problem_id)
);

-- Existing off-list titles came from whoever synced the problem first: they become that learner's own.
INSERT OR IGNORE INTO learner_problem_titles (learner_id, problem_id, title)
  SELECT a.learner_id, p.id, p.title FROM problems p
    JOIN attempts a ON a.id = (SELECT min(id) FROM attempts WHERE problem_id = p.id)
  WHERE p.off_list = 1 AND p.title <> p.id;
UPDATE problems SET title = id WHERE off_list = 1;
