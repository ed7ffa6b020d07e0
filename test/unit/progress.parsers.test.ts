import { expect } from 'chai';
import {
  hubSubmissionDay,
  parseHubReadme,
  parseKoreanDate,
  type HubRecord,
} from '../../src/progress/imports/baekjoonHubReadme.ts';
import { parseAttemptCsv } from '../../src/progress/imports/attemptCsv.ts';
import { readCsv } from '../../src/progress/imports/csv.ts';
import { parseAttemptFields } from '../../src/progress/attemptInput.ts';
import { AppError } from '../../src/errors.ts';

const BOJ_README = `# [Gold IV] 두 개의 문 - 17453

[문제 링크](https://www.acmicpc.net/problem/17453)

### 성능 요약

메모리: 2160 KB, 시간: 116 ms

### 분류

브루트포스 알고리즘, 비트마스킹

### 제출 일자

2026년 1월 6일 15:14:31

### 문제 설명

<p>…</p>
`;

const PROGRAMMERS_README = `# [level 2] 숫자의 표현 － 정답？ - 12924

[문제 링크](https://school.programmers.co.kr/learn/courses/30/lessons/12924)

### 구분

코딩테스트 연습 > 연습문제

### 제출 일자

2024년 07월 30일 19:20:39
`;

const OLD_README = `# [Silver II] 스택 수열 - 1874

[문제 링크](https://www.acmicpc.net/problem/1874)

### 성능 요약

메모리: 2020 KB, 시간: 20 ms

### 분류

구현(implementation), 자료 구조(data_structures), 스택(stack)

### 문제 설명
`;

function record(text: string, judge?: 'boj' | 'programmers'): HubRecord {
  const r = parseHubReadme(text, judge);
  if ('error' in r) throw new Error(r.error);
  return r;
}

describe('progress BaekjoonHub README parser', () => {
  it('parseHubReadme() – BOJ README with 제출 일자 – gives id, title, level and Korean date', () => {
    const r = record(BOJ_README, 'boj');
    expect(r).to.deep.include({ judge: 'boj', problem: 'boj:17453', title: '두 개의 문', level: 12 });
    expect(r.submitted).to.deep.equal({ day: '2026-01-06', time: '15:14:31' });
    expect(r.categories).to.deep.equal(['브루트포스 알고리즘', '비트마스킹']);
  });

  it('parseHubReadme() – Programmers README with zero-padded date and fullwidth punctuation – keeps the title; [level 2] is level 9 (Silver II)', () => {
    const r = record(PROGRAMMERS_README, 'programmers');
    expect(r).to.deep.include({
      judge: 'programmers',
      problem: 'programmers:12924',
      title: '숫자의 표현 － 정답？',
      level: 9,
    });
    expect(r.submitted).to.deep.equal({ day: '2024-07-30', time: '19:20:39' });
    expect(r.categories).to.deep.equal(['코딩테스트 연습 > 연습문제']);
  });

  it('parseHubReadme() – older README without 제출 일자, categories with English in parentheses – undated, names cleaned', () => {
    const r = record(OLD_README);
    expect(r.judge).to.equal('boj');
    expect(r.level).to.equal(9);
    expect(r.submitted).to.equal(null);
    expect(r.categories).to.deep.equal(['구현', '자료 구조', '스택']);
  });

  it('parseHubReadme() – not a BaekjoonHub README – names what is missing', () => {
    expect(parseHubReadme('# My notes\n\nhello')).to.deep.equal({ error: 'no "# [Tier] title - id" heading' });
    expect(parseHubReadme('# [Gold IV] x - 1\n')).to.deep.equal({
      error: 'neither a Baekjoon nor a Programmers problem link',
    });
    expect(parseHubReadme('# [Mithril I] x - 1\n', 'boj')).to.deep.equal({ error: 'unknown tier "Mithril I"' });
    expect(parseHubReadme(BOJ_README.replace('2026년 1월 6일 15:14:31', '어제'), 'boj')).to.deep.equal({
      error: 'unreadable 제출 일자 "어제"',
    });
  });

  it('parseKoreanDate() – the newer Programmers form with a weekday and no seconds (seen in a public repository) – keeps its time', () => {
    expect(parseKoreanDate('2024년 11월 06일 (수) 19:02')).to.deep.equal({ day: '2024-11-06', time: '19:02:00' });
    // The time decides the day of a learner outside Korea: 19:02 KST is 11:02 in Berlin, the same day.
    expect(hubSubmissionDay(parseKoreanDate('2024년 11월 06일 (수) 19:02')!, 'Europe/Berlin')).to.equal('2024-11-06');
  });

  it('parseHubReadme() – a fork that writes "# [Lv.1] [title](link) - id" (seen in a public repository) – the title without the link', () => {
    const record = parseHubReadme(
      '# [Lv.1] [최소직사각형](https://school.programmers.co.kr/learn/courses/30/lessons/86491?language=python3) - 86491 \n\n### 제출 일자\n\n2024년 11월 06일 (수) 19:02\n',
      'programmers',
    );
    expect(record).to.deep.include({ problem: 'programmers:86491', title: '최소직사각형', level: 5 });
  });

  it('parseKoreanDate() – impossible date – is refused', () => {
    expect(parseKoreanDate('2026년 2월 30일 10:00:00')).to.equal(null);
    // 24:xx is no time of day: it would roll over into the next day.
    expect(parseKoreanDate('2026년 2월 3일 24:10:00')).to.equal(null);
    expect(parseKoreanDate('2026년 2월 3일 23:59:59')).to.deep.equal({ day: '2026-02-03', time: '23:59:59' });
    expect(parseKoreanDate('2026년 2월 3일')).to.deep.equal({ day: '2026-02-03', time: '00:00:00' });
  });

  it('hubSubmissionDay() – 00:30 KST – is that KST day in Seoul and the previous day in New York', () => {
    const submitted = { day: '2026-03-02', time: '00:30:00' };
    expect(hubSubmissionDay(submitted, 'Asia/Seoul')).to.equal('2026-03-02');
    expect(hubSubmissionDay(submitted, 'America/New_York')).to.equal('2026-03-01');
  });
});

describe('progress CSV parser', () => {
  it('readCsv() – quotes, escaped quotes, CRLF and a quoted line break – reads cells and line numbers', () => {
    const { rows } = readCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\n\n');
    expect(rows).to.deep.equal([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
    ]);
  });

  it('parseAttemptCsv() – good and bad rows – keeps the good ones and names each bad one by line', () => {
    const text = [
      'problem,day,outcome,minutes',
      'boj:1260,2026-11-01,solved,30',
      '1000,2026-11-02,,',
      'programmers:12951,,hint,15',
      'abc,2026-11-01,solved,10',
      'boj:1261,2026-02-30,solved,10',
      'boj:1262,2026-12-01,solved,10',
      'boj:1263,2026-11-01,won,10',
      'boj:1264,2026-11-01,solved,-5',
    ].join('\n');
    const { rows, errors } = parseAttemptCsv(text, '2026-11-28');
    expect(rows.map((r) => [r.problem, r.day, r.outcome, r.minutes])).to.deep.equal([
      ['boj:1260', '2026-11-01', 'solved', 30],
      ['boj:1000', '2026-11-02', 'solved', null],
      ['programmers:12951', null, 'hint', 15],
    ]);
    expect(errors.map((e) => e.where)).to.deep.equal(['line 5', 'line 6', 'line 7', 'line 8', 'line 9']);
    expect(errors[0].message).to.contain('"abc"');
    expect(errors[1].message).to.contain('2026-02-30');
    expect(errors[2].message).to.contain('future');
    expect(errors[3].message).to.contain('"won"');
    expect(errors[4].message).to.contain('"-5"');
  });

  it('parseAttemptCsv() – a header without one of its columns – 422 naming that column', () => {
    for (const [header, missing] of [
      ['problem,outcome,minutes', 'day'],
      ['problem,day,outcome', 'minutes'],
    ]) {
      expect(() => parseAttemptCsv(`${header}\nboj:1260,solved,30\n`, '2026-11-28'))
        .to.throw(AppError)
        .that.deep.includes({ code: 'progress.csv_header', status: 422, params: { missing } });
    }
  });

  it('parseAttemptCsv() – columns in another order plus extra ones – found by header name', () => {
    const { rows } = parseAttemptCsv(
      'day,minutes,origin,problem,outcome,note\n2026-11-01,12,manual,boj:1260,failed,"a, b"\n',
      '2026-11-28',
    );
    expect(rows).to.deep.equal([
      { line: 2, problem: 'boj:1260', day: '2026-11-01', outcome: 'failed', minutes: 12, note: 'a, b' },
    ]);
  });

  it('parseAttemptCsv() – no header row – refused with the missing columns', () => {
    expect(() => parseAttemptCsv('boj:1260,2026-11-01,solved,30\n', '2026-11-28')).to.throw(
      AppError,
      /missing: problem, day, outcome, minutes/,
    );
    expect(() => parseAttemptCsv('', '2026-11-28')).to.throw(AppError, /header/);
  });
});

describe('progress attempt fields', () => {
  const today = '2026-11-28';
  it('parseAttemptFields() – empty day and outcome – today, solved', () => {
    expect(parseAttemptFields({ day: '', outcome: '', minutes: '', note: ' hi ' }, today)).to.deep.equal({
      day: today,
      outcome: 'solved',
      minutes: null,
      note: 'hi',
    });
  });
  for (const [name, raw, code] of [
    ['a future day', { day: '2026-11-29' }, 'progress.future_day'],
    ['an impossible date', { day: '2026-02-30' }, 'progress.bad_day'],
    ['a malformed date', { day: '28/11/2026' }, 'progress.bad_day'],
    ['a day before 2000', { day: '1999-12-31' }, 'progress.early_day'],
    ['a year typo', { day: '0226-11-01' }, 'progress.early_day'],
    ['minutes over a day', { minutes: '1441' }, 'progress.bad_minutes'],
    ['a note over 2000 characters', { note: 'x'.repeat(2001) }, 'progress.note_too_long'],
    ['an unknown outcome', { outcome: 'won' }, 'progress.bad_outcome'],
    ['negative minutes', { minutes: '-1' }, 'progress.bad_minutes'],
    ['fractional minutes', { minutes: '1.5' }, 'progress.bad_minutes'],
  ] as const) {
    it(`parseAttemptFields() – ${name} – refused with ${code}`, () => {
      try {
        parseAttemptFields(raw, today);
        expect.fail('accepted');
      } catch (error) {
        expect((error as AppError).code).to.equal(code);
        expect((error as AppError).status).to.equal(422);
      }
    });
  }
});
