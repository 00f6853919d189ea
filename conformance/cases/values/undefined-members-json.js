// Undefined, functions and symbols vanish from objects but become null in arrays.
function handler() {
  return {
    obj: { a: undefined, b: () => 1, d: 1 },
    arr: [undefined, () => 1, 2],
    top: JSON.stringify(undefined) === undefined,
    topFn: JSON.stringify(() => 1) === undefined,
  };
}
