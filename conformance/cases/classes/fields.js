module.exports = () => {
  class Cart {
    items = [];
    currency = "EUR";
    discount;
    static created = 0;
    constructor(owner) { this.owner = owner; Cart.created++; }
    add(name, price) { this.items.push({ name, price }); return this; }
    total() { return this.items.reduce((s, i) => s + i.price, 0); }
  }
  const a = new Cart("ada").add("pen", 2).add("ink", 3.5);
  const b = new Cart("bob");
  return { a, b, total: a.total(), created: Cart.created, keys: Object.keys(a), sharedItems: a.items === b.items };
};
