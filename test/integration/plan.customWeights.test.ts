import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { planCommand } from '../../src/plans/planCommand.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');

// Custom weights steer the plan only while the profile is 'custom': a learner who saved weights and then chose an exam
// profile is planned by that profile, exactly like a learner who never saved any.
describe('plan inputs – custom weights only while custom', () => {
  let t: ReturnType<typeof testDeps>;
  const settings = { examDate: '2026-12-20', dailyMinutes: '90', profile: 'samsung', studyDays: '1234567' };
  const setWeights = (login: string, weights: Record<string, number>, profile: string) =>
    t.deps.db
      .prepare('UPDATE learners SET custom_weights = ?, profile = ? WHERE login = ?')
      .run(JSON.stringify(weights), profile, login);
  // A day other than the real today plans without storing anything.
  const problems = (login: string) =>
    planCommand(t.deps.db, login, '2026-11-30', t.deps.now())
      .days.flatMap((d) => d.items)
      .map((i) => i.problem);

  beforeEach(async () => {
    t = testDeps({}, new Date('2026-11-28T03:00:00Z'));
    await importList(t.deps.db, LIST);
    seedLearner(t.deps.db, 'mina', settings);
    seedLearner(t.deps.db, 'jun', settings);
  });
  afterEach(() => t.cleanup());

  it('weights saved, then the samsung profile chosen – the same plan as a samsung learner who never saved weights', () => {
    const onlyImplementation = { graph_traversal: 0, simulation: 0, implementation: 1 };
    setWeights('mina', onlyImplementation, 'custom');
    const custom = problems('mina');
    setWeights('mina', onlyImplementation, 'samsung');
    expect(problems('mina')).to.deep.equal(problems('jun'));
    expect(custom, 'the weights do steer a custom plan').not.to.deep.equal(problems('jun'));
  });
});
