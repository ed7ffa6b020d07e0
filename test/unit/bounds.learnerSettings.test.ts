import { expect } from 'chai';
import { AppError } from '../../src/errors.ts';
import { DEFAULT_SETTINGS, parseLearnerSettings } from '../../src/learners/learnerSettings.ts';
import { plan } from '../../src/planner/index.ts';
import { addDays } from '../../src/day.ts';
import { input, mixedCatalog } from './planner-support.ts';

// 2026-11-27 20:00 UTC is 2026-11-28 in Seoul and still 2026-11-27 in New York.
const NOW = new Date('2026-11-27T20:00:00Z');

function refusal(raw: Record<string, unknown>, base = DEFAULT_SETTINGS): AppError {
  try {
    parseLearnerSettings(raw, base, NOW);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

describe('parseLearnerSettings() – every date and number is bounded', () => {
  it('exam date – at most 730 days after the learner’s local today; 9999-12-31 is refused naming the field', () => {
    expect(parseLearnerSettings({ examDate: '2028-11-27' }, DEFAULT_SETTINGS, NOW).examDate).to.equal('2028-11-27');
    const far = refusal({ examDate: '9999-12-31' });
    expect(far).to.deep.include({ code: 'learner.exam_too_far', status: 422 });
    expect(far.message).to.equal('exam date 9999-12-31 is more than 730 days ahead (latest 2028-11-27)');
    expect(refusal({ examDate: '2028-11-28' }).code).to.equal('learner.exam_too_far');
    // New York's today is a day earlier, so its latest day is too.
    expect(refusal({ examDate: '2028-11-27', timezone: 'America/New_York' }).params).to.deep.include({
      latest: '2028-11-26',
    });
  });

  it('exam date – a past date is refused when set, but a stored past date may be kept or cleared', () => {
    const past = refusal({ examDate: '2026-11-27' });
    expect(past).to.deep.include({ code: 'learner.exam_past', status: 422 });
    expect(past.message).to.equal('exam date 2026-11-27 is in the past (today is 2026-11-28)');
    expect(parseLearnerSettings({ examDate: '2026-11-28' }, DEFAULT_SETTINGS, NOW).examDate).to.equal('2026-11-28');
    const stored = { ...DEFAULT_SETTINGS, examDate: '2026-10-01' };
    expect(parseLearnerSettings({ examDate: '2026-10-01', name: 'Mina' }, stored, NOW).examDate).to.equal('2026-10-01');
    expect(parseLearnerSettings({ examDate: '' }, stored, NOW).examDate).to.equal(null);
    expect(refusal({ examDate: '2026-10-02' }, stored).code).to.equal('learner.exam_past');
    // A stored date that is too far is not kept: the form says what to fix.
    expect(refusal({ name: 'Mina' }, { ...DEFAULT_SETTINGS, examDate: '9999-12-31' }).code).to.equal(
      'learner.exam_too_far',
    );
  });

  it('daily budget – whole minutes 0–720; more, fractions, exponents and signs are refused', () => {
    expect(parseLearnerSettings({ dailyMinutes: '720' }, DEFAULT_SETTINGS, NOW).dailyMinutes).to.equal(720);
    expect(parseLearnerSettings({ dailyMinutes: '0' }, DEFAULT_SETTINGS, NOW).dailyMinutes).to.equal(0);
    for (const value of ['721', '1440', '1e3', '-1', '12.5', '', ' ', '0x10']) {
      expect(refusal({ dailyMinutes: value }).code, value).to.equal('learner.invalid_budget');
    }
  });

  it('study days – at most seven values; time zone – a bounded name', () => {
    expect(refusal({ studyDays: Array.from({ length: 5000 }, () => '1') }).code).to.equal(
      'learner.too_many_study_days',
    );
    expect(parseLearnerSettings({ studyDays: ['1', '3', '5'] }, DEFAULT_SETTINGS, NOW).studyDays).to.deep.equal([
      1, 3, 5,
    ]);
    expect(refusal({ timezone: `Asia/${'x'.repeat(5000)}` }).code).to.equal('learner.invalid_timezone');
  });
});

describe('plan() – the horizon is bounded whatever the stored exam date', () => {
  const catalog = mixedCatalog();

  it('exam 800 days ahead – plans 730 days and says so', () => {
    const p = plan(input(catalog, {}, { examDate: addDays('2026-11-28', 800) }));
    expect(p.days).to.have.length(730);
    expect(p.exam).to.equal(addDays('2026-11-28', 800));
    expect(p.notice?.code).to.equal('exam_far');
    expect(p.notice?.code).to.equal('exam_far');
    expect(p.notice?.params.days).to.equal(730);
  });

  it('exam 730 days ahead – planned to the exam without a notice', () => {
    const p = plan(input(catalog, {}, { examDate: addDays('2026-11-28', 730) }));
    expect(p.days).to.have.length(730);
    expect(p.notice).to.equal(undefined);
  });
});
