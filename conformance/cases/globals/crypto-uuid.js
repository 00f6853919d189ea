// randomUUID is not frozen: check its shape, never its value.
export default function () {
  const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
  return { valid: ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)), unique: new Set(ids).size === ids.length, length: ids[0].length };
}
