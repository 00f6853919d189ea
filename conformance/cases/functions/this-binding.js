export default function () {
  const obj = {
    name: "obj",
    regular() { return this?.name; },
    nested() { const inner = () => this.name; return inner(); },
  };
  const detached = obj.regular;
  const bound = obj.regular.bind({ name: "bound" });
  return { regular: obj.regular(), nested: obj.nested(), detached: detached() ?? "undefined-this", bound: bound(), call: obj.regular.call({ name: "called" }), apply: Math.max.apply(null, [1, 5, 3]) };
}
