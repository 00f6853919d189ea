// @request POST [{"team": "red", "score": 3}, {"team": "blue", "score": 5}, {"team": "red", "score": 7}, {"team": "green", "score": 1}]
function handler(req) {
  const groups = new Map();
  for (const { team, score } of req.body) {
    if (!groups.has(team)) groups.set(team, []);
    groups.get(team).push(score);
  }
  const summary = [...groups].map(([team, scores]) => ({ team, total: scores.reduce((a, b) => a + b, 0), count: scores.length }));
  return { summary, teams: [...groups.keys()], best: summary.reduce((best, s) => (s.total > best.total ? s : best)).team };
}
