module.exports = () => {
  const o = { a: undefined, 0: "zero" };
  const arr = ["x", "y"];
  return [
    "a" in o, "b" in o, 0 in o, "0" in o, "toString" in o, 1 in arr, 2 in arr, "length" in arr,
    "push" in arr, "size" in new Map(), "message" in new Error("m"),
  ];
};
