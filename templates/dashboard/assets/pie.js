// A pie chart as SVG (uPlot draws no pies): one <path> per slice with a <title>, and a legend
// listing each label with its value and share, so the numbers are readable as text too.
// Slices take the palette's colours in turn; the legend's swatches match them.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#0f766e', '#c2410c', '#7c3aed', '#be123c', '#2563eb', '#4d7c0f', '#a16207', '#0e7490'];

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}

// labels[i] has values[i] (negative and missing values count as 0).
export function pieChart(container, title, labels, values) {
  const amounts = values.map((v) => (typeof v === 'number' && v > 0 ? v : 0));
  const sum = amounts.reduce((a, b) => a + b, 0);
  const picture = svg('svg', { viewBox: '-1.05 -1.05 2.1 2.1', width: 240, height: 240, role: 'img', 'aria-label': title });
  let angle = -Math.PI / 2;
  amounts.forEach((amount, i) => {
    // An empty share has no slice (its legend line still says 0).
    if (sum === 0 || amount === 0) return;
    const share = amount / sum;
    const colour = COLOURS[i % COLOURS.length];
    const tip = svg('title', {}, `${labels[i]}: ${values[i]} (${(share * 100).toFixed(1)} %)`);
    if (share >= 0.9999) { picture.append(svg('circle', { cx: 0, cy: 0, r: 1, fill: colour, 'data-slice': i }, tip)); return; }
    const end = angle + share * 2 * Math.PI;
    const [x1, y1, x2, y2] = [Math.cos(angle), Math.sin(angle), Math.cos(end), Math.sin(end)];
    const large = share > 0.5 ? 1 : 0;
    picture.append(svg('path', { d: `M0 0 L${x1} ${y1} A1 1 0 ${large} 1 ${x2} ${y2} Z`, fill: colour, stroke: 'var(--bg)', 'stroke-width': 0.01, 'data-slice': i }, tip));
    angle = end;
  });
  const legend = h('ul', { class: 'legend' }, labels.map((label, i) => h('li', {},
    h('span', { class: `swatch swatch-${i % COLOURS.length}`, 'aria-hidden': 'true' }),
    `${label}: ${values[i]}${sum ? ` (${((amounts[i] / sum) * 100).toFixed(1)} %)` : ''}`)));
  const figure = h('figure', { class: 'chart workflow-chart pie', 'data-points': String(labels.length), 'data-kind': 'pie' },
    h('figcaption', {}, title), h('div', { class: 'pie-body' }, picture, legend));
  container.append(figure);
  return () => figure.remove();
}
