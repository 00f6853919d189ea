// JSON.parse edge cases around its fast paths: escape-free strings, short numbers, shared keys
// and records that repeat (or almost repeat) the keys of the one before.
function handler() {
  const texts = [
    '["plain", "esc\\"aped", "tab\\there", "\\u0041\\u00e9\\u4e2d", "\\ud83d\\ude00", "\\ud800", "\\udc00x", "\\/", "é中😀", ""]',
    "[0, -0, 1, -1, 7, 123456789012345, 1234567890123456, 12345678901234567890, 9007199254740993]",
    "[0.5, -0.5, 1.25, 0.1, 0.2, 0.30000000000000004, 3.14159265358979, 123456.789012345, 1.0000000000000002, 0.000001, 1e-7]",
    "[1e0, 1E+2, 2.5e-3, -1e21, 1e308, 1e309, -1e400, 5e-324, 4e-325, 0e0, 0.0, -0.0, 100000000000000000000000]",
    '{"a":1,"a":2,"b":3,"a":4}',
    '{"__proto__":{"x":1},"constructor":2,"toString":3}',
    '{"b":1,"2":2,"1":3,"a":4,"01":5,"-1":6,"4294967295":7,"4294967294":8}',
    ' \t\n\r[ 1 , { "k" : [ ] , "e" : { } } , "s" ] \n ',
    '[{"id":1,"name":"a"},{"id":2,"name":"b"},{"name":"c","id":3},{"id":4},{"id":5,"name":"e","extra":true},{"id":6,"id":7},{"\\u0069d":8,"name":"h"},{"1":"x","id":9},{"id":10,"name":"j"}]',
    '[{"k":{"k":{"k":1}}},{"k":{"k":{"k":2}}},{"k":{"j":{"k":3}}},{"k":[{"k":4}]}]',
    '[{"é":1,"ü":2},{"é":3,"ü":4},{"e":5,"ü":6}]',
    '{"aVeryLongKeyThatIsLongerThanThirtyTwoCharacters":1,"aVeryLongKeyThatIsLongerThanThirtyTwoCharacters":2}',
  ];
  return texts.map((text) => {
    const value = JSON.parse(text);
    return {
      again: JSON.stringify(value),
      keys: value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : null,
      recordKeys: Array.isArray(value) ? value.map((item) => (item && typeof item === "object" ? Object.keys(item) : typeof item)) : null,
      negativeZero: Array.isArray(value) ? value.map((item) => Object.is(item, -0)) : null,
      lengths: Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item.length : null)) : null,
    };
  });
}
module.exports = handler;
