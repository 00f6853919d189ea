function handler() {
  return { string: [String(123), String(null), String([1, 2]), String(true), String(), String(undefined)], boolean: [Boolean(), Boolean(1), Boolean("x"), Boolean(""), Boolean({})], number: [Number(), Number("12")], typeofs: [typeof String(1), typeof Boolean(1), typeof Number("1")] };
}
