// A form workflow: one endpoint's path and query parameters and its JSON body (from the
// endpoint's request schema) as a generated form (schema_form.js), checked in the browser
// with the server's rules, sent through the workflow's base; the answer (status and body)
// shown below, and the server's violations next to their fields.
import { h } from '../../dom.js';
import { caller } from '../../workflow.js';
import { control, objectForm, checkAll } from '../../schema_form.js';
import { showViolations } from '../../fields.js';

export function render(container, { workflow }) {
  const call = caller(workflow);
  const endpoint = workflow.endpoint;
  const idPrefix = `wf-${workflow.id}`;
  // Path parameters the description does not list are still in the path: strings.
  const listed = (endpoint.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
  const unlisted = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
    .filter((name) => !listed.some((p) => p.in === 'path' && p.name === name))
    .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const params = [...unlisted, ...listed]
    .map((p) => ({ p, c: control(p.name, p.schema ?? { type: 'string' }, Boolean(p.required) || p.in === 'path', `${idPrefix}-${p.in}`) }));
  const body = endpoint.request ? objectForm({}, endpoint.request, `${idPrefix}-body`) : null;
  const controls = [...params.map(({ c }) => c), ...(body?.controls ?? [])];
  const error = h('p', { class: 'error', role: 'alert' });
  const answer = h('section', { class: 'answer', id: `${idPrefix}-answer`, 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true, id: `${idPrefix}-form` },
    params.length ? h('fieldset', {}, h('legend', {}, 'Parameters'), params.map(({ c }) => c.element)) : null,
    body && !body.empty ? h('fieldset', {}, h('legend', {}, 'Body'), body.elements) : null,
    error,
    h('button', { type: 'submit', id: `${idPrefix}-send` }, `Send ${endpoint.method} ${endpoint.path}`));
  container.append(
    workflow.description ? h('p', { class: 'lead' }, workflow.description) : '',
    form, answer);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!checkAll(controls)) { error.textContent = 'Please correct the marked fields.'; return; }
    let path = endpoint.path;
    const query = new URLSearchParams();
    for (const { p, c } of params) {
      const value = c.read();
      if (value === undefined) continue;
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
      else query.set(p.name, String(value));
    }
    const target = `${path}${query.size ? `?${query}` : ''}`;
    const sent = endpoint.method === 'GET' || endpoint.method === 'DELETE' || !body ? undefined : body.value();
    const result = await call(endpoint.method, target, sent);
    for (const c of controls) c.setError(null);
    if (!result.ok) {
      const rest = showViolations(controls, result.body);
      error.textContent = `The server refused it (${result.status})${rest.length ? `: ${rest.join('; ')}` : '.'}`;
    }
    answer.replaceChildren(
      h('h2', {}, 'Response'),
      h('p', {}, h('strong', { id: `${idPrefix}-status`, class: `status s${String(result.status)[0]}xx` }, `${result.status} ${result.statusText}`)),
      h('pre', { tabindex: '0', id: `${idPrefix}-body-shown` },
        typeof result.body === 'string' ? result.body || '(empty)' : JSON.stringify(result.body, null, 2)));
  });
}
