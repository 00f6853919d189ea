module.exports = () => {
  const money = { cents: 250, valueOf() { return this.cents; } };
  const label = { valueOf() { return 7; }, toString() { return "seven"; } };
  return { sum: money + 50, mul: money * 2, cmp: money > 200, str: `${label}`, plus: label + "", concat: String(label), eq: label == 7, dateNum: new Date(10) - new Date(3) };
};
