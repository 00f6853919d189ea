// A form generated from a JSON Schema (the explorer's request bodies and parameters):
// strings, numbers, integers, booleans and enums become labelled controls, required ones
// marked; anything else (nested objects, arrays) is edited as JSON text. `value()` reads the
// form back, leaving out empty optional fields.
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

// One control for `schema`; returns { element, read() → value | undefined }.
export function control(label, schema, required, idPrefix) {
  const id = `${idPrefix}-${label}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const text = `${label}${required ? ' (required)' : ''}`;
  const kind = typeOf(schema);
  const describedBy = schema.description ? `${id}-help` : null;
  const help = schema.description ? h('small', { id: describedBy, class: 'muted' }, schema.description) : null;
  const wrap = (input) => { const box = field(text, input); if (help) box.append(help); if (required) box.classList.add('required'); return box; };
  if (kind === 'enum') {
    const select = h('select', { id, 'aria-describedby': describedBy, required }, h('option', { value: '' }, '(unset)'),
      schema.enum.map((value) => h('option', { value: JSON.stringify(value) }, String(value))));
    return { element: wrap(select), read: () => select.value === '' ? undefined : JSON.parse(select.value) };
  }
  if (kind === 'boolean') {
    const select = h('select', { id, 'aria-describedby': describedBy, required }, h('option', { value: '' }, '(unset)'),
      h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
    return { element: wrap(select), read: () => select.value === '' ? undefined : select.value === 'true' };
  }
  if (kind === 'integer' || kind === 'number') {
    const input = h('input', { id, type: 'number', step: kind === 'integer' ? '1' : 'any', 'aria-describedby': describedBy, required,
      min: schema.minimum ?? false, max: schema.maximum ?? false });
    return { element: wrap(input), read: () => input.value === '' ? undefined : Number(input.value) };
  }
  if (kind === 'string') {
    const input = h('input', { id, type: 'text', 'aria-describedby': describedBy, required,
      maxlength: schema.maxLength ?? false, placeholder: schema.format ?? false });
    return { element: wrap(input), read: () => input.value === '' ? undefined : input.value };
  }
  const area = h('textarea', { id, rows: 3, 'aria-describedby': describedBy, placeholder: 'JSON' });
  return { element: wrap(area), read: () => area.value.trim() === '' ? undefined : JSON.parse(area.value) };
}

// The fields of an object schema; `value()` builds the object.
export function objectForm(document, schema, idPrefix) {
  const resolved = resolve(document, schema);
  const required = new Set(resolved.required ?? []);
  const controls = Object.entries(resolved.properties ?? {}).map(([name, property]) =>
    [name, control(name, resolve(document, property), required.has(name), idPrefix)]);
  return {
    elements: controls.map(([, c]) => c.element),
    value() {
      const out = {};
      for (const [name, c] of controls) { const v = c.read(); if (v !== undefined) out[name] = v; }
      return out;
    },
    empty: controls.length === 0,
  };
}
