function handler() {
  const arr = [1, 2, NaN, "3", null, undefined, 2, -0];
  return [arr.includes(2), arr.includes("2"), arr.includes(NaN), arr.indexOf(NaN), arr.includes(undefined), arr.indexOf(null), arr.indexOf(2), arr.lastIndexOf(2), arr.indexOf(2, 2), arr.indexOf(2, -2), arr.includes(0), arr.indexOf(0), arr.lastIndexOf(1, -10), [, 1].includes(undefined), [, 1].indexOf(undefined)];
}
