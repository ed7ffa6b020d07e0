import { expect } from 'chai';
import { heatmapBetween } from '../../src/progress/heatmap.ts';
import { escapeHtml } from '../../src/web/escapeHtml.ts';
import { grassHtml, weeklyRowsHtml } from '../../src/web/progress/grassHtml.ts';

describe('grassHtml – the heatmap cells and the list of days with solves', () => {
  // 2026-11-30 is a Monday: one full week and the Monday after.
  const counts = new Map([
    ['2026-11-30', 1],
    ['2026-12-02', 5],
    ['2026-12-07', 2],
  ]);
  const grass = heatmapBetween(counts, '2026-11-30', '2026-12-07');
  const label = (day: string, count: number) => `${day}: ${count} <solved> & "done" ${count === 1 ? 'once' : 'times'}`;
  const html = grassHtml(grass, { href: '/history?year=2026&day=', day: '2026-12-02', focusDay: '2026-12-02', label });

  it('one cell per day in week columns, padding after the last day, each label and link escaped', () => {
    expect(html.cells.match(/<div class="grass-week">/g)).to.have.length(2);
    expect(html.cells.match(/<a class="grass-cell/g)).to.have.length(8);
    expect(html.cells.match(/<span class="grass-cell empty"><\/span>/g)).to.have.length(6);
    expect(html.cells).to.include(
      '<a class="grass-cell l1" href="/history?year=2026&amp;day=2026-11-30" tabindex="-1" data-day="2026-11-30" data-count="1" title="2026-11-30: 1 &lt;solved&gt; &amp; &#34;done&#34; once"></a>',
    );
    expect(html.cells).to.not.match(/<solved>|&day|"done"/);
  });

  it('the shown day is selected and the one tab stop; a label follows its own count', () => {
    expect(html.cells).to.include(
      '<a class="grass-cell l4 selected" href="/history?year=2026&amp;day=2026-12-02" tabindex="0" data-day="2026-12-02" data-count="5" title="2026-12-02: 5 &lt;solved&gt; &amp; &#34;done&#34; times" aria-current="date"></a>',
    );
    expect(html.cells.match(/tabindex="0"/g)).to.have.length(1);
    expect(html.cells.match(/aria-current/g)).to.have.length(1);
  });

  it('the days with solves, newest first, each escaped as its cell', () => {
    const days = [...html.days.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    expect(days).to.deep.equal(
      ['2026-12-07', '2026-12-02', '2026-11-30'].map((day) => [
        `/history?year=2026&amp;day=${day}`,
        escapeHtml(label(day, counts.get(day)!)),
      ]),
    );
  });

  it('a label that does not print its day once is asked for each cell', () => {
    const twice = grassHtml(grass, {
      href: '/h?day=',
      day: 'unknown',
      focusDay: '2026-12-07',
      label: (d) => `${d} ${d}`,
    });
    expect(twice.cells).to.include('title="2026-12-01 2026-12-01"');
    expect(twice.cells).to.include('title="2026-12-07 2026-12-07"');
    expect(twice.cells).to.not.include('selected');
  });

  it('the table of solves per week: one row per week column, its Monday and its count', () => {
    expect(
      weeklyRowsHtml([
        { week: '2026-11-30', count: 6 },
        { week: '2026-12-07', count: 2 },
      ]),
    ).to.equal(
      '<tr data-week="2026-11-30"><td>2026-11-30</td><td class="num">6</td></tr>' +
        '<tr data-week="2026-12-07"><td>2026-12-07</td><td class="num">2</td></tr>',
    );
  });
});
