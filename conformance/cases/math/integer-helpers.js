export default function () {
  return { clz32: [1, 0, -1, 2 ** 31].map(Math.clz32), imul: [Math.imul(3, 4), Math.imul(0xffffffff, 5), Math.imul(2 ** 31, 2)], fround: [Math.fround(5.5), Math.fround(5.05), Math.fround(2 ** 128)].map(String) };
}
