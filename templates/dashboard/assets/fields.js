// A resource's fields (the workflow description's `resource.fields`) as form controls, and
// the server's validation answers mapped back onto them. Each field becomes the JSON Schema
// its column accepts and goes through schema_form.js (the one form builder), except refs,
// which get a searchable picker over the target resource (ref_picker.js).
//
//   { name: "price", type: "number", minimum: 0 }  ─▶ <input type=number min=0>, check(): "must be at least 0"
//   422/400 { violations: [{ pointer: "/body/price", message: "must be at least 0" }] } ─▶ next to price
import { control } from './schema_form.js';
import { refPicker } from './ref_picker.js';

// The JSON Schema a field's values satisfy.
export function schemaOf(field) {
  const schema = {};
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'format', 'description']) {
    if (field[key] !== null && field[key] !== undefined) schema[key] = field[key];
  }
  switch (field.type) {
    case 'text': case 'string': schema.type = 'string'; break;
    case 'date': schema.type = 'string'; schema.format = 'date'; break;
    case 'datetime': schema.type = 'string'; schema.format = 'date-time'; break;
    case 'integer': case 'number': case 'boolean': schema.type = field.type; break;
    case 'enum': schema.enum = field.enum ?? field.values ?? []; break;
    case 'array': schema.type = 'array'; break;
    default: break; // json: any value, edited as JSON text
  }
  return schema;
}

// The fields a person fills in: everything the server does not set itself.
export function editable(resource) {
  return resource.fields.filter((f) => !f.readonly && f.name !== 'id');
}

// Whether a create must name the field: required, and not filled by the server (a default,
// or generated: now, a uuid).
export function needed(field) {
  return Boolean(field.required) && (field.default === null || field.default === undefined) && !field.generated;
}

// One control per editable field, the ref pickers reading the target through `call`. A
// required boolean is a checkbox; an optional one may also hold null, so it is a tri-state
// select (unset / true / false) and a stored null is read back, and saved back, as null.
export function recordControls(resource, call, idPrefix) {
  return editable(resource).map((f) => {
    if (f.type === 'ref' && f.ref) return refPicker(f, call, idPrefix);
    return control(f.name, schemaOf(f), needed(f), idPrefix, { checkbox: Boolean(f.required), multiline: f.type === 'text' });
  });
}

// The body of a create (empty fields left out) or of an update (`before`: the record as
// read; a field emptied since is sent as null so PATCH clears it).
export function recordBody(controls, before = null) {
  const body = {};
  for (const c of controls) {
    const value = c.read();
    if (value !== undefined) body[c.name] = value;
    else if (before && before[c.name] !== null && before[c.name] !== undefined) body[c.name] = null;
  }
  return body;
}

// Shows an error answer's violations next to their controls; returns the messages that
// belong to no control (shown with the form).
export function showViolations(controls, answer) {
  const byName = new Map(controls.map((c) => [c.name, c]));
  const rest = [];
  let first = null;
  for (const violation of answer?.violations ?? []) {
    // "/body/price", "/path/id", "/query/status" or a storage "/price": the first name.
    const parts = String(violation.pointer ?? '').split('/').filter(Boolean);
    const name = ['body', 'path', 'query'].includes(parts[0]) ? parts[1] : parts[0];
    const target = byName.get(name);
    if (target) { target.setError(violation.message); first ??= target; }
    else rest.push(`${violation.pointer}: ${violation.message}`);
  }
  if (!answer?.violations?.length && answer?.message) rest.push(answer.message);
  first?.input.focus();
  return rest;
}
