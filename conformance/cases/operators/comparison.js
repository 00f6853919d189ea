export default function () {
  return [
    1 < 2, 2 <= 2, 3 > 4, 4 >= 4, "2" > 1, "abc" < "abd", null >= 0, null > 0, null == 0, undefined == 0,
    undefined < 1, NaN < 1, NaN >= NaN, [2] > 1, "10" > "9", 10 > "9", "a" > 1, true > false, [1, 2] < [1, 3], null < 1,
  ];
}
