export default function () {
  return {
    and: 12 & 10, or: 12 | 10, xor: 12 ^ 10, not: ~5, notNeg: ~-1, shl: 1 << 31, shl32: 1 << 32, shr: -16 >> 2, ushr: -16 >>> 2,
    ushr0: -1 >>> 0, truncate: 3.7 | 0, negTruncate: -3.7 | 0, big: 2 ** 32 + 5 | 0, doubleNot: ~~"42.9", strOr: "12" | 1,
    nanOr: NaN | 0, infOr: Infinity | 0, mask: (0xdeadbeef & 0xffff).toString(16), shiftNeg: 1 << -1, largeShr: 2 ** 40 >> 1,
  };
}
