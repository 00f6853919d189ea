// Type-checked by tests/tests/typed_client.rs (tsc --strict, also with exactOptionalPropertyTypes):
// bookstore's live events and its React, Vue and Svelte packages (three resources, a reference
// between them, enums), with the misuses their declarations must reject.
import { createClient } from "@bookstore/client";
import type { Author, Book } from "@bookstore/client";
import { useAuthorReport, useCreateBook, useGetBook, useListBooks } from "@bookstore/react";
import { useGetAuthor, useListAuthors } from "@bookstore/vue";
import { createAddReview, createListReviews } from "@bookstore/svelte";

const client = createClient({ baseUrl: "http://127.0.0.1:3000" });

export function live(): void {
  client.subscribe({ resource: "books", filter: { price: { lt: 20 }, status: { not: { eq: "draft" } } } }, (event) => {
    if (event.type === "change" && event.action === "update") {
      const book: Book = event.record;
      void book.price;
    }
  });
  client.subscribe({ resource: "authors", id: 3 }, (event) => {
    if (event.type === "change" && event.action === "create") {
      const author: Author = event.record;
      void author;
    }
  });
  // @ts-expect-error: status is one of the enum's values
  client.subscribe({ resource: "books", filter: { status: { eq: "lost" } } }, () => {});
  // @ts-expect-error: a listener of books does not hear authors
  client.subscribe({ resource: "books" }, (event: { type: "change"; record: Author }) => void event);
}

export function react(): void {
  const books = useListBooks({ status: "eq.published", order: "price.desc", limit: 10 });
  if (books.status === "success") void books.data.items.length;
  const book = useGetBook({ id: 1 });
  if (book.status === "success") {
    const title: string = book.data.title;
    void title;
  }
  if (book.status === "error" && book.error.status === 404) void book.error.data;
  const report = useAuthorReport({ status: "published" });
  // @ts-expect-error: the report's status is one of the book statuses
  useAuthorReport({ status: "lost" });
  const create = useCreateBook();
  create.mutate({ body: { title: "Dune", price: 9.5, status: "draft" } });
  // @ts-expect-error: a book needs a title
  create.mutate({ body: { price: 1 } });
  void report;
}

export function vue(): void {
  const authors = useListAuthors(() => ({ limit: 5 }));
  const one = useGetAuthor(() => ({ id: 2 }));
  const name: string | undefined = one.data.value?.name;
  // @ts-expect-error: unchecked: the data may be undefined
  void one.data.value.name;
  void [authors.status.value, name];
}

export function svelte(): void {
  const reviews = createListReviews(() => ({ limit: 3 }), { client });
  const review = createAddReview({ client });
  void review.mutateAsync({ id: "1", body: { rating: 5, reviewer: "Ada" } });
  // @ts-expect-error: a review's rating is a number
  review.mutate({ id: "1", body: { rating: "5", reviewer: "Ada" } });
  void reviews.current;
}
