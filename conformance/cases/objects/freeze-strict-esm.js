// ES modules are strict: writing to a frozen object throws.
export default function () {
  const o = Object.freeze({ a: 1 });
  const errors = [];
  try { o.a = 2; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { o.b = 2; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { delete o.a; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  return { o, errors };
}
