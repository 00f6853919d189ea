// Server-rendered catalogue page, as a small shop renders it without a template engine: template
// literals, an escape function built from regex replaces, and a loop over the items that
// appends one table row each. The title comes from the query string, so it is escaped too.
const adjectives = ["Oak", "Steel", "Linen", "Copper", "Walnut", "Glass"];
const nouns = ["desk", "lamp", "shelf", "chair", "mirror", "stool", "rack", "bench"];
const notes = ["", "Bestseller & staff pick", "Ships in <2 days", 'The "classic" edition', "Assembly required"];

const items = [];
for (let i = 0; i < 48; i++) {
  items.push({
    id: i + 1,
    name: `${adjectives[i % adjectives.length]} ${nouns[(i * 3) % nouns.length]}`,
    price: 15 + ((i * 37) % 200) + (i % 4) * 0.25,
    stock: (i * 13) % 7 === 0 ? 0 : (i * 13) % 7,
    note: notes[i % notes.length],
    tags: i % 3 === 0 ? ["new", "eco"] : ["home"],
  });
}

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function row(item) {
  const tags = item.tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join(" ");
  const availability = item.stock === 0 ? "Sold out" : `${item.stock} in stock`;
  return `    <tr class="${item.stock === 0 ? "sold-out" : "available"}">
      <td><a href="/items/${item.id}">${escapeHtml(item.name)}</a>${item.note ? ` <small>${escapeHtml(item.note)}</small>` : ""}</td>
      <td>${tags}</td>
      <td class="price">$${item.price.toFixed(2)}</td>
      <td>${availability}</td>
    </tr>
`;
}

module.exports = function page(req) {
  const title = (req.query_params.title ?? "Catalogue").trim();
  let rows = "";
  let inStock = 0;
  for (const item of items) {
    rows += row(item);
    if (item.stock > 0) inStock += 1;
  }
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
</head>
<body>
  <h1>${escapeHtml(title)}</h1>
  <p>${items.length} items, ${inStock} in stock.</p>
  <table>
    <thead><tr><th>Item</th><th>Tags</th><th>Price</th><th>Availability</th></tr></thead>
    <tbody>
${rows}    </tbody>
  </table>
</body>
</html>
`;
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
};
