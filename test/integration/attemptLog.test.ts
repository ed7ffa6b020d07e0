import path from 'node:path';
import { expect } from 'chai';
import { openDatabase, type Db } from '../../src/db/connection.ts';
import { attemptLog, attemptLogVersion, KEPT_LEARNERS, keepRecordedAttempt } from '../../src/progress/attemptLog.ts';
import { deleteAttempt, recordAttempt, updateAttempt } from '../../src/progress/attemptRepository.ts';
import { ensureProblem } from '../../src/catalog/problemRepository.ts';
import { tempDataDir } from '../support/app.ts';
import { seedLearner, seedProblems } from '../support/progress.ts';

/** What the database holds, read fresh: the log must always equal it. */
function fresh(db: Db, learnerId: number) {
  return db
    .prepare(
      `SELECT a.id, a.problem_id AS problem, a.day, a.outcome, a.minutes, a.origin, p.level
         FROM attempts a JOIN problems p ON p.id = a.problem_id
        WHERE a.learner_id = ? ORDER BY a.day IS NOT NULL, a.day, a.id`,
    )
    .all(learnerId);
}

describe('attempt log: a learner attempts kept in memory, always what the database holds', () => {
  let data: ReturnType<typeof tempDataDir>;
  let db: Db;
  let learnerId: number;
  const solve = (problemId: string, day: string | null, outcome: 'solved' | 'failed' = 'solved') =>
    recordAttempt(db, { learnerId, problemId, day, outcome, createdAt: '2026-11-28T03:00:00Z' });

  beforeEach(() => {
    data = tempDataDir();
    db = openDatabase(path.join(data.dir, 'cote.db'));
    seedProblems(db);
    learnerId = seedLearner(db, 'ana').id;
    solve('boj:1000', '2026-11-20');
    solve('boj:1260', '2026-11-25', 'failed');
  });
  afterEach(() => {
    db.close();
    data.cleanup();
  });

  it('attemptLog() – nothing written in between – the same frozen array, not read again', () => {
    const first = attemptLog(db, learnerId);
    expect(first).to.deep.equal(fresh(db, learnerId));
    expect(attemptLog(db, learnerId)).to.equal(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).to.equal(true);
  });

  it('recordAttempt() – today, back-dated and undated solves – kept in the log in order, equal to a fresh read', () => {
    const before = attemptLog(db, learnerId);
    solve('boj:17453', '2026-11-28');
    solve('boj:1260', '2026-11-22');
    solve('boj:1000', null);
    const after = attemptLog(db, learnerId);
    expect(after).to.not.equal(before);
    expect(after).to.deep.equal(fresh(db, learnerId));
    expect(after.map((a) => a.day)).to.deep.equal([null, '2026-11-20', '2026-11-22', '2026-11-25', '2026-11-28']);
  });

  it('an edit, a delete and another process writing (the CLI) – each seen on the next read', () => {
    const other = openDatabase(path.join(data.dir, 'cote.db'));
    try {
      attemptLog(db, learnerId);
      recordAttempt(other, { learnerId, problemId: 'boj:17453', day: '2026-11-27', outcome: 'hint', createdAt: 'x' });
      expect(attemptLog(db, learnerId)).to.deep.equal(fresh(db, learnerId));
      const [first] = attemptLog(db, learnerId).filter((a) => a.day === '2026-11-20');
      updateAttempt(other, learnerId, first.id, { day: '2026-11-26', outcome: 'failed', minutes: 40, note: '' });
      expect(attemptLog(db, learnerId)).to.deep.equal(fresh(db, learnerId));
      deleteAttempt(db, learnerId, first.id);
      expect(attemptLog(db, learnerId)).to.deep.equal(fresh(db, learnerId));
      expect(attemptLog(db, learnerId).some((a) => a.id === first.id)).to.equal(false);
    } finally {
      other.close();
    }
  });

  it('another process commits between the version read and this insert – the kept log is read again, not patched', () => {
    const other = openDatabase(path.join(data.dir, 'cote.db'));
    try {
      attemptLog(db, learnerId);
      const before = attemptLogVersion(db, learnerId);
      recordAttempt(other, { learnerId, problemId: 'boj:17453', day: '2026-11-27', outcome: 'hint', createdAt: 'x' });
      const mine = db
        .prepare(
          "INSERT INTO attempts (learner_id, problem_id, day, outcome, origin, created_at) VALUES (?, 'boj:1000', '2026-11-28', 'solved', 'manual', 'x')",
        )
        .run(learnerId);
      const attempt = {
        id: Number(mine.lastInsertRowid),
        problem: 'boj:1000',
        day: '2026-11-28',
        outcome: 'solved' as const,
        minutes: null,
        origin: 'manual',
        level: 1,
      };
      keepRecordedAttempt(db, before, attempt, learnerId);
      expect(attemptLog(db, learnerId)).to.deep.equal(fresh(db, learnerId));
    } finally {
      other.close();
    }
  });

  it('a problem level refined by a list import or a sync – the log carries the new level', () => {
    expect(attemptLog(db, learnerId).find((a) => a.problem === 'boj:1000')?.level).to.equal(1);
    db.prepare('UPDATE problems SET level = 5 WHERE id = ?').run('boj:1000');
    expect(attemptLog(db, learnerId).find((a) => a.problem === 'boj:1000')?.level).to.equal(5);
  });

  it('a solve rolled back, then another logged – the log holds the second, never the rolled-back one', () => {
    attemptLog(db, learnerId);
    try {
      db.transaction(() => {
        solve('boj:17453', '2026-11-28');
        // Read inside the transaction: it sees the uncommitted solve, which must not be kept.
        expect(attemptLog(db, learnerId).some((a) => a.problem === 'boj:17453')).to.equal(true);
        throw new Error('form refused');
      })();
    } catch (error) {
      expect((error as Error).message).to.equal('form refused');
    }
    solve('boj:1260', '2026-11-28');
    const log = attemptLog(db, learnerId);
    expect(log).to.deep.equal(fresh(db, learnerId));
    expect(log.some((a) => a.problem === 'boj:17453')).to.equal(false);
  });

  it('more learners than it keeps – the oldest used is dropped and read again correctly', () => {
    ensureProblem(db, { id: 'boj:2000', title: 'x', level: 3 });
    const ids = Array.from({ length: KEPT_LEARNERS + 2 }, (_, i) => seedLearner(db, `l${i}`).id);
    for (const id of ids)
      recordAttempt(db, { learnerId: id, problemId: 'boj:2000', day: '2026-11-01', outcome: 'solved', createdAt: 'x' });
    const first = attemptLog(db, ids[0]);
    for (const id of ids.slice(1)) attemptLog(db, id);
    const again = attemptLog(db, ids[0]);
    expect(again).to.not.equal(first);
    expect(again).to.deep.equal(fresh(db, ids[0]));
  });
});
