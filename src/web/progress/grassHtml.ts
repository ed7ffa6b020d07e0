import type { Heatmap } from '../../progress/heatmap.ts';
import { escapeHtml } from '../escapeHtml.ts';

/** How grassHtml prints the cells: where they lead, which is marked, which takes the focus, what they say. */
export interface GrassHtmlOptions {
  /** Where a cell leads, followed by its day: '/history?day=' or '/history?year=2025&day='. */
  href: string;
  /** The day shown below the grass ('unknown' for undated entries): its cell is marked. */
  day: string;
  /** The one cell in the tab order (roving tabindex, public/js/heatmap.js). */
  focusDay: string;
  /** A cell's label (its title and accessible name), e.g. "2026-03-05: 3 solved". */
  label: (day: string, count: number) => string;
}

/**
 * The heatmap's cells and the plain list of its days with solves, as HTML for views/history/index.ejs. Built here, not
 * in the template: up to 371 cells and as many list items, each of six printed values, cost a third of /history's CPU
 * as template code (bench:pagecost, 2.7 of 7.3 ms). A cell's day ('YYYY-MM-DD' from heatmap.ts) and count are printed
 * as they are (nothing in them needs escaping); `href` and each label are escaped here, a label once per count.
 */
export function grassHtml(grass: Heatmap, options: GrassHtmlOptions): { cells: string; days: string } {
  const href = escapeHtml(options.href);
  const labels = labelsPerCount(options.label);
  let cells = '';
  for (const week of grass.weeks) {
    cells += '<div class="grass-week">';
    for (const cell of week) {
      if (!cell) {
        cells += '<span class="grass-cell empty"></span>';
        continue;
      }
      const selected = cell.day === options.day;
      cells += `<a class="grass-cell l${cell.level}${selected ? ' selected' : ''}" href="${href}${cell.day}" tabindex="${cell.day === options.focusDay ? 0 : -1}" data-day="${cell.day}" data-count="${cell.count}" title="${labels(cell.day, cell.count)}"${selected ? ' aria-current="date"' : ''}></a>`;
    }
    cells += '</div>';
  }
  let days = '';
  for (let w = grass.weeks.length - 1; w >= 0; w--) {
    const week = grass.weeks[w];
    for (let d = week.length - 1; d >= 0; d--) {
      const cell = week[d];
      if (cell && cell.count > 0) days += `<li><a href="${href}${cell.day}">${labels(cell.day, cell.count)}</a></li>`;
    }
  }
  return { cells, days };
}

/** The rows of the grass's table of solves per week (the chart's table), as the template printed them. */
export function weeklyRowsHtml(weekly: readonly { week: string; count: number }[]): string {
  let rows = '';
  for (const w of weekly) {
    const week = escapeHtml(w.week);
    rows += `<tr data-week="${week}"><td>${week}</td><td class="num">${w.count}</td></tr>`;
  }
  return rows;
}

const DAY_MARK = '\u0000';

/** `label` escaped, asked once per count with a mark where the day goes (a label is the same text around its day). */
function labelsPerCount(label: GrassHtmlOptions['label']): (day: string, count: number) => string {
  const parts = new Map<number, [string, string] | null>();
  return (day, count) => {
    let split = parts.get(count);
    if (split === undefined) {
      const pieces = escapeHtml(label(DAY_MARK, count)).split(DAY_MARK);
      split = pieces.length === 2 ? [pieces[0], pieces[1]] : null;
      parts.set(count, split);
    }
    return split ? split[0] + day + split[1] : escapeHtml(label(day, count));
  };
}
