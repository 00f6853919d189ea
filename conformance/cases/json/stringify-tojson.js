function handler() {
  const withToJSON = { a: 1, toJSON(key) { return `custom for key "${key}"`; } };
  return [JSON.stringify(withToJSON), JSON.stringify({ inner: withToJSON }), JSON.stringify([withToJSON]), JSON.stringify(new Date(Date.UTC(2020, 1, 29, 12))), JSON.stringify({ d: new Date(0) }), JSON.stringify({ toJSON: () => undefined }), JSON.stringify({ x: { toJSON: () => undefined } })];
}
