// A chart workflow: line, bar or scatter (uPlot, chart.js) or pie (SVG, pie.js) over the rows
// of its source — x and y members (several y give several series), or label and value for a
// pie. Redrawn on each refresh: on the resource's changes for a resource source, with a
// refresh button and every 10 s while visible for an endpoint source (table.js's refreshing).
import { h } from '../../dom.js';
import { caller, rowsOf, sourcePath } from '../../workflow.js';
import { dataChart } from '../../chart.js';
import { pieChart } from '../../pie.js';
import { refreshing } from './table.js';

export function render(container, { workflow }) {
  const call = caller(workflow);
  const area = h('div', { class: 'chart-area', id: `wf-${workflow.id}-chart` });
  const status = h('p', { role: 'status', class: 'muted' });
  const refresh = h('button', { type: 'button', class: 'secondary', onclick: () => load() }, 'Refresh');
  container.append(
    workflow.description ? h('p', { class: 'lead' }, workflow.description) : '',
    h('div', { class: 'toolbar' }, refresh), area, status);
  let destroy = null;
  async function load() {
    const answer = await call('GET', sourcePath(workflow.source));
    if (!answer.ok) { status.textContent = `Could not read the source: ${answer.body?.message ?? answer.status}`; return; }
    const rows = rowsOf(answer.body, workflow.source.rows);
    if (destroy) destroy();
    if (workflow.chart === 'pie') {
      const label = workflow.label ?? workflow.x;
      const value = workflow.value ?? (Array.isArray(workflow.y) ? workflow.y[0] : workflow.y);
      destroy = pieChart(area, workflow.title, rows.map((row) => String(row[label] ?? '')), rows.map((row) => row[value]));
    } else {
      const ys = (Array.isArray(workflow.y) ? workflow.y : [workflow.y]).map((name) =>
        ({ label: name, values: rows.map((row) => (typeof row[name] === 'number' ? row[name] : null)) }));
      destroy = dataChart(area, workflow.title, workflow.chart, workflow.x, rows.map((row) => row[workflow.x]), ys);
    }
    status.textContent = `${rows.length} point${rows.length === 1 ? '' : 's'} · updated ${new Date().toLocaleTimeString('en-GB')}`;
  }
  const stop = refreshing(workflow, load);
  return () => { stop(); if (destroy) destroy(); };
}
