import { expect } from 'chai';
import { dueDay, retryAt, RETRY_MINUTES } from '../../src/digest/schedule.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

const learner = (over: Partial<Learner> = {}): Learner => ({
  id: 1,
  login: 'ana',
  name: 'Ana',
  email: 'ana@example.test',
  isAdmin: false,
  timezone: 'Asia/Seoul',
  language: 'en',
  examDate: null,
  dailyMinutes: 120,
  studyDays: [1, 2, 3, 4, 5, 6, 7],
  profile: 'general',
  customWeights: null,
  digestEnabled: true,
  digestTime: '21:00',
  unsubscribeToken: 't',
  createdAt: '2026-11-01T00:00:00Z',
  ...over,
});

describe('digest schedule', () => {
  const cases: [string, Partial<Learner>, string, string | undefined][] = [
    ['Seoul, 20:59 local', {}, '2026-11-28T11:59:00Z', undefined],
    ['Seoul, 21:00 local', {}, '2026-11-28T12:00:00Z', '2026-11-28'],
    ['Seoul, 23:59 local (still the same day)', {}, '2026-11-28T14:59:00Z', '2026-11-28'],
    ['Seoul, 00:10 local the next day (before 21:00 again)', {}, '2026-11-28T15:10:00Z', undefined],
    [
      'New York, 21:00 EST is 02:00 UTC the next day',
      { timezone: 'America/New_York' },
      '2026-11-29T02:00:00Z',
      '2026-11-28',
    ],
    [
      'New York in summer, 21:00 EDT is 01:00 UTC',
      { timezone: 'America/New_York' },
      '2026-07-02T01:00:00Z',
      '2026-07-01',
    ],
    ['digest time 07:30, at 07:30 local', { digestTime: '07:30' }, '2026-11-27T22:30:00Z', '2026-11-28'],
    ['switched off', { digestEnabled: false }, '2026-11-28T13:00:00Z', undefined],
    ['no email address', { email: '  ' }, '2026-11-28T13:00:00Z', undefined],
  ];
  for (const [name, over, at, expected] of cases) {
    it(`dueDay() – ${name} – ${expected ?? 'not due'}`, () => {
      expect(dueDay(learner(over), new Date(at))).to.equal(expected);
    });
  }

  it('retryAt() – after tries 1–4 waits 2, 5, 15, 30 minutes; after the 5th gives up', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const waits = [1, 2, 3, 4, 5]
      .map((n) => retryAt(n, now))
      .map((d) => (d ? (d.getTime() - now.getTime()) / 60_000 : undefined));
    expect(waits).to.deep.equal([...RETRY_MINUTES, undefined]);
    expect(RETRY_MINUTES).to.deep.equal([2, 5, 15, 30]);
  });
});
