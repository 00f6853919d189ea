// A table workflow: the rows of an endpoint's answer (an array, a list's `items`, or a
// report's array member) or of a resource query, in the given columns or those the rows
// have. A resource source refreshes when the resource changes (live.js); an endpoint source
// has a refresh button and refreshes itself every REFRESH_MS while the tab is visible.
import { h } from '../../dom.js';
import { caller, rowsOf, sourcePath, columnsOf, cellText } from '../../workflow.js';
import { follow } from '../../live.js';

export const REFRESH_MS = 10000;

export function render(container, { workflow }) {
  const call = caller(workflow);
  const table = h('table', { id: `wf-${workflow.id}-table` });
  const status = h('p', { role: 'status', class: 'muted' });
  const refresh = h('button', { type: 'button', class: 'secondary', onclick: () => load() }, 'Refresh');
  container.append(
    workflow.description ? h('p', { class: 'lead' }, workflow.description) : '',
    h('div', { class: 'toolbar' }, refresh), h('div', { class: 'scroll' }, table), status);
  async function load() {
    const answer = await call('GET', sourcePath(workflow.source));
    if (!answer.ok) { status.textContent = `Could not read the source: ${answer.body?.message ?? answer.status}`; return; }
    const rows = rowsOf(answer.body, workflow.source.rows);
    const columns = columnsOf(workflow, rows);
    table.replaceChildren(
      h('caption', {}, `${rows.length} row${rows.length === 1 ? '' : 's'}`),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.length ? rows.map((row) => h('tr', {}, columns.map((c) =>
        h('td', { class: typeof row[c] === 'number' ? 'num' : null }, cellText(row[c])))))
        : h('tr', {}, h('td', { colspan: String(Math.max(1, columns.length)) }, 'No rows.'))));
    status.textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}`;
  }
  return refreshing(workflow, load);
}

// Loads now, then on the resource's changes or every REFRESH_MS; returns stop().
export function refreshing(workflow, load) {
  load();
  if (workflow.source.resource) return follow(workflow.source.resource.name, load);
  const timer = setInterval(() => { if (!document.hidden) load(); }, REFRESH_MS);
  return () => clearInterval(timer);
}
