// Charts drawn with uPlot (served by cote from the installed package) from the JSON block next to each chart:
// <figure class="chart-figure"><div class="chart" data-chart="…"></div><script type="application/json" class="chart-data">.
// The canvas is aria-hidden; the same numbers stay in the figure's table, which is open without JS and folds away
// once the chart is drawn. Kinds: burnup (lines), readiness (horizontal bars), weekly (bars).
(() => {
  if (typeof uPlot !== 'function') return;
  const FONT = '12px system-ui, -apple-system, "Noto Sans KR", "Noto Sans CJK KR", sans-serif';
  const INK = '#667085';
  const GRID = { stroke: '#e4e7ec', width: 1 };
  const COLORS = {
    solved: '#15803d',
    planned: '#2563eb',
    now: '#f79009',
    atExam: '#2563eb',
    weight: '#1d2330',
    week: '#40c463',
  };
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = FONT;

  /** Seconds since the epoch at 00:00 UTC of a YYYY-MM-DD day (the axes format in UTC too). */
  function seconds(day) {
    return Date.parse(`${day}T00:00:00Z`) / 1000;
  }
  const utc = (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
  // Month and weekday names in the page's language ("1월" on a Korean page, not "Jan").
  const lang = document.documentElement.lang || 'en';
  const names = (options, count, at) =>
    Array.from({ length: count }, (_, i) =>
      new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...options }).format(at(i)),
    );
  const month = (i) => new Date(Date.UTC(2026, i, 15));
  const weekday = (i) => new Date(Date.UTC(2026, 10, 1 + i)); // 2026-11-01 is a Sunday (uPlot counts from Sunday)
  const NAMES = {
    MMMM: names({ month: 'long' }, 12, month),
    MMM: names({ month: 'short' }, 12, month),
    WWWW: names({ weekday: 'long' }, 7, weekday),
    WWW: names({ weekday: 'short' }, 7, weekday),
  };
  const fmtDate = (tpl) => uPlot.fmtDate(tpl, NAMES);
  function axis(extra) {
    return Object.assign(
      { stroke: INK, font: FONT, grid: GRID, ticks: { stroke: GRID.stroke, width: 1, size: 4 } },
      extra,
    );
  }
  const whole = (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : ''));

  const BUILDERS = {
    burnup: (data, width) => ({
      opts: {
        width: width,
        height: 240,
        tzDate: utc,
        fmtDate: fmtDate,
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.05))] } },
        axes: [axis({ space: 60 }), axis({ values: whole, size: 44 })],
        series: [
          {},
          { label: data.labels.solved, stroke: COLORS.solved, width: 2, fill: 'rgba(21,128,61,.08)' },
          { label: data.labels.planned, stroke: COLORS.planned, width: 2, dash: [6, 4] },
        ],
      },
      data: [data.days.map(seconds), data.solved, data.planned],
    }),

    weekly: (data, width) => ({
      opts: {
        width: width,
        height: 200,
        tzDate: utc,
        fmtDate: fmtDate,
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
        axes: [axis({ space: 60 }), axis({ values: whole, size: 36 })],
        series: [
          {},
          {
            label: data.label,
            fill: COLORS.week,
            stroke: COLORS.week,
            paths: uPlot.paths.bars({ size: [0.8, 14] }),
            points: { show: false },
          },
        ],
      },
      data: [data.weeks.map(seconds), data.counts],
    }),

    // One row per type (the heaviest first), bars for now and at the exam, a dot for the profile's weight.
    readiness: (data, width) => {
      const types = data.types;
      const names = types.map((t) => t.name);
      const longest = names.reduce((max, name) => Math.max(max, measure.measureText(name).width), 0);
      const labelWidth = Math.min(Math.ceil(longest) + 14, Math.round(width * 0.4));
      const index = types.map((_t, i) => i);
      const bar = (align) => uPlot.paths.bars({ size: [0.4, 14], align: align });
      return {
        opts: {
          width: width,
          height: types.length * 26 + 70,
          cursor: { drag: { x: false, y: false } },
          legend: { live: false },
          scales: {
            x: { time: false, ori: 1, dir: -1, range: [-0.5, types.length - 0.5] },
            y: { ori: 0, range: [0, 1] },
          },
          axes: [
            axis({
              side: 3,
              size: labelWidth,
              gap: 4,
              grid: { show: false },
              splits: () => index,
              values: (_u, splits) => splits.map((i) => names[i] || ''),
            }),
            axis({
              side: 0,
              size: 28,
              splits: () => [0, 0.25, 0.5, 0.75, 1],
              values: (_u, splits) => splits.map((v) => `${Math.round(v * 100)}%`),
            }),
          ],
          series: [
            {},
            { label: data.labels.now, fill: COLORS.now, stroke: COLORS.now, paths: bar(-1), points: { show: false } },
            {
              label: data.labels.atExam,
              fill: COLORS.atExam,
              stroke: COLORS.atExam,
              paths: bar(1),
              points: { show: false },
            },
            {
              label: data.labels.weight,
              stroke: COLORS.weight,
              paths: () => null,
              points: { show: true, size: 9, width: 2, stroke: COLORS.weight, fill: '#fff' },
            },
          ],
        },
        data: [index, types.map((t) => t.now), types.map((t) => t.atExam), types.map((t) => t.weight)],
      };
    },
  };

  const drawn = [];
  document.querySelectorAll('.chart-figure').forEach((figure) => {
    const box = figure.querySelector('.chart[data-chart]');
    const script = figure.querySelector('script.chart-data');
    if (!box || !script) return;
    let data;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      return;
    }
    const build = BUILDERS[data.kind];
    if (!build) return;
    const width = () => Math.max(200, Math.floor(box.clientWidth || figure.clientWidth));
    const chart = build(data, width());
    const plot = new uPlot(chart.opts, chart.data, box);
    drawn.push({ plot: plot, width: width, height: chart.opts.height });
    const table = figure.querySelector('details.chart-table');
    if (table) table.open = false;
  });

  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      drawn.forEach((d) => {
        d.plot.setSize({ width: d.width(), height: d.height });
      });
    });
  });
})();
