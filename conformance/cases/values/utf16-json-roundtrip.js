// @request POST {"emoji": "😀", "flag": "🇯🇵", "mixed": "a😀b"}
module.exports = (req) => {
  const out = {};
  for (const [k, v] of Object.entries(req.body)) {
    out[k] = { length: v.length, codeUnits: [...Array(v.length).keys()].map((i) => v.charCodeAt(i).toString(16)), firstHalf: v.slice(0, 1), reversedUnits: v.split("").reverse().join(""), json: JSON.stringify(v.slice(0, 1)) };
  }
  return out;
};
