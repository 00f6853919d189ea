// The catalog's products live in module state; the blueprint's declarations guarantee that
// every request reaching these handlers has well-formed parameters and bodies.
const products = [
  { id: 1, name: "Rust in Action", price: 39.5, category: "books", in_stock: true, tags: ["rust"] },
  { id: 2, name: "Chess Set", price: 25, category: "games", in_stock: false, tags: [] },
  { id: 3, name: "Torque Wrench", price: 89.99, category: "tools", in_stock: true, tags: ["garage"] },
  { id: 4, name: "The JavaScript Book", price: 29, category: "books", in_stock: true, tags: ["javascript"] },
];

export function GET(req) {
  const { id } = req.path_params;
  if (id !== undefined) {
    const product = products.find((candidate) => candidate.id === Number(id));
    return product
      ? { body: product }
      : { status: 404, body: { error: "not_found", message: `No product ${id}` } };
  }

  const { category, min_price, max_price, in_stock, q, limit } = req.query_params;
  const words = (q ?? "").toLowerCase().split(" ").filter((word) => word.length > 0);
  const matching = products.filter(
    (product) =>
      (category === undefined || product.category === category) &&
      (min_price === undefined || product.price >= Number(min_price)) &&
      (max_price === undefined || product.price <= Number(max_price)) &&
      (in_stock === undefined || String(product.in_stock) === in_stock) &&
      words.every((word) => product.name.toLowerCase().includes(word)),
  );
  const shown = matching.slice(0, limit === undefined ? 50 : Number(limit));
  return { body: { count: shown.length, products: shown } };
}

export function POST(req) {
  const { name, price, category, in_stock = true, tags = [] } = req.body;
  const product = { id: products.length + 1, name, price, category, in_stock, tags };
  products.push(product);
  return { status: 201, body: product };
}
