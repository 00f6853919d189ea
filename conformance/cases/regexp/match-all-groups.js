function handler() {
  const log = "GET /a 200\nPOST /b 404\nGET /c 500";
  const entries = [...log.matchAll(/^(?<method>[A-Z]+) (?<path>\S+) (?<status>\d{3})$/gm)].map((m) => ({ ...m.groups, status: Number(m.groups.status), index: m.index }));
  return { entries, errors: entries.filter((e) => e.status >= 400).map((e) => e.path) };
}
