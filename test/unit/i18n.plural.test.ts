import { expect } from 'chai';
import { translate } from '../../src/i18n/index.ts';
import { originLabel } from '../../src/i18n/origin.ts';
import { translator } from '../../src/i18n/index.ts';

describe('i18n: plurals and source names', () => {
  for (const [n, en, ko] of [
    [1, '1 day', '1일'],
    [0, '0 days', '0일'],
    [2, '2 days', '2일'],
  ] as const) {
    it(`translate() – a streak of ${n} – "${en}" in English, "${ko}" in Korean (Intl.PluralRules)`, () => {
      expect(translate('en', 'progress.history.streak_days', { n })).to.equal(en);
      expect(translate('ko', 'progress.history.streak_days', { n })).to.equal(ko);
    });
  }

  it('translate() – two counts in one sentence – each word follows its own number', () => {
    expect(translate('en', 'progress.history.summary', { total: 1, days: 3 })).to.equal('1 solve on 3 days');
    expect(translate('en', 'progress.history.summary', { total: 5, days: 1 })).to.equal('5 solves on 1 day');
  });

  it('translate() – a parameter missing, an unknown key, a value with braces – kept as written, never re-read', () => {
    expect(translate('en', 'progress.history.summary', { total: 2 })).to.equal('2 solves on {days} {days:day|days}');
    expect(translate('en', 'no.such.key', { n: 1 })).to.equal('no.such.key');
    // A value is inserted once: a title that looks like a placeholder is not filled in again.
    expect(translate('en', 'progress.history.cell', { day: '{count}', count: 3 })).to.equal('{count}: 3 solved');
    // Asked again (the parsed message is kept), the same text.
    expect(translate('en', 'progress.history.cell', { day: '2026-12-01', count: 1 })).to.equal('2026-12-01: 1 solved');
    expect(translate('ko', 'progress.history.cell', { day: '2026-12-01', count: 1 })).to.equal('2026-12-01: 1문제 풂');
  });

  it('originLabel() – a sync origin – names the source as people write it, in both languages', () => {
    expect(originLabel('sync:codeforces', translator('en'))).to.equal('synced from Codeforces');
    expect(originLabel('sync:codeforces', translator('ko'))).to.equal('Codeforces에서 동기화');
    expect(originLabel('sync:elsewhere', translator('en'))).to.equal('synced from elsewhere');
  });
});
