// The dashboard's one form builder: controls generated from a JSON Schema, for the explorer's
// parameters and bodies, the form workflows' requests and (through fields.js) the crud
// tables' records. Strings (email, date and date-time get their own inputs; long text a text
// area), numbers, integers, booleans and enums become labelled controls, required ones marked;
// anything else (nested objects, arrays) is edited as JSON text. Each control reads its value
// back (`read()`, empty optional fields as undefined), can be filled (`write()`), checks the
// value against the schema's constraints as the server does (`check()`, the same rules as
// runtime-lib's validate/schema.rs and storage/record.rs: lengths, unanchored ECMAScript
// patterns, the email shape), and shows a message next to itself (`setError()`).
import { h, field } from './dom.js';

// The schema `schema` points to in `document` ($ref: '#/components/schemas/X').
export function resolve(document, schema, depth = 0) {
  if (!schema || depth > 8) return schema ?? {};
  if (schema.$ref?.startsWith('#/')) {
    const target = schema.$ref.slice(2).split('/').reduce((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], document);
    return resolve(document, target, depth + 1);
  }
  if (schema.allOf?.length === 1) return resolve(document, schema.allOf[0], depth + 1);
  return schema;
}

function typeOf(schema) {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.enum) return 'enum';
  return type ?? 'json';
}

// "2026-12-04T13:50:00.000Z" ⇄ the local "2026-12-04T14:50:00" a datetime-local input holds.
function toLocal(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

// One control for `schema`. options.checkbox: a boolean as a checkbox (a record's required
// field) rather than unset/true/false (an optional parameter or field, which may be null).
export function control(label, schema, required, idPrefix, options = {}) {
  const id = `${idPrefix}-${label}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const text = `${label}${required ? ' (required)' : ''}`;
  const kind = typeOf(schema);
  const helpId = schema.description ? `${id}-help` : null;
  const errorId = `${id}-error`;
  const described = [helpId].filter(Boolean).join(' ') || null;
  const message = h('small', { id: errorId, class: 'field-error', hidden: true });
  let input;
  let read;
  let write;
  if (kind === 'enum') {
    input = h('select', { id, required }, h('option', { value: '' }, '(unset)'),
      schema.enum.map((value) => h('option', { value: JSON.stringify(value) }, String(value))));
    read = () => input.value === '' ? undefined : JSON.parse(input.value);
    write = (value) => { input.value = value === undefined || value === null ? '' : JSON.stringify(value); };
  } else if (kind === 'boolean' && options.checkbox) {
    input = h('input', { id, type: 'checkbox' });
    read = () => input.checked;
    write = (value) => { input.checked = value === true; };
  } else if (kind === 'boolean') {
    input = h('select', { id, required }, h('option', { value: '' }, '(unset)'),
      h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
    read = () => input.value === '' ? undefined : input.value === 'true';
    write = (value) => { input.value = typeof value === 'boolean' ? String(value) : ''; };
  } else if (kind === 'integer' || kind === 'number') {
    input = h('input', { id, type: 'number', step: kind === 'integer' ? '1' : 'any', required,
      min: schema.minimum ?? false, max: schema.maximum ?? false });
    // A half-typed number ("1e") reads as NaN, which check() reports.
    read = () => input.validity.badInput ? NaN : input.value === '' ? undefined : Number(input.value);
    write = (value) => { input.value = typeof value === 'number' ? String(value) : ''; };
  } else if (kind === 'string' && schema.format === 'date-time') {
    input = h('input', { id, type: 'datetime-local', step: '1', required });
    read = () => input.value === '' ? undefined : new Date(input.value).toISOString();
    write = (value) => { input.value = value ? toLocal(value) : ''; };
  } else if (kind === 'string') {
    const type = schema.format === 'email' ? 'email' : schema.format === 'date' ? 'date' : 'text';
    input = options.multiline
      ? h('textarea', { id, rows: 4, required, maxlength: schema.maxLength ?? false })
      : h('input', { id, type, required, maxlength: schema.maxLength ?? false,
        placeholder: type === 'text' ? schema.format ?? false : false });
    read = () => input.value === '' ? undefined : input.value;
    write = (value) => { input.value = value === undefined || value === null ? '' : String(value); };
  } else {
    input = h('textarea', { id, rows: 3, placeholder: 'JSON', required });
    read = () => input.value.trim() === '' ? undefined : JSON.parse(input.value);
    write = (value) => { input.value = value === undefined || value === null ? '' : JSON.stringify(value); };
  }
  if (described) input.setAttribute('aria-describedby', described);
  const box = kind === 'boolean' && options.checkbox
    ? h('div', { class: 'check' }, input, h('label', { for: id }, text))
    : field(text, input);
  if (helpId) box.append(h('small', { id: helpId, class: 'muted' }, schema.description));
  box.append(message);
  if (required) box.classList.add('required');
  const setError = (problem) => {
    message.textContent = problem ?? '';
    message.hidden = !problem;
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [described, errorId].filter(Boolean).join(' '));
    } else {
      input.removeAttribute('aria-invalid');
      if (described) input.setAttribute('aria-describedby', described); else input.removeAttribute('aria-describedby');
    }
  };
  const check = () => {
    let value;
    try { value = read(); } catch { return 'is not valid JSON'; }
    return problem(schema, value, required);
  };
  return { name: label, element: box, input, read, write, check, setError };
}

// What is wrong with `value` under `schema` (null when nothing), worded for the form.
export function problem(schema, value, required) {
  if (value === undefined || value === null) return required ? 'is required' : null;
  const kind = typeOf(schema);
  if (kind === 'enum') return schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value)) ? null : `must be one of ${schema.enum.join(', ')}`;
  if (kind === 'integer' || kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
    if (kind === 'integer' && !Number.isInteger(value)) return 'must be a whole number';
    if (schema.minimum !== undefined && schema.minimum !== null && value < schema.minimum) return `must be at least ${schema.minimum}`;
    if (schema.maximum !== undefined && schema.maximum !== null && value > schema.maximum) return `must be at most ${schema.maximum}`;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return `must be more than ${schema.exclusiveMinimum}`;
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return `must be less than ${schema.exclusiveMaximum}`;
    return null;
  }
  if (kind === 'string') {
    if (typeof value !== 'string') return 'must be text';
    // Characters (code points), as JSON Schema, the request validator and the store count them.
    const length = [...value].length;
    if (schema.minLength && length < schema.minLength) return `must be at least ${schema.minLength} characters`;
    if (schema.maxLength !== undefined && schema.maxLength !== null && length > schema.maxLength) return `must be at most ${schema.maxLength} characters`;
    if (schema.pattern) {
      let pattern = null;
      try { pattern = new RegExp(schema.pattern, 'u'); } catch { /* the server judges it */ }
      if (pattern && !pattern.test(value)) return `must match ${schema.pattern}`;
    }
    if (schema.format === 'email' && !isEmail(value)) return 'must be an email address';
    if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'must be a date (YYYY-MM-DD)';
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) return 'must be a date and time';
    return null;
  }
  if (kind === 'boolean') return typeof value === 'boolean' ? null : 'must be true or false';
  if (kind === 'array') return Array.isArray(value) ? null : 'must be a JSON array';
  if (kind === 'object') return value && typeof value === 'object' && !Array.isArray(value) ? null : 'must be a JSON object';
  return null;
}

// The shape runtime-lib's storage accepts: one @, a dotted domain, no white space.
function isEmail(text) {
  const at = text.indexOf('@');
  if (at <= 0) return false;
  const domain = text.slice(at + 1);
  return !domain.includes('@') && domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !/\s/.test(text);
}

// The fields of an object schema; `value()` builds the object, `check()` shows each field's
// problem and says whether all are fine, `setErrors({ name: message })` shows the server's.
export function objectForm(document, schema, idPrefix) {
  const resolved = resolve(document, schema);
  const required = new Set(resolved.required ?? []);
  const controls = Object.entries(resolved.properties ?? {}).map(([name, property]) =>
    control(name, resolve(document, property), required.has(name), idPrefix));
  return {
    controls,
    elements: controls.map((c) => c.element),
    value() {
      const out = {};
      for (const c of controls) { const v = c.read(); if (v !== undefined) out[c.name] = v; }
      return out;
    },
    check: () => checkAll(controls),
    empty: controls.length === 0,
  };
}

// Runs every control's check, shows the messages, and focuses the first bad one.
export function checkAll(controls) {
  let first = null;
  for (const c of controls) {
    const bad = c.check();
    c.setError(bad);
    if (bad && !first) first = c;
  }
  first?.input.focus();
  return first === null;
}
