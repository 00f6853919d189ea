// Endpoints: every route of the service (declared endpoints and resources' generated
// routes) with its methods, description, parameters, who may call it, and its live counts
// from the monitor's summary, and a link that opens it in the explorer. Rows are built once; the search box and the filters only hide
// rows and each poll only rewrites the count cells, so hundreds of routes stay fast.
import { h, field } from '../dom.js';
import * as format from '../format.js';
import { summaries } from '../source.js';

const key = (method, path) => `${method} ${path}`;

function who(route) {
  if (route.auth === 'rule') return `record rule: ${route.rule}`;
  if (route.auth === 'required') return route.roles.length ? `roles: ${route.roles.join(', ')}` : 'signed in';
  return route.auth;
}

export function render(container, { service }) {
  const methods = [...new Set(service.routes.map((route) => route.method))];
  const auths = [...new Set(service.routes.map((route) => route.auth))];
  const search = h('input', { type: 'search', id: 'endpoint-search', placeholder: 'path, name or description' });
  const method = h('select', { id: 'endpoint-method' }, h('option', { value: '' }, 'any'), methods.map((m) => h('option', { value: m }, m)));
  const auth = h('select', { id: 'endpoint-auth' }, h('option', { value: '' }, 'any'), auths.map((a) => h('option', { value: a }, a)));
  const shown = h('p', { role: 'status', id: 'endpoint-count' });
  container.append(h('form', { class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault() },
    field('Search', search), field('Method', method), field('Access', auth)), shown);
  const cells = new Map();
  const rows = service.routes.map((route) => {
    const count = h('td', { class: 'num', 'data-count': key(route.method, route.path) }, '0');
    const errors = h('td', { class: 'num' }, '0');
    const latency = h('td', { class: 'num' }, '–');
    cells.set(key(route.method, route.path), { count, errors, latency });
    const params = route.parameters.map((p) => `${p.name}${p.required ? '*' : ''} (${p.in}, ${p.type})`).join(', ');
    const row = h('tr', { 'data-method': route.method, 'data-auth': route.auth },
      h('td', {}, h('span', { class: `method m-${route.method}` }, route.method)),
      h('td', {}, h('code', {}, route.path)),
      h('td', {}, route.endpoint, ' ',
        h('a', { href: `#explorer?op=${encodeURIComponent(`${route.method} ${route.path}`)}`, 'aria-label': `Try ${route.method} ${route.path} in the API explorer` }, 'Try'),
        route.description ? h('div', { class: 'muted' }, route.description) : null),
      h('td', {}, params || '–'),
      h('td', {}, who(route)),
      count, errors, latency);
    row.dataset.text = `${route.method} ${route.path} ${route.endpoint} ${route.description ?? ''}`.toLowerCase();
    return row;
  });
  const body = h('tbody', {}, rows);
  container.append(h('div', { class: 'scroll' }, h('table', { id: 'endpoints' },
    h('caption', {}, 'Routes of the service and their traffic since start'),
    h('thead', {}, h('tr', {}, ['Method', 'Path', 'Endpoint', 'Parameters (* required)', 'Access', 'Requests', 'Errors', 'p95']
      .map((text) => h('th', { scope: 'col' }, text)))),
    body)));
  const filter = () => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let visible = 0;
    for (const row of rows) {
      const show = (!method.value || row.dataset.method === method.value)
        && (!auth.value || row.dataset.auth === auth.value)
        && words.every((word) => row.dataset.text.includes(word));
      row.hidden = !show;
      if (show) visible += 1;
    }
    shown.textContent = `${visible} of ${rows.length} routes`;
  };
  search.addEventListener('input', filter);
  method.addEventListener('change', filter);
  auth.addEventListener('change', filter);
  filter();
  return summaries((summary) => {
    for (const route of summary.routes) {
      const cell = cells.get(key(route.method, route.route));
      if (!cell) continue;
      cell.count.textContent = format.number(route.requests, 0);
      cell.errors.textContent = format.number((route.status['4xx'] ?? 0) + (route.status['5xx'] ?? 0), 0);
      cell.latency.textContent = format.ms(route.latency_ms.p95);
    }
  });
}
