// A ref field's control: pick a row of the target resource by its label field. A search box
// narrows a list (`GET <target>?<label>=ilike.*text*&order=<label>` through the workflow's
// base, so the server decides who may look) and a plain labelled <select> holds the choice —
// both keyboard-native, no custom listbox to get wrong. The value is the chosen row's id.
import { h } from './dom.js';

const SHOWN = 20;

export function refPicker(field, call, idPrefix) {
  const { path, label } = field.ref;
  const id = `${idPrefix}-${field.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const errorId = `${id}-error`;
  const text = `${field.name}${field.required ? ' (required)' : ''}`;
  const search = h('input', { type: 'search', id: `${id}-search`, 'aria-label': `Search ${field.ref.resource} by ${label}`, placeholder: `Search by ${label}` });
  const select = h('select', { id, required: Boolean(field.required) }, h('option', { value: '' }, '(none)'));
  const message = h('small', { id: errorId, class: 'field-error', hidden: true });
  const box = h('div', { class: `field ref${field.required ? ' required' : ''}` },
    h('label', { for: id }, text), h('div', { class: 'ref-controls' }, search, select), message);
  let chosen = null; // { id, text }: kept when a search no longer lists it
  const fill = (rows) => {
    const options = rows.map((row) => ({ id: row.id, text: `${row[label] ?? row.id}` }));
    if (chosen && !options.some((o) => String(o.id) === String(chosen.id))) options.unshift(chosen);
    select.replaceChildren(h('option', { value: '' }, '(none)'),
      ...options.map((o) => h('option', { value: JSON.stringify(o.id), selected: chosen && String(o.id) === String(chosen.id) }, o.text)));
  };
  const find = async (words) => {
    const query = new URLSearchParams({ order: label, limit: String(SHOWN), select: `id,${label}` });
    if (words) query.set(label, `ilike.*${words}*`);
    const answer = await call('GET', `${path}?${query}`);
    if (answer.ok) fill(answer.body.items ?? []);
  };
  let timer = null;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => find(search.value.trim()), 200); });
  select.addEventListener('change', () => {
    chosen = select.value === '' ? null : { id: JSON.parse(select.value), text: select.selectedOptions[0].textContent };
  });
  const ready = find('');
  return {
    name: field.name,
    element: box,
    input: select,
    read: () => select.value === '' ? undefined : JSON.parse(select.value),
    // A record's ref (its id, or the embedded row when listed with select=author(id,name)).
    async write(value) {
      const target = value && typeof value === 'object' ? value.id : value;
      if (target === null || target === undefined) { chosen = null; await ready; select.value = ''; return; }
      const answer = await call('GET', `${path}/${encodeURIComponent(target)}`);
      chosen = { id: target, text: answer.ok ? `${answer.body[label] ?? target}` : String(target) };
      await ready;
      fill([]);
      await find(search.value.trim());
    },
    check: () => field.required && select.value === '' ? 'is required' : null,
    setError(problem) {
      message.textContent = problem ?? '';
      message.hidden = !problem;
      if (problem) { select.setAttribute('aria-invalid', 'true'); select.setAttribute('aria-describedby', errorId); }
      else { select.removeAttribute('aria-invalid'); select.removeAttribute('aria-describedby'); }
    },
  };
}
