// Run by tests/tests/typed_client.rs with node's test runner against catalog's live server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient } from "@catalog/client";

const client = createClient({ baseUrl: process.env.BASE_URL });

test("every operation of catalog through the client", async () => {
  const created = await client.createProduct({ body: { name: "Client pen", price: 2.5, category: "tools", in_stock: true } });
  assert.equal(created.status, 201);
  assert.equal(created.data.name, "Client pen");
  const read = await client.getProduct.orThrow({ id: created.data.id });
  assert.equal(read.price, 2.5);
  const listed = await client.listProducts.orThrow({ category: "tools", max_price: 3, in_stock: true });
  assert.ok(listed.products.some((product) => product.id === created.data.id));
  assert.ok(listed.products.every((product) => product.category === "tools" && product.price <= 3));
  assert.equal((await client.getProduct({ id: 999999 })).status, 404);
  const bad = await client.createProduct({ body: { name: "x", price: -1, category: "tools" } });
  assert.equal(bad.status, 400);
  assert.ok(bad.data.violations.some((violation) => violation.pointer === "/body/price"));
});
