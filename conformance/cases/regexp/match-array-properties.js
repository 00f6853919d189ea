// Match arrays carry index, input, groups (and indices with the d flag) as own properties.
function handler() {
  const m = /(?<word>\w+) (\d+)?/.exec("say hello world");
  const plain = "abc".match(/b/);
  const withD = /(?<x>a)(b)?/d.exec("zab");
  const all = [..."a1 b2".matchAll(/(?<l>[a-z])(\d)/g)];
  return {
    keys: Object.keys(m), json: JSON.stringify(m), spread: { ...m },
    groupsJson: JSON.stringify(m.groups), inChecks: ["index" in m, "groups" in m, "indices" in m],
    plainKeys: Object.keys(plain), plainGroups: plain.groups, plainSpread: { ...plain },
    dKeys: Object.keys(withD), indices: withD.indices, indicesKeys: Object.keys(withD.indices),
    indicesGroups: withD.indices.groups, indicesJson: JSON.stringify(withD.indices),
    allKeys: all.map((x) => Object.keys(x)), allIndex: all.map((x) => [x.index, x.input, x.groups.l]),
    forIn: (() => { const out = []; for (const k in plain) out.push(k); return out; })(),
    lengthAndCopy: [m.length, [...m].length, m.slice(0).index],
  };
}
