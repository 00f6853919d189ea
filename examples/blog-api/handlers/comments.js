const { comments, findPost } = require("./data.js");

const MAX_PER_PAGE = 50;

function pageParams(query) {
  const page = parseInt(query.page ?? "1", 10);
  const perPage = parseInt(query.per_page ?? "10", 10);
  const errors = [];
  if (!Number.isInteger(page) || page < 1) errors.push("page must be a positive integer");
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    errors.push(`per_page must be between 1 and ${MAX_PER_PAGE}`);
  }
  return { page, perPage, errors };
}

export function GET(req) {
  const post = findPost(req.path_params.id);
  if (!post) return { status: 404, body: { error: "not_found", message: `Post ${req.path_params.id} does not exist` } };

  const { page, perPage, errors } = pageParams(req.query_params);
  if (errors.length) return { status: 400, body: { error: "invalid_query", errors } };

  const all = comments.filter((comment) => comment.postId === post.id);
  const start = (page - 1) * perPage;
  return {
    body: {
      page,
      per_page: perPage,
      total: all.length,
      pages: Math.ceil(all.length / perPage),
      comments: all.slice(start, start + perPage),
    },
  };
}

export function POST(req) {
  const post = findPost(req.path_params.id);
  if (!post) return { status: 404, body: { error: "not_found", message: `Post ${req.path_params.id} does not exist` } };

  const { author, text } = req.body ?? {};
  const errors = [];
  if (typeof author !== "string" || !/^[a-z][a-z0-9_-]{1,31}$/i.test(author)) {
    errors.push("author must be 2-32 letters, digits, '-' or '_', starting with a letter");
  }
  if (typeof text !== "string" || text.trim().length === 0) {
    errors.push("text must not be empty");
  } else if ([...text].length > 500) {
    errors.push(`text must be at most 500 characters (got ${[...text].length})`);
  }
  if (errors.length > 0) return { status: 422, body: { error: "invalid_comment", errors } };

  const comment = {
    id: comments.length + 1,
    postId: post.id,
    author,
    text: text.trim(),
    createdAt: new Date().toISOString(),
  };
  comments.push(comment);
  return { status: 201, body: comment };
}
