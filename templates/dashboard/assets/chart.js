// A time-series chart (vendored uPlot, the global `uPlot`), sized to its container and
// coloured from the page's CSS variables so it follows the light and dark themes.
const palette = ['--accent', '--warn', '--bad'];

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
