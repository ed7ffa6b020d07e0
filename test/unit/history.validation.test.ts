import { expect } from 'chai';
import { parseProblemRef } from '../../src/catalog/problemRef.ts';
import { problemIdOf, problemIdProblem } from '../../src/judges/judges.ts';
import { dayOutOfRange } from '../../src/progress/dayRange.ts';
import { emailLinkHostKind, emailLinkWarning } from '../../src/digest/emailLinks.ts';
import { cleanTitle, MAX_TITLE_LENGTH, terminalSafe } from '../../src/text/title.ts';

describe('history boundaries – ids per judge, days as dates, titles cleaned', () => {
  const refused: [string, RegExp][] = [
    ['boj:0', /Baekjoon ids are a number from 1/],
    ['boj:1e+21', /Baekjoon ids are a number from 1/],
    ['boj:12345678', /Baekjoon ids/],
    ['0', /Baekjoon ids/],
    ['programmers:0', /Programmers ids/],
    ['leetcode:1', /LeetCode ids are a slug like two-sum \(not the number\)/],
    ['cf:0A', /Codeforces ids/],
    ['spoj:TEST', /spoj is not a judge cote knows/],
  ];
  for (const [text, why] of refused) {
    it(`parseProblemRef('${text}') – refused, and problemIdProblem says why`, () => {
      expect(parseProblemRef(text)).to.equal(undefined);
      expect(problemIdProblem(text)).to.match(why);
    });
  }
  const accepted: [string, string][] = [
    ['1260', 'boj:1260'],
    ['boj:01260', 'boj:1260'],
    ['leetcode:3sum', 'leetcode:3sum'],
    ['leetcode:01-matrix', 'leetcode:01-matrix'],
    ['cf:1352a', 'cf:1352A'],
    ['programmers:12924', 'programmers:12924'],
  ];
  for (const [text, id] of accepted) {
    it(`parseProblemRef('${text}') – ${id}`, () => {
      expect(parseProblemRef(text)).to.equal(id);
      expect(problemIdProblem(text)).to.equal(undefined);
    });
  }
  it('problemIdOf – the hub parser’s 22-digit id – undefined', () =>
    expect(problemIdOf('boj', '1000000000000000000000')).to.equal(undefined));

  const days: [string, string | undefined][] = [
    ['2026-11-28', undefined],
    ['2026-11-29', undefined], // today + 1: a source's clock a little ahead
    ['2026-11-30', 'day 2026-11-30 is in the future (today is 2026-11-28)'],
    ['1970-01-01', undefined],
    ['1969-12-31', 'day 1969-12-31 is before 1970-01-01'],
    ['9999-12-31', 'day 9999-12-31 is in the future (today is 2026-11-28)'],
    ['10000-01-01', '"10000-01-01" is not a date YYYY-MM-DD'],
    ['+010000-01-01', '"+010000-01-01" is not a date YYYY-MM-DD'],
    ['2026-02-30', '"2026-02-30" is not a date YYYY-MM-DD'],
  ];
  for (const [day, why] of days) {
    it(`dayOutOfRange('${day}', today 2026-11-28) – ${why ?? 'kept'}`, () =>
      expect(dayOutOfRange(day, '2026-11-28')).to.equal(why));
  }

  it('cleanTitle – ESC, BEL, NUL, CR/LF, C1 and bidi overrides become spaces; runs collapse; ends trimmed', () => {
    expect(cleanTitle('\u001b[31mRed\u0007 \u0000title\r\n\u009b2J\u202eevil')).to.equal('[31mRed title 2J evil');
  });
  it('cleanTitle – 450,000 characters – cut to 300 code points with an ellipsis; Hangul and emoji kept whole', () => {
    const cut = cleanTitle('가😀'.repeat(225_000));
    expect(Array.from(cut)).to.have.length(MAX_TITLE_LENGTH);
    expect(cut.endsWith('…')).to.equal(true);
    expect(cut).to.not.include('\uFFFD');
    expect(cleanTitle('x'.repeat(300))).to.equal('x'.repeat(300));
  });
  it('cleanTitle – nothing left – the fallback', () =>
    expect(cleanTitle('\u001b\u0007 ', 'boj:1000')).to.equal('boj:1000'));
  it('terminalSafe – drops ESC and BEL, keeps line feeds, tabs and CRLF', () => {
    expect(terminalSafe('a\u001b]0;pwned\u0007b\tc\nd\r\ne\rf')).to.equal('a]0;pwnedb\tc\nd\r\nef');
  });
});

describe('email links – the start-up warning', () => {
  const cases: [string, 'wildcard' | 'loopback' | null][] = [
    ['http://0.0.0.0:3000', 'wildcard'],
    ['http://[::]:3000', 'wildcard'],
    ['http://127.0.0.1:3000', 'loopback'],
    ['http://127.8.9.10:3000', 'loopback'],
    ['http://localhost:3000', 'loopback'],
    ['http://cote.localhost', 'loopback'],
    ['http://[::1]:3000', 'loopback'],
    ['http://[::ffff:127.0.0.1]:3000', 'loopback'],
    ['https://cote.example.org', null],
    ['http://192.168.0.10:3000', null],
  ];
  for (const [url, kind] of cases) {
    it(`emailLinkHostKind('${url}') – ${kind ?? 'fine'}`, () => {
      expect(emailLinkHostKind(url)).to.equal(kind);
      const warning = emailLinkWarning({ baseUrl: url });
      if (kind) expect(warning).to.contain('COTE_BASE_URL').and.contain(url);
      else expect(warning).to.equal(undefined);
    });
  }
});
