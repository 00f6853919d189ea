// Live log: the server's recent requests, newest first, as they arrive (streamed over the
// WebSocket, or polled, through source.js; the table's `data-source` says which), filtered by path, status and method on the server; pause stops the updates
// without losing the filter. Activating a row opens its details: headers as recorded
// (secrets already redacted by the server), body preview, the handler's console lines and
// the request id.
import { h, field } from '../dom.js';
import * as format from '../format.js';
import { requests } from '../source.js';

const KEEP = 500;

export function render(container) {
  const path = h('input', { type: 'search', id: 'log-path', placeholder: '/notes' });
  const status = h('select', { id: 'log-status' }, ['', '2xx', '3xx', '4xx', '5xx'].map((s) => h('option', { value: s }, s || 'any')));
  const method = h('select', { id: 'log-method' }, ['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => h('option', { value: m }, m || 'any')));
  const pause = h('button', { type: 'button', id: 'log-pause', 'aria-pressed': 'false' }, 'Pause');
  const state = h('p', { role: 'status', class: 'muted' });
  container.append(h('form', { class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault() },
    field('Path contains', path), field('Status', status), field('Method', method), pause), state);
  const body = h('tbody', { id: 'log-rows' });
  const details = h('section', { class: 'details', id: 'log-details', 'aria-live': 'polite', hidden: true });
  container.append(h('div', { class: 'split' },
    h('div', { class: 'scroll' }, h('table', { id: 'log', 'data-source': 'connecting' },
      h('caption', {}, 'Recent requests, newest first'),
      h('thead', {}, h('tr', {}, ['Time', 'Method', 'Path', 'Status', 'Duration', 'Logs'].map((t) => h('th', { scope: 'col' }, t)))),
      body)),
    details));
  let paused = false;
  const filters = () => ({ path: path.value.trim(), status: status.value, method: method.value });
  let shownFilters = JSON.stringify(filters());
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    state.textContent = paused ? 'Paused' : '';
    // What arrived meanwhile shows now (a stream calls back only when something new comes).
    if (!paused) show();
  });
  const open = (entry, row) => {
    for (const selected of body.querySelectorAll('[aria-selected="true"]')) selected.setAttribute('aria-selected', 'false');
    row.setAttribute('aria-selected', 'true');
    details.hidden = false;
    details.replaceChildren(
      h('h2', {}, `${entry.method} ${entry.path}`),
      h('dl', { class: 'pairs' },
        h('dt', {}, 'Request id'), h('dd', { 'data-request-id': entry.request_id }, h('code', {}, entry.request_id)),
        h('dt', {}, 'Status'), h('dd', {}, String(entry.status)),
        h('dt', {}, 'Route'), h('dd', {}, entry.route || '–'),
        h('dt', {}, 'Endpoint'), h('dd', {}, entry.endpoint ?? '–'),
        h('dt', {}, 'Caller'), h('dd', {}, entry.user ?? 'anonymous'),
        h('dt', {}, 'Duration'), h('dd', {}, format.ms(entry.duration_ms))),
      h('h3', {}, 'Headers'),
      h('pre', { tabindex: '0' }, Object.entries(entry.headers).map(([n, v]) => `${n}: ${v}`).join('\n') || '(none)'),
      h('h3', {}, 'Body'),
      h('pre', { tabindex: '0' }, entry.body == null ? '(none)' : typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body, null, 2)),
      h('h3', {}, 'Handler log'),
      h('pre', { tabindex: '0', class: 'logs' }, entry.logs.length
        ? entry.logs.map((line) => `${line.level ?? ''} ${line.text}`).join('\n') + (entry.logs_dropped ? `\n(${entry.logs_dropped} more lines dropped)` : '')
        : '(nothing logged)'));
  };
  // Requests that arrive while paused wait here and are shown on resume.
  let waiting = [];
  const stop = requests(filters, (fresh) => {
    const now = JSON.stringify(filters());
    if (now !== shownFilters) { shownFilters = now; waiting = []; body.replaceChildren(); }
    waiting.push(...fresh);
    show();
  }, (error) => { state.textContent = `Could not read the monitor: ${error.message}`; },
  (source) => { container.querySelector('#log').dataset.source = source; });
  function show() {
    if (paused) return;
    const shown = waiting;
    waiting = [];
    for (const entry of shown) {
      const row = h('tr', { tabindex: '0', 'aria-selected': 'false', 'data-seq': entry.seq },
        h('td', {}, format.time(entry.at)),
        h('td', {}, h('span', { class: `method m-${entry.method}` }, entry.method)),
        h('td', {}, h('code', {}, entry.path)),
        h('td', {}, h('span', { class: format.statusClass(entry.status) }, String(entry.status))),
        h('td', { class: 'num' }, format.ms(entry.duration_ms)),
        h('td', { class: 'num' }, String(entry.logs.length)));
      row.addEventListener('click', () => open(entry, row));
      row.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(entry, row); } });
      body.prepend(row);
    }
    while (body.children.length > KEEP) body.lastElementChild.remove();
  }
  return stop;
}
