// Run by tests/tests/typed_client.rs with node's test runner against bookstore's live
// generated server (BASE_URL, a fresh SQLite database seeded from examples/bookstore/seed).
// Expected rows are computed here from the seed files, not copied from the server.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { BackworksError, createClient } from "@bookstore/client";

const client = createClient({ baseUrl: process.env.BASE_URL });
const seed = (name) => JSON.parse(readFileSync(`${process.env.EXAMPLE_DIR}/seed/${name}.json`, "utf8"));
const books = seed("books").map((book, index) => ({ id: index + 1, ...book }));
const authors = seed("authors").map((author, index) => ({ id: index + 1, ...author }));

test("list filters are sent in the server's grammar and select the rows the seed says", async () => {
  const page = await client.books.list.orThrow({
    filter: { status: { eq: "published" }, price: { lt: 10 } },
    order: [["price", "desc"]],
    limit: 100,
  });
  const expected = books
    .filter((book) => book.status === "published" && book.price < 10)
    .sort((a, b) => b.price - a.price)
    .map((book) => book.title);
  assert.ok(expected.length > 1);
  assert.deepEqual(page.items.map((book) => book.title), expected);
});

test("in, not, like and is", async () => {
  const inAuthors = await client.books.list.orThrow({ filter: { author: { in: [2, 3] } }, order: ["id"] });
  assert.deepEqual(
    inAuthors.items.map((book) => book.id),
    books.filter((book) => [2, 3].includes(book.author)).map((book) => book.id),
  );
  const notFirst = await client.books.list.orThrow({ filter: { author: { not: { eq: 1 } } }, order: ["id"] });
  assert.deepEqual(notFirst.items.map((book) => book.id), books.filter((book) => book.author !== 1).map((book) => book.id));
  const like = await client.authors.list.orThrow({ filter: { name: { like: "*Pratchett" } } });
  assert.deepEqual(like.items.map((author) => author.name), authors.filter((a) => a.name.endsWith("Pratchett")).map((a) => a.name));
  const noIsbn = await client.books.list.orThrow({ filter: { isbn: { is: null } } });
  assert.equal(noIsbn.items.length, books.filter((book) => book.isbn == null).length);
  const titles = books.slice(0, 2).map((book) => book.title);
  const quoted = await client.books.list.orThrow({ filter: { title: { in: [...titles, "a, \"quoted\" title"] } }, order: ["id"] });
  assert.deepEqual(quoted.items.map((book) => book.title), titles);
});

test("pages follow the cursor and count", async () => {
  const first = await client.books.list.orThrow({ order: ["id"], limit: 2, count: "exact" });
  assert.equal(first.total, books.length);
  assert.deepEqual(first.items.map((book) => book.id), [1, 2]);
  const second = await client.books.list.orThrow({ order: ["id"], limit: 2, after: first.next });
  assert.deepEqual(second.items.map((book) => book.id), [3, 4]);
});

test("create, read with its ETag, update with If-Match, a stale version is 412, delete", async () => {
  const created = await client.books.create({ title: "Client Book", price: 12.5, author: 2 });
  assert.equal(created.status, 201);
  assert.equal(created.data.title, "Client Book");
  assert.equal(created.data.status, "draft", "the field's default");
  const id = created.data.id;
  const read = await client.books.get(id);
  assert.equal(read.status, 200);
  const etag = read.headers.get("etag");
  assert.ok(etag);
  const updated = await client.books.update(id, { price: 13 }, { ifMatch: etag });
  assert.equal(updated.status, 200);
  assert.equal(updated.data.price, 13);
  const stale = await client.books.update(id, { price: 14 }, { ifMatch: etag });
  assert.equal(stale.status, 412);
  const replaced = await client.books.replace(id, { title: "Replaced" });
  assert.equal(replaced.status, 200);
  assert.equal(replaced.data.title, "Replaced");
  assert.equal(replaced.data.price, null);
  const removed = await client.books.delete(id);
  assert.equal(removed.status, 204);
  assert.equal(removed.data, null);
  const gone = await client.books.get(id);
  assert.equal(gone.status, 404);
  assert.equal(gone.data.error, "not_found");
  await assert.rejects(client.books.get.orThrow(id), (error) => error instanceof BackworksError && error.status === 404);
});

test("a body the document refuses is a 400 listing each violation", async () => {
  const refused = await client.books.create({ title: "x".repeat(201), price: -1 });
  assert.equal(refused.status, 400);
  const pointers = refused.data.violations.map((violation) => violation.pointer).sort();
  assert.deepEqual(pointers, ["/body/price", "/body/title"]);
});

test("authors and reviews through their namespaces and operations", async () => {
  const author = await client.authors.create.orThrow({ name: "Client Author", born: "1970-01-01" });
  const born = await client.authors.list.orThrow({ filter: { born: { gte: "1970-01-01" } } });
  assert.ok(born.items.some((row) => row.id === author.id));
  const renamed = await client.authors.update.orThrow(author.id, { name: "Renamed" });
  assert.equal(renamed.name, "Renamed");
  const replaced = await client.authors.replace.orThrow(author.id, { name: "Again" });
  assert.equal(replaced.born, null);
  assert.equal((await client.authors.get.orThrow(author.id)).name, "Again");

  const review = await client.addReview({ id: "1", body: { rating: 4, reviewer: "Client" } });
  assert.equal(review.status, 201);
  const missing = await client.addReview({ id: "999", body: { rating: 4, reviewer: "Client" } });
  assert.equal(missing.status, 404);
  const reviews = await client.reviews.list.orThrow({ filter: { book: { eq: 1 }, reviewer: { eq: "Client" } } });
  assert.equal(reviews.items.length, 1);
  const reviewId = reviews.items[0].id;
  assert.equal((await client.reviews.get.orThrow(reviewId)).rating, 4);
  assert.equal((await client.getReview({ id: reviewId })).status, 200);
  assert.equal((await client.listReviews({ book: "eq.1" })).status, 200);
  assert.equal((await client.reviews.delete(reviewId)).status, 204);
  assert.equal((await client.deleteReview({ id: reviewId })).status, 404);
  assert.equal((await client.authors.delete(author.id)).status, 204);
});

test("every operation by its own name", async () => {
  const report = await client.authorReport.orThrow({ status: "published" });
  assert.equal(report.authors.length, authors.length);
  const invalid = await client.authorReport({ status: "lost" });
  assert.equal(invalid.status, 400);
  const listed = await client.listAuthors.orThrow({ order: "name.desc", limit: 2 });
  assert.deepEqual(listed.items.map((a) => a.name), authors.map((a) => a.name).sort().reverse().slice(0, 2));
  const author = await client.createAuthor.orThrow({ body: { name: "Op" } });
  assert.equal((await client.getAuthor.orThrow({ id: author.id })).name, "Op");
  const { headers } = await client.getAuthor({ id: author.id });
  assert.equal((await client.updateAuthor({ id: author.id, body: { name: "Op2" }, headers: { "If-Match": headers.get("etag") } })).status, 200);
  assert.equal((await client.replaceAuthor({ id: author.id, body: { name: "Op3" } })).status, 200);
  assert.equal((await client.deleteAuthor({ id: author.id })).status, 204);
  const cheap = await client.listBooks.orThrow({ price: "lt.9", order: "price" });
  assert.deepEqual(cheap.items.map((b) => b.price), books.filter((b) => b.price < 9).map((b) => b.price).sort((a, b) => a - b));
  const selected = await client.listBooks.orThrow({ select: "id,title", order: "id", limit: 2 });
  assert.deepEqual(selected.items, books.slice(0, 2).map(({ id, title }) => ({ id, title })));
  const book = await client.createBook.orThrow({ body: { title: "Op" } });
  assert.equal((await client.getBook.orThrow({ id: book.id })).title, "Op");
  assert.equal((await client.updateBook.orThrow({ id: book.id, body: { price: 2 } })).price, 2);
  assert.equal((await client.replaceBook.orThrow({ id: book.id, body: { title: "Op2" } })).title, "Op2");
  assert.equal((await client.deleteBook({ id: book.id })).status, 204);
  assert.equal((await client.getBook({ id: book.id })).status, 404);
});
