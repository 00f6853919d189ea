// @route /{user}/posts/{post}
// @request GET /ada/posts/7
// @request GET /bob/posts/x
exports.handler = (req) => {
  const { user, post } = req.path_params;
  return { user, post, path: req.path, params: req.path_params };
};
