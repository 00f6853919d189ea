module.exports = () => {
  class Money {
    constructor(cents, currency) { this.cents = cents; this.currency = currency; }
    toJSON() { return `${(this.cents / 100).toFixed(2)} ${this.currency}`; }
  }
  class Invoice {
    constructor() { this.lines = [new Money(1999, "EUR"), new Money(5, "EUR")]; this.total = new Money(2004, "EUR"); }
  }
  return new Invoice();
};
