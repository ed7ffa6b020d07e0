import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';
import { planFingerprint } from '../../src/plans/planFingerprint.ts';
import { planInputSettings } from '../../src/plans/planInputs.ts';
import { planInputFor } from '../../src/plans/planService.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
const DAY = '2026-11-28';

describe('plan inputs built once: the planner and the fingerprint read one object', () => {
  let t: ReturnType<typeof testDeps>;
  let mina: Learner;
  beforeEach(async () => {
    t = testDeps({ SMTP_URL: '' });
    await importList(t.deps.db, LIST, { now: () => new Date('2026-11-01T00:00:00Z') });
    mina = seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-28', profile: 'samsung' });
  });
  afterEach(() => t.cleanup());

  const weights = (implementation: number) => ({ implementation, simulation: 100 - implementation });
  const as = (profile: string, customWeights: Record<string, number> | null): Learner => ({
    ...mina,
    profile,
    customWeights,
  });
  const full = (learner: Learner) => planFingerprint(t.deps.db, learner, DAY).full;

  it('custom profile – its weights reach the planner, and changing them changes the fingerprint', () => {
    const a = as('custom', weights(80));
    const b = as('custom', weights(20));
    expect(planInputSettings(t.deps.db, a).customWeights).to.deep.equal(weights(80));
    expect(planInputFor(t.deps.db, a, DAY, undefined).settings.customWeights).to.deep.equal(weights(80));
    expect(full(a)).not.to.equal(full(b));
  });

  it('another profile with weights stored from before – the planner gets none, and they do not move the fingerprint', () => {
    const a = as('samsung', weights(80));
    const b = as('samsung', weights(20));
    expect(planInputSettings(t.deps.db, a).customWeights).to.equal(null);
    expect(planInputFor(t.deps.db, a, DAY, undefined).settings.customWeights).to.equal(null);
    expect(full(a)).to.equal(full(b));
    expect(full(a), 'the profile itself does').not.to.equal(full(as('kakao', weights(80))));
  });

  it('the language reaches the planner but not the fingerprint (reasons are rendered per viewer)', () => {
    const ko = { ...mina, language: 'ko' as const };
    expect(planInputFor(t.deps.db, ko, DAY, undefined).settings.lang).to.equal('ko');
    expect(full(ko)).to.equal(full(mina));
  });
});
