import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { seedLearner, seedProblems } from '../support/progress.ts';
import { attemptsForLearner, recordAttempt } from '../../src/progress/attemptRepository.ts';
import type { Outcome } from '../../src/progress/outcomes.ts';
import { storeSync } from '../../src/sync/storeSync.ts';
import type { SyncAttempt } from '../../src/sync/solves.ts';

// A solve is never counted twice, and a sync never hides a solve behind a failure logged the same day.
describe('storeSync – an attempt of the same problem on the same day from elsewhere', () => {
  let t: ReturnType<typeof testDeps>;
  let learnerId: number;
  const now = new Date('2026-03-02T03:00:00Z');
  const problem = { id: 'boj:1000', title: 'A+B', level: 1 };
  const synced = (outcome: SyncAttempt['outcome']): SyncAttempt => ({
    problem,
    day: '2026-03-02',
    outcome,
    key: `cf:1000:2026-03-02:${outcome}`,
  });
  const byHand = (outcome: Outcome) =>
    recordAttempt(t.deps.db, {
      learnerId,
      problemId: problem.id,
      day: '2026-03-02',
      outcome,
      createdAt: now.toISOString(),
    });
  const outcomes = () => attemptsForLearner(t.deps.db, learnerId).map((a) => `${a.origin}:${a.outcome}`);

  beforeEach(() => {
    t = testDeps({}, now);
    seedProblems(t.deps.db);
    learnerId = seedLearner(t.deps.db, 'mina').id;
  });
  afterEach(() => t.cleanup());

  it('a synced solve – the day holds only a failure logged by hand – the solve is imported', () => {
    byHand('failed');
    expect(storeSync(t.deps.db, learnerId, 'sync:codeforces', [synced('solved')], now)).to.deep.equal({
      imported: 1,
      skipped: 0,
      days: 1,
      onList: 1,
      offList: 0,
    });
    expect(outcomes()).to.have.members(['manual:failed', 'sync:codeforces:solved']);
  });

  it('a synced solve – the day holds a solve logged by hand – skipped (never counted twice)', () => {
    byHand('solved');
    expect(storeSync(t.deps.db, learnerId, 'sync:codeforces', [synced('solved')], now).skipped).to.equal(1);
    expect(outcomes()).to.deep.equal(['manual:solved']);
  });

  it('a synced failure – the day holds any attempt (here a solve) – skipped', () => {
    byHand('solved');
    expect(storeSync(t.deps.db, learnerId, 'sync:codeforces', [synced('failed')], now).skipped).to.equal(1);
    expect(outcomes()).to.deep.equal(['manual:solved']);
  });
});
