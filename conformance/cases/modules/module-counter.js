// Module-level mutable state persists across requests.
// @request GET
// @request GET
// @request POST
// @request GET
let hits = 0;
const history = [];
function handler(req) {
  hits += 1;
  history.push(req.method);
  return { hits, history };
}
