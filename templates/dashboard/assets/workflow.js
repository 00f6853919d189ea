// What every workflow page shares: calls through the workflow's `base` (the server's
// forwarding route /_backworks/w/<id>/…, which checks the workflow's permissions and answers
// exactly what the resource or endpoint answers), the rows in an answer, and the source of a
// table or chart as a request.
import { authorized } from './session.js';

// call(method, path, body?) → { ok, status, body } with the body parsed when it is JSON.
export function caller(workflow) {
  return async (method, path, body) => {
    const response = await authorized(`${workflow.base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    try { parsed = text === '' ? null : JSON.parse(text); } catch { /* not JSON: kept as text */ }
    return { ok: response.ok, status: response.status, statusText: response.statusText, body: parsed };
  };
}

// The rows of an answer: the member the blueprint names (`rows: authors` for a report such as
// { status, authors: [...] }), an array body, a list envelope's `items`, the first member
// holding an array of objects, else the object itself as the one row ({ notes: 3 }).
export function rowsOf(body, member = null) {
  if (member && body && Array.isArray(body[member])) return body[member];
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    if (Array.isArray(body.items)) return body.items;
    const list = Object.values(body).find((v) => Array.isArray(v) && v.every((x) => x && typeof x === 'object'));
    if (list) return list;
    return [body];
  }
  return [];
}

// The request a table's or chart's source makes: an endpoint's GET path, or a resource's
// list with the blueprint's query.
export function sourcePath(source) {
  if (source.endpoint) return source.endpoint.path;
  const query = source.query ? `?${source.query}` : '';
  return `${source.resource.path}${query}`;
}

// Columns to show: the workflow's, else every scalar member of the first rows.
export function columnsOf(workflow, rows) {
  if (workflow.columns?.length) return workflow.columns;
  const names = [];
  for (const row of rows.slice(0, 20)) {
    for (const [name, value] of Object.entries(row)) {
      if (!names.includes(name) && (value === null || typeof value !== 'object')) names.push(name);
    }
  }
  return names;
}

// A cell's text: refs embedded as objects show their label, arrays their items.
export function cellText(value, label) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => cellText(v)).join(', ');
  if (typeof value === 'object') return String(value[label] ?? value.name ?? value.id ?? JSON.stringify(value));
  return String(value);
}
