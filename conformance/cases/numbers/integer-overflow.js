function handler() {
  return {
    maxSafePlusOne: Number.MAX_SAFE_INTEGER + 1,
    maxSafePlusTwo: Number.MAX_SAFE_INTEGER + 2,
    large: 123456789 * 987654321,
    square: 99999999 * 99999999,
    overflow: String(Number.MAX_VALUE * 2),
    underflow: Number.MIN_VALUE / 2,
    int32: 2147483647 + 1,
    shifted: (2147483647 + 1) | 0,
    fact20: [...Array(20).keys()].reduce((acc, i) => acc * (i + 1), 1),
    fact25: String([...Array(25).keys()].reduce((acc, i) => acc * (i + 1), 1)),
  };
}
