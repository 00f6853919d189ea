// Circular requires as Node evaluates them: the module required back gets the exports object
// as it is at that moment (partially filled, or the one later replaced by module.exports = …).
const a = require("./_cycle-cjs-a.js");
const b = require("./_cycle-cjs-b.js");
const c = require("./_cycle-cjs-c.js");
const d = require("./_cycle-cjs-d.js");

module.exports = function handler() {
  return {
    a,
    b: { ...b, later: b.later() },
    c,
    d: { seen: d.seen, lazy: d.lazy() },
    same: [require("./_cycle-cjs-a.js") === a, require("./_cycle-cjs-c.js") === c],
  };
};
