function handler() {
  const events = [{ at: "2024-03-01T10:00:00Z" }, { at: "2023-12-31T23:59:59Z" }, { at: "2024-01-15T00:00:00.000Z" }];
  return events.sort((a, b) => new Date(a.at) - new Date(b.at)).map((e) => new Date(e.at).toISOString());
}
