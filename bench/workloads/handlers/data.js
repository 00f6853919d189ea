// The blog's content, shared by every handler that requires this file. Comments are added at run
// time, so this module holds state that lives as long as the server.
const posts = [
  {
    id: 1,
    title: "Compiling JavaScript handlers to Rust",
    author: "ada",
    tags: ["rust", "compilers"],
    published: true,
    publishedAt: "2026-03-02T09:30:00.000Z",
    body: "Backworks reads each handler with swc and lowers it to Rust that calls a small runtime.",
  },
  {
    id: 2,
    title: "Why your API needs a blueprint",
    author: "grace",
    tags: ["api", "design"],
    published: true,
    publishedAt: "2026-04-18T14:00:00.000Z",
    body: "One YAML file describes endpoints, handlers and limits; the compiler checks all of it.",
  },
  {
    id: 3,
    title: "Rust for JavaScript developers",
    author: "ada",
    tags: ["rust", "javascript"],
    published: true,
    publishedAt: "2026-05-07T08:15:00.000Z",
    body: "Ownership sounds strange at first. Then JavaScript developers notice the compiler is on their side.",
  },
  {
    id: 4,
    title: "Drafting the roadmap",
    author: "linus",
    tags: ["meta"],
    published: false,
    publishedAt: null,
    body: "Not ready yet.",
  },
  {
    id: 5,
    title: "Testing APIs against Node",
    author: "grace",
    tags: ["testing", "javascript"],
    published: true,
    publishedAt: "2026-06-21T17:45:00.000Z",
    body: "Differential testing runs the same handler in Node and in the compiled server, then compares bytes.",
  },
];

const comments = [
  { id: 1, postId: 1, author: "linus", text: "Does it handle closures?", createdAt: "2026-03-02T10:00:00.000Z" },
  { id: 2, postId: 1, author: "grace", text: "It does, captured variables included.", createdAt: "2026-03-02T10:05:00.000Z" },
  { id: 3, postId: 2, author: "ada", text: "Blueprints in git are the best part.", createdAt: "2026-04-19T08:00:00.000Z" },
];

const findPost = (id) => posts.find((post) => post.id === Number(id) && post.published);

module.exports = { posts, comments, findPost };
