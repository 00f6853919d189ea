exports.handler = function () {
  return [
    String(1), String(-1.5), String(true), String(null), String(undefined), String([1, [2, 3]]),
    String({}), String([]), String([null]), String([undefined, 1]), String(function f() {}.name),
    String(123456789012345680000), String(0.1 + 0.2), String(1e21), String(1e-7), String(-1e-7),
    String(123e-20), String(2 ** 53), String(Number.MAX_VALUE), String(Number.MIN_VALUE),
  ];
};
