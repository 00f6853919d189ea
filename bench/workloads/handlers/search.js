const { posts } = require("./data.js");

// Scores a post against the query words: a title match weighs three times a body match,
// a tag match twice. Posts without any match are left out.
function score(post, words) {
  const title = post.title.toLowerCase();
  const body = post.body.toLowerCase();
  let total = 0;
  for (const word of words) {
    if (title.includes(word)) total += 3;
    if (body.includes(word)) total += 1;
    if (post.tags.some((tag) => tag === word)) total += 2;
  }
  return total;
}

module.exports = async function search(req) {
  const q = (req.query_params.q ?? "").trim();
  if (q.length < 2) {
    return { status: 400, body: { error: "invalid_query", message: "q must be at least 2 characters" } };
  }
  const words = [...new Set(q.toLowerCase().split(/\s+/))];
  const limit = Math.min(Number(req.query_params.limit) || 10, 20);

  const results = posts
    .filter((post) => post.published)
    .map((post) => ({ post, score: score(post, words) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.post.id - b.post.id)
    .slice(0, limit)
    .map(({ post, score }) => ({
      id: post.id,
      title: post.title,
      score,
      snippet: post.body.length > 60 ? `${post.body.slice(0, 57)}...` : post.body,
    }));

  return { body: { query: q, words, count: results.length, results } };
};
