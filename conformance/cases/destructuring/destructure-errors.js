exports.handler = () => {
  const errors = [];
  try { const { a } = null; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { const { b } = undefined; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { const [c] = {}; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { const { x: { y } } = {}; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  return errors;
};
