// Type-checked by tests/tests/typed_client.rs (tsc --strict): every operation of blog-api.
import { createClient } from "@blog-api/client";

export async function consume(): Promise<void> {
  const client = createClient({ baseUrl: "http://127.0.0.1:3000" });
  const posts = await client.posts({ author: "ada", tag: "rust", q: "x" });
  if (posts.status === 200) for (const post of posts.data.posts) void post.url;
  // @ts-expect-error: `posts` only exists once `status` is 200
  posts.data.posts;
  const post = await client.post({ id: "1" });
  if (post.status === 404) void post.data.message;
  // @ts-expect-error: the id is required
  await client.post({});
  const comments = await client.commentsGet({ id: "1", page: 1, per_page: 10 });
  if (comments.status === 200) void comments.data.total;
  // @ts-expect-error: page is a number
  await client.commentsGet({ id: "1", page: "1" });
  const added = await client.commentsPost({ id: "1", body: { author: "Ada", text: "Hi" } });
  if (added.status === 201) void added.data.createdAt;
  // @ts-expect-error: the body needs its text
  await client.commentsPost({ id: "1", body: { author: "Ada" } });
  // @ts-expect-error: unknown member of the body
  await client.commentsPost({ id: "1", body: { author: "Ada", text: "Hi", mood: "happy" } });
  const found = await client.search.orThrow({ q: "rust", limit: 3 });
  void found.results;
  // @ts-expect-error: q is required
  await client.search({ limit: 3 });
  const authors = await client.authors.orThrow();
  void authors.length;
}
