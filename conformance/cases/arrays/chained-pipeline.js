// @request GET ?min=3
module.exports = (req) => {
  const min = Number(req.query_params.min);
  const products = [
    { name: "pen", price: 2, stock: 10 }, { name: "book", price: 12, stock: 0 },
    { name: "lamp", price: 30, stock: 3 }, { name: "cup", price: 5, stock: 7 },
  ];
  const result = products.filter((p) => p.stock >= min).map(({ name, price }) => ({ name, price, vat: +(price * 0.2).toFixed(2) })).sort((a, b) => b.price - a.price);
  return { result, total: result.reduce((s, p) => s + p.price + p.vat, 0), names: result.map((p) => p.name).join(", ") };
};
