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

  it('originLabel() – a sync origin – names the source as people write it, in both languages', () => {
    expect(originLabel('sync:codeforces', translator('en'))).to.equal('synced from Codeforces');
    expect(originLabel('sync:codeforces', translator('ko'))).to.equal('Codeforces에서 동기화');
    expect(originLabel('sync:elsewhere', translator('en'))).to.equal('synced from elsewhere');
  });
});
