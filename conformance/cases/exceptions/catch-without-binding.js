export default function (req) {
  let parsed;
  try {
    parsed = JSON.parse("{bad json");
  } catch {
    parsed = { fallback: true };
  }
  let ok = true;
  try { null.x; } catch { ok = false; }
  return { parsed, ok };
}
