exports.handler = () => {
  const counter = {
    count: 0,
    inc() { this.count++; return this; },
    add(n) { this.count += n; return this; },
    arrowInside() { return [1, 2].map(() => this.count); },
  };
  counter.inc().inc().add(5);
  return { count: counter.count, arrowInside: counter.arrowInside() };
};
