export default function () {
  const nested = [1, [2, [3, [4, [5]]]]];
  return {
    flat: nested.flat(), flat2: nested.flat(2), flatInf: nested.flat(Infinity), flat0: nested.flat(0),
    flatMap: ["a b", "c"].flatMap((s) => s.split(" ")), flatMapDeep: [1, 2].flatMap((n) => [[n, n * 2]]),
    holes: [1, , 3].flat(),
  };
}
