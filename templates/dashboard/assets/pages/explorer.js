// API explorer: pick an operation of the service's OpenAPI document, fill its path and
// query parameters and its JSON body (a form generated from the schema, or raw JSON), send
// it with the signed-in reader's credentials, and see the status, headers, body and time.
// The dashboard.auth token opens only the dashboard: a service without auth: gets the
// explorer's requests without it, so no handler ever sees it.
import { h, field } from '../dom.js';
import { objectForm, control, resolve } from '../schema_form.js';
import * as session from '../session.js';
import { apiUrl } from '../api.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function render(container, { service }) {
  const credentials = service.sign_in === 'accounts' || service.sign_in === 'bearer';
  const status = h('p', { role: 'status', class: 'muted' }, 'Loading the OpenAPI document…');
  container.append(status);
  let stopped = false;
  fetch(apiUrl('/_backworks/openapi.json')).then((r) => r.json()).then((document) => {
    if (stopped) return;
    status.textContent = '';
    const operations = [];
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of METHODS) if (item[method]) operations.push({ path, method, operation: item[method], shared: item.parameters ?? [] });
    }
    const picker = h('select', { id: 'explorer-operation' }, operations.map((op, i) =>
      h('option', { value: String(i) }, `${op.method.toUpperCase()} ${op.path}${op.operation.summary ? ` — ${op.operation.summary}` : ''}`)));
    const form = h('form', { class: 'card', id: 'explorer-form' });
    const answer = h('section', { class: 'answer', id: 'explorer-answer', 'aria-live': 'polite' });
    container.append(field('Operation', picker), form, answer);
    const build = () => buildForm(document, operations[Number(picker.value)], form, answer, credentials);
    picker.addEventListener('change', build);
    const wanted = new URLSearchParams(location.hash.split('?')[1] ?? '').get('op');
    const index = operations.findIndex((op) => `${op.method.toUpperCase()} ${op.path}` === wanted);
    if (index >= 0) picker.value = String(index);
    if (operations.length) build();
  }).catch((error) => { status.textContent = `Could not read openapi.json: ${error.message}`; });
  return () => { stopped = true; };
}

function buildForm(document, op, form, answer, credentials) {
  answer.replaceChildren();
  const parameters = [...op.shared, ...(op.operation.parameters ?? [])].map((p) => resolve(document, p))
    .filter((p) => p.in === 'path' || p.in === 'query');
  const params = parameters.map((p) => ({ p, c: control(p.name, resolve(document, p.schema ?? {}), Boolean(p.required), `param-${p.in}`) }));
  const bodySchema = op.operation.requestBody?.content?.['application/json']?.schema;
  const children = [];
  if (params.length) children.push(h('fieldset', {}, h('legend', {}, 'Parameters'), params.map(({ c }) => c.element)));
  let body = null;
  let raw = null;
  let useRaw = null;
  if (bodySchema) {
    body = objectForm(document, bodySchema, 'body');
    raw = h('textarea', { id: 'explorer-raw', rows: 6, spellcheck: 'false' }, '{}');
    useRaw = h('input', { type: 'checkbox', id: 'explorer-use-raw', checked: body.empty });
    const fields = h('div', { class: 'body-fields', hidden: body.empty }, body.elements);
    const rawBox = h('div', { hidden: !body.empty }, field('Body (JSON)', raw));
    useRaw.addEventListener('change', () => {
      if (useRaw.checked) { try { raw.value = JSON.stringify(body.value(), null, 2); } catch { /* keep the text */ } }
      fields.hidden = useRaw.checked;
      rawBox.hidden = !useRaw.checked;
    });
    children.push(h('fieldset', {}, h('legend', {}, 'Body'),
      h('div', { class: 'check' }, useRaw, h('label', { for: 'explorer-use-raw' }, 'Edit the body as raw JSON')), fields, rawBox));
  }
  const error = h('p', { class: 'error', role: 'alert' });
  children.push(h('button', { type: 'submit', id: 'explorer-send' }, `Send ${op.method.toUpperCase()} ${op.path}`), error);
  form.replaceChildren(...children);
  form.onsubmit = async (event) => {
    event.preventDefault();
    error.textContent = '';
    let path = op.path;
    const query = new URLSearchParams();
    let payload;
    try {
      for (const { p, c } of params) {
        const value = c.read();
        if (value === undefined) continue;
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
        else query.set(p.name, String(value));
      }
      if (body) payload = useRaw.checked ? JSON.stringify(JSON.parse(raw.value)) : JSON.stringify(body.value());
    } catch (failure) { error.textContent = `Not valid JSON: ${failure.message}`; return; }
    const url = apiUrl(path + (query.size ? `?${query}` : ''));
    const started = performance.now();
    try {
      const send = credentials ? session.authorized : (target, options) => fetch(target, options);
      const response = await send(url, {
        method: op.method.toUpperCase(),
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        body: payload,
      });
      const text = await response.text();
      const took = performance.now() - started;
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON */ }
      answer.replaceChildren(
        h('h2', {}, 'Response'),
        h('p', {}, h('strong', { id: 'explorer-status', class: `status s${String(response.status)[0]}xx` }, `${response.status} ${response.statusText}`),
          ` in ${took.toFixed(1)} ms`),
        h('h3', {}, 'Headers'),
        h('pre', { tabindex: '0' }, [...response.headers].map(([n, v]) => `${n}: ${v}`).join('\n')),
        h('h3', {}, 'Body'),
        h('pre', { tabindex: '0', id: 'explorer-body' }, shown || '(empty)'));
    } catch (failure) {
      error.textContent = `The request failed: ${failure.message}`;
    }
  };
}
