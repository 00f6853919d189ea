// A report a generated list cannot give: books per author with their average price, in one
// SQL query. The tagged template sends `status` as a parameter, never as SQL text.

module.exports = async function authorReport(req, ctx) {
  const status = req.query_params.status ?? "published";
  const rows = await ctx.db.sql`
    SELECT authors.id, authors.name, COUNT(books.id) AS book_count, AVG(books.price) AS average_price
    FROM authors
    LEFT JOIN books ON books.author = authors.id AND books.status = ${status}
    GROUP BY authors.id, authors.name
    ORDER BY book_count DESC, authors.name`;
  const authors = rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    books: Number(row.book_count),
    average_price: row.average_price === null ? null : Number(Number(row.average_price).toFixed(2)),
  }));
  return { body: { status, authors } };
};
