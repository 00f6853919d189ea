// Type-checked by tests/tests/typed_client.rs (tsc --strict): every operation of catalog.
import { createClient } from "@catalog/client";
import type { Product } from "@catalog/client";

export async function consume(): Promise<void> {
  const client = createClient({ baseUrl: "http://127.0.0.1:3000" });
  const list = await client.listProducts({ category: "books", min_price: 1, max_price: 20, in_stock: true, q: "x", limit: 5 });
  if (list.status === 200) {
    const products: Product[] = list.data.products;
    void products;
  }
  // @ts-expect-error: not a category
  await client.listProducts({ category: "toys" });
  // @ts-expect-error: in_stock is a boolean
  await client.listProducts({ in_stock: "yes" });
  const created = await client.createProduct({ body: { name: "Pen", price: 2, category: "tools" } });
  if (created.status === 201) void created.data.id;
  // @ts-expect-error: the price is required
  await client.createProduct({ body: { name: "Pen", category: "tools" } });
  const product: Product = await client.getProduct.orThrow({ id: 1 });
  void product;
  const one = await client.getProduct({ id: 1 });
  // @ts-expect-error: `name` only exists once `status` is 200
  one.data.name;
}
