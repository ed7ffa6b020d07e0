import { expect } from 'chai';
import { burnupRowsHtml } from '../../src/web/planner/burnupHtml.ts';

describe('burnupRowsHtml – the rows of /plan’s burn-up table', () => {
  it('one row a day: solved until today, planned from today, today marked, an empty cell where a series has no value', () => {
    const html = burnupRowsHtml(
      { days: ['2026-12-06', '2026-12-07', '2026-12-08'], solved: [3, 4, null], planned: [null, 4, 6] },
      '2026-12-07',
    );
    expect(html).to.equal(
      '<tr data-day="2026-12-06"><td>2026-12-06</td><td class="num">3</td><td class="num"></td></tr>' +
        '<tr data-day="2026-12-07" class="today"><td>2026-12-07</td><td class="num">4</td><td class="num">4</td></tr>' +
        '<tr data-day="2026-12-08"><td>2026-12-08</td><td class="num"></td><td class="num">6</td></tr>',
    );
  });

  it('a day is escaped; no days, no rows', () => {
    expect(burnupRowsHtml({ days: ['"><x'], solved: [0], planned: [null] }, 'x')).to.include(
      'data-day="&#34;&gt;&lt;x"',
    );
    expect(burnupRowsHtml({ days: [], solved: [], planned: [] }, '2026-12-07')).to.equal('');
  });
});
