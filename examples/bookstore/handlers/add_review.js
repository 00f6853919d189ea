// Adds a review and keeps the book's average rating and review count in step with it. Both
// writes happen in one transaction: if either fails (the book vanished, a constraint broke),
// neither is kept.

const notFound = (id) => ({
  status: 404,
  body: { error: "not_found", message: `No book with id ${id}` },
});

export default async function addReview(req, ctx) {
  const bookId = Number(req.path_params.id);
  // Past 2^53 a number no longer names one id (and the store refuses it): no such book.
  if (!Number.isSafeInteger(bookId) || bookId < 1) return notFound(req.path_params.id);
  const { rating, reviewer, body } = req.body ?? {};

  try {
    const review = await ctx.db.transaction(async (tx) => {
      const book = await tx.books.get(bookId);
      if (!book) return null;
      const created = await tx.reviews.create({ book: bookId, rating, reviewer, body });
      const count = book.review_count + 1;
      const average = (book.rating * book.review_count + created.rating) / count;
      await tx.books.update(bookId, {
        review_count: count,
        rating: Math.round(average * 100) / 100,
      });
      return created;
    });
    if (!review) return notFound(req.path_params.id);
    ctx.log(`review ${review.id} added to book ${bookId}`);
    return { status: 201, headers: { location: `/reviews/${review.id}` }, body: review };
  } catch (error) {
    // The store rejects invalid input with code "invalid" and lists what was wrong.
    if (error.code === "invalid") {
      return { status: 400, body: { error: "invalid_review", message: error.message } };
    }
    throw error;
  }
}
