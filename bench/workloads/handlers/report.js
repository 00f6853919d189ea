// Sales report, as an internal dashboard endpoint would compute it: a few hundred orders kept in
// memory are filtered by status, grouped by region (a Map of running totals and a Set of
// customers) and by product (reduce into an object), then ranked; money is printed with toFixed.
const regions = ["North", "South", "East", "West", "Central", "Islands"];

const products = [
  { sku: "KB-01", name: "Keyboard", price: 49.99 },
  { sku: "MS-02", name: "Mouse", price: 19.5 },
  { sku: "MN-03", name: "Monitor", price: 189.0 },
  { sku: "DK-04", name: "Desk lamp", price: 24.75 },
  { sku: "CH-05", name: "Chair", price: 129.9 },
  { sku: "HD-06", name: "Headset", price: 59.95 },
  { sku: "CB-07", name: "Cable", price: 7.25 },
  { sku: "WC-08", name: "Webcam", price: 39.99 },
];

const orders = [];
for (let i = 0; i < 360; i++) {
  const product = products[(i * 7 + 3) % products.length];
  orders.push({
    id: 1000 + i,
    region: regions[(i * 5) % regions.length],
    customer: `customer-${(i * 7) % 41}`,
    sku: product.sku,
    quantity: 1 + ((i * 11) % 7),
    unitPrice: product.price,
    status: i % 9 === 0 ? "refunded" : "paid",
  });
}

function money(amount) {
  return amount.toFixed(2);
}

module.exports = function report(req) {
  const status = req.query_params.status ?? "paid";
  const selected = orders.filter((order) => order.status === status);

  const byRegion = new Map();
  for (const order of selected) {
    const revenue = order.quantity * order.unitPrice;
    let entry = byRegion.get(order.region);
    if (!entry) {
      entry = { orders: 0, units: 0, revenue: 0, customers: new Set() };
      byRegion.set(order.region, entry);
    }
    entry.orders += 1;
    entry.units += order.quantity;
    entry.revenue += revenue;
    entry.customers.add(order.customer);
  }

  const regionRows = [...byRegion.entries()]
    .map(([region, entry]) => ({
      region,
      orders: entry.orders,
      units: entry.units,
      customers: entry.customers.size,
      revenue: money(entry.revenue),
      averageOrder: money(entry.revenue / entry.orders),
    }))
    .sort((a, b) => a.region.localeCompare(b.region));

  const unitsBySku = selected.reduce((totals, order) => {
    totals[order.sku] = (totals[order.sku] ?? 0) + order.quantity;
    return totals;
  }, {});
  const topProducts = Object.entries(unitsBySku)
    .map(([sku, units]) => {
      const product = products.find((candidate) => candidate.sku === sku);
      return { sku, name: product.name, units, revenue: money(units * product.price) };
    })
    .sort((a, b) => b.units - a.units || a.name.localeCompare(b.name))
    .slice(0, 5);

  const spendByCustomer = new Map();
  for (const order of selected) {
    spendByCustomer.set(order.customer, (spendByCustomer.get(order.customer) ?? 0) + order.quantity * order.unitPrice);
  }
  const topCustomers = [...spendByCustomer.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([customer, spent]) => ({ customer, spent: money(spent) }));

  const revenue = selected.reduce((sum, order) => sum + order.quantity * order.unitPrice, 0);
  return {
    body: {
      status,
      orders: selected.length,
      revenue: money(revenue),
      regions: regionRows,
      topProducts,
      topCustomers,
    },
  };
};
