// Type-checked by tests/tests/typed_client.rs (tsc --strict): every operation of bookstore,
// the typed resource namespaces, and the misuses the declarations must reject.
import { createClient } from "@bookstore/client";
import type { Book, BooksFilter } from "@bookstore/client";

export async function consume(): Promise<void> {
  const client = createClient({ baseUrl: "http://127.0.0.1:3004" });

  // Resources: typed filters, order, pages.
  const page = await client.books.list({
    filter: { status: { eq: "published" }, price: { lt: 20, gte: 1 }, title: { ilike: "*the*" }, tags: { not: { is: null } } },
    order: [["price", "desc"], "title"],
    limit: 20,
    count: "exact",
    search: "wizard",
  });
  if (page.status === 200) {
    const rows: Book[] = page.data.items;
    const next: string | null = page.data.next;
    void [rows, next, page.data.total];
  }
  // @ts-expect-error: `items` only exists once `status` is 200
  page.data.items;
  // @ts-expect-error: not a value of the enum
  await client.books.list({ filter: { status: { eq: "lost" } } });
  // @ts-expect-error: price is a number
  await client.books.list({ filter: { price: { lt: "cheap" } } });
  // @ts-expect-error: like is for text
  await client.books.list({ filter: { price: { like: "1*" } } });
  // @ts-expect-error: no such field
  await client.books.list({ filter: { colour: { eq: "red" } } });
  // @ts-expect-error: tags (an array) cannot be sorted on
  await client.books.list({ order: ["tags"] });
  // @ts-expect-error: a namespace lists whole rows; `select` belongs to the list operation
  await client.books.list({ select: "id" });
  const selected = await client.listBooks.orThrow({ select: "id,title" });
  for (const item of selected.items) void item;
  const filter: BooksFilter = { author: { in: [1, 2] }, created_at: { gt: new Date(0) } };
  await client.books.list({ filter });

  const created = await client.books.create({ title: "New", price: 3, status: "draft", author: 1 });
  if (created.status === 201) {
    const id: number = created.data.id;
    const one = await client.books.get(id);
    const etag = one.headers.get("etag") ?? undefined;
    await client.books.update(id, { price: 4 }, { ifMatch: etag });
    await client.books.replace(id, { title: "Renamed" });
    await client.books.delete(id, { ifMatch: etag });
  }
  // @ts-expect-error: title is required
  await client.books.create({ price: 3 });
  // @ts-expect-error: unknown member of the body
  await client.books.create({ title: "x", colour: "red" });
  // @ts-expect-error: ids are numbers
  await client.books.get("1");
  // @ts-expect-error: reviews cannot be created through their resource (only listed, read, deleted)
  await client.reviews.create({ book: 1, rating: 5, reviewer: "x" });

  const book: Book = await client.books.get.orThrow(1);
  void book;
  await client.authors.list({ filter: { born: { lt: "1940-01-01" }, name: { like: "*Le*" } } });
  await client.authors.get(1);
  await client.authors.create({ name: "New" });
  await client.authors.update(1, { email: null });
  await client.authors.replace(1, { name: "Same" });
  await client.authors.delete(1);
  await client.reviews.list({ filter: { rating: { gte: 4 } } });
  await client.reviews.get(1);
  await client.reviews.delete(1);

  // Every operation by its own name.
  const review = await client.addReview({ id: "1", body: { rating: 5, reviewer: "Ada" } });
  if (review.status === 404) {
    const message: string = review.data.message;
    void message;
  }
  // @ts-expect-error: rating is a number
  await client.addReview({ id: "1", body: { rating: "5", reviewer: "Ada" } });
  // @ts-expect-error: the body is required
  await client.addReview({ id: "1" });
  const report = await client.authorReport({ status: "published" });
  if (report.status === 200) {
    for (const row of report.data.authors) void row.books;
  }
  // @ts-expect-error: not a status the parameter admits
  await client.authorReport({ status: "lost" });
  await client.listAuthors({ order: "name.desc", limit: 2 });
  await client.createAuthor({ body: { name: "x" } });
  await client.getAuthor({ id: 1 });
  await client.updateAuthor({ id: 1, body: {}, headers: { "If-Match": "\"v1\"" } });
  await client.replaceAuthor({ id: 1, body: { name: "x" } });
  await client.deleteAuthor({ id: 1 });
  await client.listBooks({ price: "lt.20", status: "eq.published" });
  await client.createBook({ body: { title: "x" } });
  await client.getBook({ id: 1 });
  await client.updateBook({ id: 1, body: { price: 1 } });
  await client.replaceBook({ id: 1, body: { title: "x" } });
  await client.deleteBook({ id: 1 });
  await client.listReviews();
  await client.getReview({ id: 1 });
  await client.deleteReview({ id: 1 });
}
