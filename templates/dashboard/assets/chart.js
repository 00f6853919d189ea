// Charts on the vendored uPlot (the global `uPlot`), sized to their container and coloured
// from the page's CSS variables so they follow the light and dark themes: the overview's time
// series, and the chart workflows' line, bar and scatter plots (pie.js draws pies).
const palette = ['--accent', '--warn', '--bad', '--good'];

function colour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

// series: [{ label }]; returns { update(xs, ...ys), destroy() }.
export function timeChart(container, title, series, unit) {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  const plot = document.createElement('div');
  plot.setAttribute('role', 'img');
  plot.setAttribute('aria-label', title);
  figure.append(caption, plot);
  container.append(figure);
  const axis = { stroke: colour('--muted'), grid: { stroke: colour('--line') }, ticks: { stroke: colour('--line') } };
  const chart = new uPlot({
    width: Math.max(240, figure.clientWidth - 16),
    height: 180,
    legend: { show: true },
    series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: colour(palette[i % palette.length]), width: 2, value: (u, v) => v == null ? '–' : `${v.toFixed(2)} ${unit}` }))],
    axes: [axis, { ...axis, size: 56 }],
    scales: { x: { time: true } },
  }, [[], ...series.map(() => [])], plot);
  const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, figure.clientWidth - 16), height: 180 }));
  resize.observe(figure);
  return {
    update: (data) => chart.setData(data),
    destroy: () => { resize.disconnect(); chart.destroy(); },
  };
}

// A chart workflow's plot: `kind` line | bar | scatter over rows' `x` and each of `ys`.
// A numeric x is a numeric axis, ISO dates and times a time axis (both sorted); any other x
// is a category axis (one tick per row, labelled with its text). The figure's data-points
// says how many x values were drawn.
export function dataChart(container, title, kind, xName, labels, ys) {
  const time = labels.length > 0 && labels.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)));
  const numeric = time || labels.every((v) => typeof v === 'number');
  const at = (v) => (time ? Date.parse(v) / 1000 : v);
  const order = labels.map((_, i) => i);
  if (numeric) order.sort((a, b) => at(labels[a]) - at(labels[b]));
  const xs = numeric ? order.map((i) => at(labels[i])) : order;
  const names = order.map((i) => String(labels[i]));
  const figure = document.createElement('figure');
  figure.className = 'chart workflow-chart';
  figure.dataset.points = String(xs.length);
  figure.dataset.kind = kind;
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  const plot = document.createElement('div');
  plot.setAttribute('role', 'img');
  plot.setAttribute('aria-label', `${title}: ${kind} chart of ${ys.map((y) => y.label).join(', ')} by ${names.join(', ')}`);
  figure.append(caption, plot);
  container.append(figure);
  const axis = { stroke: colour('--muted'), grid: { stroke: colour('--line') }, ticks: { stroke: colour('--line') } };
  const xAxis = numeric ? axis : { ...axis, splits: () => xs, values: (u, splits) => splits.map((i) => names[i] ?? '') };
  const series = ys.map((y, i) => {
    const stroke = colour(palette[i % palette.length]);
    if (kind === 'bar') return { label: y.label, stroke, fill: stroke, width: 1, paths: uPlot.paths.bars({ size: [0.6 / ys.length, 80], align: 0 }), points: { show: false } };
    if (kind === 'scatter') return { label: y.label, stroke, width: 0, paths: () => null, points: { show: true, size: 9, fill: stroke, stroke } };
    return { label: y.label, stroke, width: 2, points: { show: true, size: 6 } };
  });
  const width = () => Math.max(240, figure.clientWidth - 16);
  const chart = new uPlot({
    width: width(),
    height: 260,
    legend: { show: true },
    series: [{ label: xName, value: (u, v) => v == null ? '–' : time ? new Date(v * 1000).toLocaleString('en-GB') : numeric ? v : names[v] }, ...series],
    axes: [xAxis, { ...axis, size: 56 }],
    scales: {
      x: { time, ...(numeric ? {} : { range: [-0.5, Math.max(0.5, xs.length - 0.5)] }) },
      // Bars grow from zero, or their heights would lie.
      ...(kind === 'bar' ? { y: { range: (u, min, max) => [Math.min(0, min), Math.max(0, max) * 1.1 || 1] } } : {}),
    },
  }, [xs, ...ys.map((y) => order.map((i) => y.values[i]))], plot);
  const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: 260 }));
  resize.observe(figure);
  return () => { resize.disconnect(); chart.destroy(); figure.remove(); };
}
