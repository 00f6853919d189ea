function handler() {
  const s = "Price: $12.50, tax $1.25";
  const first = s.match(/\$(\d+)\.(\d+)/);
  return {
    global: s.match(/\$\d+\.\d+/g),
    first: [...first],
    index: first.index,
    input: first.input === s,
    none: s.match(/€/),
    noneGlobal: s.match(/€/g),
    stringArg: "a.b".match(".")[0],
    groups: first.groups,
  };
}
