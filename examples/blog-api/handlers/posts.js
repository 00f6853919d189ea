const { posts } = require("./data.js");

// GET /posts?author=ada&tag=rust&q=compiler — every filter is optional.
module.exports = function listPosts(req) {
  const { author, tag, q } = req.query_params;
  const needle = q?.toLowerCase();

  const matching = posts
    .filter((post) => post.published)
    .filter((post) => !author || post.author === author)
    .filter((post) => !tag || post.tags.includes(tag))
    .filter((post) => !needle || post.title.toLowerCase().includes(needle))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));

  return {
    body: {
      total: matching.length,
      posts: matching.map(({ id, title, author, tags, publishedAt }) => ({
        id,
        title,
        author,
        tags,
        publishedAt,
        url: `/posts/${id}`,
      })),
    },
  };
};
