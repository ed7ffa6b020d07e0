import { expect } from 'chai';
import { attemptsFrom } from '../../src/sync/solves.ts';
import type { Submission } from '../../src/sync/types.ts';

const sub = (id: string, iso: string | Date, verdict: Submission['verdict'] = 'accepted'): Submission => ({
  problem: { id, title: id, level: 0 },
  at: typeof iso === 'string' ? new Date(iso) : iso,
  verdict,
});

describe('sync: submissions to attempts (attemptsFrom)', () => {
  const zone = 'Asia/Seoul';
  const today = '2026-03-02';

  it('per problem: one solve per local day; a problem never accepted fails on its latest day; the latest title wins', () => {
    const { attempts, refused } = attemptsFrom(
      [
        sub('cf:1A', '2026-03-01T14:50:00Z'), // 23:50 KST 03-01
        sub('cf:1A', '2026-03-01T15:10:00Z'), // 00:10 KST 03-02
        sub('cf:1A', '2026-03-01T14:40:00Z'),
        sub('cf:4A', '2026-02-20T03:00:00Z', 'rejected'),
        {
          ...sub('cf:4A', '2026-02-25T03:00:00Z', 'rejected'),
          problem: { id: 'cf:4A', title: 'Watermelon', level: 3 },
        },
      ],
      zone,
      today,
    );
    expect(refused).to.deep.equal([]);
    expect(attempts.map((a) => `${a.key} ${a.problem.title}`)).to.deep.equal([
      'cf:1A|2026-03-01|solved cf:1A',
      'cf:1A|2026-03-02|solved cf:1A',
      'cf:4A|2026-02-25|failed Watermelon',
    ]);
  });

  it('times: no date, 1970, before 2000, year 9999 and past tomorrow are refused one by one; tomorrow waits; today counts', () => {
    const { attempts, refused } = attemptsFrom(
      [
        sub('cf:1A', new Date(Number.NaN)),
        sub('cf:2A', '1970-01-01T00:00:01Z'),
        sub('cf:3A', '1999-12-31T12:00:00Z'),
        sub('cf:4A', '9999-12-31T00:00:00Z'),
        sub('cf:5A', '2026-03-04T03:00:00Z'),
        sub('cf:6A', '2026-03-03T03:00:00Z'),
        sub('cf:7A', '2026-03-02T03:00:00Z'),
        sub('cf:8A', '2000-01-01T03:00:00Z'),
      ],
      zone,
      today,
    );
    expect(refused.map((r) => r.problem)).to.deep.equal(['cf:1A', 'cf:2A', 'cf:3A', 'cf:4A', 'cf:5A']);
    expect(attempts.map((a) => a.key)).to.deep.equal(['cf:7A|2026-03-02|solved', 'cf:8A|2000-01-01|solved']);
  });

  it('40,000 submissions of one problem on distinct days – every day kept once (grouping is one pass)', () => {
    const start = Date.parse('2010-01-01T03:00:00Z');
    const many = Array.from({ length: 40_000 }, (_, i) => sub('boj:1000', new Date(start + (i % 5000) * 86_400_000)));
    const { attempts } = attemptsFrom(many, zone, today);
    expect(attempts).to.have.length(5000);
    expect(new Set(attempts.map((a) => a.key)).size).to.equal(5000);
  });
});
