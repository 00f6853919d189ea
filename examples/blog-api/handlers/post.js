const { comments, findPost } = require("./data.js");

module.exports = function showPost(req) {
  const post = findPost(req.path_params.id);
  if (!post) {
    return { status: 404, body: { error: "not_found", message: `Post ${req.path_params.id} does not exist` } };
  }
  const commentCount = comments.filter((comment) => comment.postId === post.id).length;
  const words = post.body.split(/\s+/).filter(Boolean).length;
  return {
    body: { ...post, commentCount, readingMinutes: Math.max(1, Math.ceil(words / 200)) },
  };
};
