// A plain script's `function handler(req, res)` reads its second argument inside a closure.
function handler(req, res) {
  const read = () => Object.keys(res).sort();
  return { keys: read() };
}
