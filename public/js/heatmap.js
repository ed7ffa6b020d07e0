// The history heatmap as one tab stop (roving tabindex): arrow keys move between days, Home/End to the first and
// last day, Enter opens the focused day. Without this file the one focusable day still opens, and the "show a day"
// form and the list of days with solves reach every day.
(() => {
  const grid = document.querySelector('.grass-cells');
  if (!grid) return;
  // Cells come in day order (week columns of Monday…Sunday, padding is not a link): ±1 is a day, ±7 a week.
  const cells = Array.from(grid.querySelectorAll('a.grass-cell[data-day]'));
  const STEP = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7 };

  grid.addEventListener('keydown', (event) => {
    const current = event.target.closest?.('a.grass-cell[data-day]');
    if (!current) return;
    const at = cells.indexOf(current);
    let next;
    if (Object.hasOwn(STEP, event.key)) next = at + STEP[event.key];
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = cells.length - 1;
    else return;
    event.preventDefault();
    next = Math.max(0, Math.min(cells.length - 1, next));
    current.tabIndex = -1;
    cells[next].tabIndex = 0;
    cells[next].focus();
  });
})();
