// A crud_table workflow: one resource's rows in a table that reads the resource's list grammar
// (`order`, per-field filters such as `price=gte.5` or `title=ilike.*sea*`, `search`,
// `limit`/`offset` with `count=exact`), refs shown by their label (`select=…,author(id,name)`),
// create and edit in a dialog generated from the field metadata (fields.js), delete one row or
// the checked ones after a confirmation, and the page refetched when the resource changes
// anywhere (live.js). Buttons for operations the resource does not serve are not drawn: the
// server would refuse them anyway.
import { h, field } from '../../dom.js';
import { caller, cellText } from '../../workflow.js';
import { recordControls, recordBody, showViolations } from '../../fields.js';
import { control, checkAll } from '../../schema_form.js';
import { refPicker } from '../../ref_picker.js';
import { follow } from '../../live.js';
import * as dialog from '../../dialog.js';

// The list's largest page (runtime-lib's storage/query.rs MAX_LIMIT).
const MAX_LIMIT = 100;
const NUMERIC = new Set(['integer', 'number']);

export function render(container, { workflow }) {
  const call = caller(workflow);
  const resource = workflow.resource;
  const ops = new Set(resource.operations);
  const fields = new Map(resource.fields.map((f) => [f.name, f]));
  const columns = (workflow.columns?.length ? workflow.columns : resource.fields.map((f) => f.name)).filter((name) => name === 'id' || fields.has(name));
  const limit = Math.min(resource.page_size?.default ?? 20, MAX_LIMIT);
  const state = { order: null, desc: false, offset: 0, search: '', filters: [] };
  const selected = new Set();
  let rows = [];
  let total = 0;
  let liveState = 'connecting';
  const idPrefix = `wf-${workflow.id}`;

  // Toolbar: search, create, bulk delete; then the filters and the table.
  const status = h('p', { role: 'status', class: 'muted', id: `${idPrefix}-status` });
  const message = h('p', { class: 'error', role: 'alert' });
  const tools = h('div', { class: 'toolbar' });
  if (resource.search) {
    const search = h('input', { type: 'search', id: `${idPrefix}-search` });
    let timer = null;
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { state.search = search.value.trim(); state.offset = 0; load(); }, 250); });
    tools.append(field('Search', search));
  }
  if (ops.has('create')) tools.append(h('button', { type: 'button', id: `${idPrefix}-new`, onclick: () => edit(null) }, 'New record'));
  const bulk = h('button', { type: 'button', class: 'danger', id: `${idPrefix}-bulk-delete`, disabled: true, onclick: () => removeSelected() }, 'Delete selected');
  if (ops.has('delete')) tools.append(bulk);
  const filters = filterForm();
  const table = h('table', { id: `${idPrefix}-table`, class: 'records' });
  const pager = h('div', { class: 'pager' });
  container.append(
    workflow.description ? h('p', { class: 'lead' }, workflow.description) : '',
    tools, filters ?? '', message, h('div', { class: 'scroll' }, table), pager, status);

  // Loads overlap when changes arrive in bursts: only the latest one draws.
  let generation = 0;
  async function load() {
    const mine = ++generation;
    const query = new URLSearchParams({ limit: String(limit), offset: String(state.offset), count: 'exact' });
    // Refs come embedded with their label, so a cell shows "Ursula K. Le Guin", not 1.
    query.set('select', ['id', ...columns.filter((c) => c !== 'id')].map((name) => {
      const f = fields.get(name);
      return f?.type === 'ref' && f.ref ? `${name}(id,${f.ref.label})` : name;
    }).join(','));
    if (state.order) query.set('order', `${state.order}.${state.desc ? 'desc' : 'asc'}`);
    if (state.search) query.set('search', state.search);
    for (const [name, value] of state.filters) query.append(name, value);
    const answer = await call('GET', `${resource.path}?${query}`);
    if (mine !== generation) return;
    if (!answer.ok) { message.textContent = `Could not list ${resource.name}: ${answer.body?.message ?? answer.status}`; return; }
    message.textContent = '';
    rows = answer.body.items ?? [];
    total = answer.body.total ?? rows.length;
    for (const id of [...selected]) if (!rows.some((row) => key(row) === id)) selected.delete(id);
    draw();
  }

  const key = (row) => String(row.id);
  // A row is named by its first column other than id (a ref column by its label).
  const naming = columns.find((c) => c !== 'id') ?? 'id';
  const labelOf = (row) => cellText(row[naming], fields.get(naming)?.ref?.label) || `#${row.id}`;

  // Rows are redrawn on every change; the focused control (by its data-key) keeps the focus.
  function draw() {
    const focused = table.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    const header = h('tr', {},
      ops.has('delete') ? h('th', { scope: 'col' }, h('input', { type: 'checkbox', 'data-key': 'select-all', 'aria-label': 'Select every row on this page',
        checked: rows.length > 0 && rows.every((row) => selected.has(key(row))),
        onchange: (event) => { for (const row of rows) event.target.checked ? selected.add(key(row)) : selected.delete(key(row)); draw(); } })) : null,
      columns.map((name) => {
        const sortable = name === 'id' || fields.get(name)?.sortable;
        const sort = state.order === name ? (state.desc ? 'descending' : 'ascending') : null;
        return h('th', { scope: 'col', 'aria-sort': sort },
          sortable ? h('button', { type: 'button', class: 'sort', 'data-sort': name, 'data-key': `sort-${name}`, onclick: () => sortBy(name) }, name, sort ? (state.desc ? ' ▼' : ' ▲') : '') : name);
      }),
      ops.has('update') || ops.has('delete') ? h('th', { scope: 'col' }, 'Actions') : null);
    const body = rows.map((row) => h('tr', { 'data-id': key(row) },
      ops.has('delete') ? h('td', {}, h('input', { type: 'checkbox', 'data-key': `select-${key(row)}`, 'aria-label': `Select ${labelOf(row)}`, checked: selected.has(key(row)),
        onchange: (event) => { event.target.checked ? selected.add(key(row)) : selected.delete(key(row)); updateBulk(); } })) : null,
      columns.map((name) => h('td', { class: NUMERIC.has(fields.get(name)?.type) ? 'num' : null, 'data-column': name },
        cellText(row[name], fields.get(name)?.ref?.label))),
      ops.has('update') || ops.has('delete') ? h('td', { class: 'actions' },
        ops.has('update') ? h('button', { type: 'button', class: 'secondary', 'data-key': `edit-${key(row)}`, 'aria-label': `Edit ${labelOf(row)}`, onclick: () => edit(row) }, 'Edit') : null,
        ops.has('delete') ? h('button', { type: 'button', class: 'danger', 'data-key': `delete-${key(row)}`, 'aria-label': `Delete ${labelOf(row)}`, onclick: () => removeOne(row) }, 'Delete') : null) : null));
    table.replaceChildren(
      h('caption', {}, `${resource.name}: ${total} row${total === 1 ? '' : 's'}`),
      h('thead', {}, header),
      h('tbody', {}, body.length ? body : h('tr', {}, h('td', { colspan: String(columns.length + 2) }, 'No rows match.'))));
    const pages = Math.max(1, Math.ceil(total / limit));
    const page = Math.floor(state.offset / limit) + 1;
    pager.replaceChildren(
      h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => { state.offset = Math.max(0, state.offset - limit); load(); } }, 'Previous page'),
      h('span', {}, ` Page ${page} of ${pages} `),
      h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => { state.offset += limit; load(); } }, 'Next page'));
    status.textContent = `${rows.length ? `Rows ${state.offset + 1}–${state.offset + rows.length} of ${total}` : 'No rows'} · ${liveState === 'live' ? 'live' : 'refreshing every few seconds'}`;
    status.dataset.live = liveState;
    updateBulk();
    if (focused) table.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  function updateBulk() {
    bulk.disabled = selected.size === 0;
    bulk.textContent = selected.size ? `Delete selected (${selected.size})` : 'Delete selected';
  }

  function sortBy(name) {
    if (state.order === name) state.desc = !state.desc; else { state.order = name; state.desc = false; }
    load();
  }

  // One control per filterable column, each adding its condition in the list grammar.
  function filterForm() {
    const parts = [];
    for (const name of columns) {
      const f = fields.get(name);
      if (!f?.filterable) continue;
      const prefix = `${idPrefix}-filter`;
      if (f.type === 'enum' || f.type === 'boolean') {
        const c = control(name, f.type === 'enum' ? { enum: f.enum ?? [] } : { type: 'boolean' }, false, prefix);
        parts.push({ element: c.element, conditions: () => { const v = c.read(); return v === undefined ? [] : [[name, f.type === 'boolean' ? `is.${v}` : `eq.${v}`]]; } });
      } else if (NUMERIC.has(f.type) || f.type === 'date' || f.type === 'datetime') {
        const kind = NUMERIC.has(f.type) ? { type: f.type } : { type: 'string', format: 'date' };
        const low = control(`${name} from`, kind, false, prefix);
        const high = control(`${name} to`, kind, false, prefix);
        // A datetime compared with a day: the whole day.
        const bound = (v, end) => f.type === 'datetime' ? `${v}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : v;
        parts.push({ element: h('div', { class: 'range' }, low.element, high.element), conditions: () => {
          const out = [];
          const from = low.read(); const to = high.read();
          if (from !== undefined && !Number.isNaN(from)) out.push([name, `gte.${bound(from, false)}`]);
          if (to !== undefined && !Number.isNaN(to)) out.push([name, `lte.${bound(to, true)}`]);
          return out;
        } });
      } else if (f.type === 'ref' && f.ref) {
        const picker = refPicker({ ...f, required: false }, call, prefix);
        parts.push({ element: picker.element, conditions: () => { const v = picker.read(); return v === undefined ? [] : [[name, `eq.${v}`]]; } });
      } else if (f.type === 'string' || f.type === 'text') {
        const c = control(`${name} contains`, { type: 'string' }, false, prefix);
        parts.push({ element: c.element, conditions: () => { const v = c.read(); return v === undefined ? [] : [[name, `ilike.*${v}*`]]; } });
      }
    }
    if (!parts.length) return null;
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': `Filter ${resource.name}`, onsubmit: (e) => e.preventDefault() },
      parts.map((p) => p.element));
    let timer = null;
    const apply = () => { clearTimeout(timer); timer = setTimeout(() => { state.filters = parts.flatMap((p) => p.conditions()); state.offset = 0; load(); }, 250); };
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    return h('details', { class: 'filter-box' }, h('summary', {}, 'Filters'), form);
  }

  // The create (record null) or edit dialog.
  async function edit(record) {
    const controls = recordControls(resource, call, `${idPrefix}-form`);
    const error = h('p', { class: 'error', role: 'alert' });
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { novalidate: true, class: 'record-form', id: `${idPrefix}-record` },
      controls.map((c) => c.element), error,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, record ? 'Save' : 'Create'), cancel));
    const { close } = dialog.open(record ? `Edit ${labelOf(record)}` : `New record in ${resource.name}`, form);
    cancel.addEventListener('click', close);
    let before = null;
    // Inert until filled, so nothing typed is overwritten by the values arriving.
    form.inert = true;
    if (record) {
      const answer = await call('GET', `${resource.path}/${encodeURIComponent(record.id)}`);
      if (!answer.ok) { form.inert = false; error.textContent = `Could not read it: ${answer.body?.message ?? answer.status}`; return; }
      before = answer.body;
      await Promise.all(controls.map((c) => c.write(before[c.name])));
    } else {
      // A new record starts from the blueprint's defaults, as the server would fill them.
      const defaults = new Map(resource.fields.map((f) => [f.name, f.default]));
      await Promise.all(controls.filter((c) => defaults.get(c.name) !== null && defaults.get(c.name) !== undefined)
        .map((c) => c.write(defaults.get(c.name))));
    }
    form.inert = false;
    controls[0]?.input.focus();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      // The client's checks first; the server has the last word (its violations land on the fields).
      if (!checkAll(controls)) { error.textContent = 'Please correct the marked fields.'; return; }
      const body = recordBody(controls, before);
      const answer = record
        ? await call('PATCH', `${resource.path}/${encodeURIComponent(record.id)}`, body)
        : await call('POST', resource.path, body);
      if (answer.ok) { close(); announce(`${record ? 'Saved' : 'Created'} ${resource.name} #${answer.body?.id ?? record?.id}`); load(); return; }
      for (const c of controls) c.setError(null);
      const rest = showViolations(controls, answer.body);
      error.textContent = `The server refused it (${answer.status})${rest.length ? `: ${rest.join('; ')}` : '.'}`;
    });
  }

  async function removeOne(row) {
    if (!await dialog.confirm(`Delete ${labelOf(row)}?`, `The ${resource.name} row #${row.id} will be deleted. This cannot be undone.`, 'Delete')) return;
    const answer = await call('DELETE', `${resource.path}/${encodeURIComponent(row.id)}`);
    if (!answer.ok) { message.textContent = `Could not delete it: ${answer.body?.message ?? answer.status}`; return; }
    selected.delete(key(row));
    announce(`Deleted ${resource.name} #${row.id}`);
    load();
  }

  async function removeSelected() {
    const ids = [...selected];
    if (!await dialog.confirm(`Delete ${ids.length} row${ids.length === 1 ? '' : 's'}?`, `${ids.length} ${resource.name} row${ids.length === 1 ? '' : 's'} will be deleted. This cannot be undone.`, 'Delete')) return;
    const failed = [];
    for (const id of ids) {
      const answer = await call('DELETE', `${resource.path}/${encodeURIComponent(id)}`);
      if (answer.ok || answer.status === 404) selected.delete(id); else failed.push(`#${id}: ${answer.body?.message ?? answer.status}`);
    }
    message.textContent = failed.length ? `Not deleted: ${failed.join('; ')}` : '';
    announce(`Deleted ${ids.length - failed.length} ${resource.name} row${ids.length - failed.length === 1 ? '' : 's'}`);
    load();
  }

  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: `${idPrefix}-notice` });
  container.append(notice);
  function announce(text) { notice.textContent = text; }

  load();
  const stop = follow(resource.name, load, (next) => { liveState = next; status.dataset.live = next; });
  return stop;
}
