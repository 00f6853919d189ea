// @request POST {"field": "email", "value": "a@b.c"}
// @request POST {"field": "__proto__", "value": 1}
// @request POST {"field": "toString", "value": "x"}
export default function (req) {
  const { field, value } = req.body;
  const record = {};
  record[field] = value;
  return { keys: Object.keys(record), own: Object.hasOwn(record, field), json: JSON.stringify(record) };
}
