function handler() {
  const m = /(?<word>b+)(c)?/d.exec("aabbbd");
  return { indices: [...m.indices], groups: { ...m.indices.groups }, missing: m.indices[2] };
}
