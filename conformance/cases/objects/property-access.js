export default function () {
  const o = { "a-b": 1, 1: "one", nested: { deep: { value: 42 } }, arr: [10, 20] };
  const k = "a-b";
  return [o[k], o[1], o["1"], o.nested.deep.value, o["nested"]["deep"]["value"], o.arr[1], o.arr["1"], o.arr.length, o.missing, o[undefined], o[null]];
}
