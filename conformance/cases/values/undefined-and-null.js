// Missing properties read as undefined; JSON drops undefined members and keeps null.
function handler(req) {
  const o = { a: 1, n: null };
  return {
    missing: o.b,
    missingIsUndefined: o.b === undefined,
    nullEqUndefined: null == undefined,
    nullStrictEqUndefined: null === undefined,
    typeofMissing: typeof o.b,
    typeofNull: typeof o.n,
    inArray: [undefined, null, 1],
    keyed: o.n,
  };
}
