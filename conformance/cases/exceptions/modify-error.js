function handler() {
  const e = new Error("original");
  e.message = "changed";
  e.name = "Custom";
  e.code = "E_CODE";
  const t = new TypeError("t");
  t.name = "Renamed";
  return { str: String(e), code: e.code, json: JSON.stringify(e), keys: Object.keys(e), t: `${t}`, spread: { ...e } };
}
