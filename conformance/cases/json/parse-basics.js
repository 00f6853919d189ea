function handler() {
  return [
    JSON.parse("1"), JSON.parse('"s"'), JSON.parse("true"), JSON.parse("null"), JSON.parse("[1, 2.5e3, -0.5]"),
    JSON.parse('{"a": {"b": [1, {"c": "\\u00e9\\n"}]}}'), JSON.parse(' \n\t{"k":1} '), JSON.parse("1E400"), JSON.parse("-0"),
    JSON.parse('"\\ud83d\\ude00"'), JSON.parse('{"__proto__": 1}'), JSON.parse('{"a":1,"a":2}'), JSON.parse('{"2":"b","1":"a","x":0}'),
    Object.is(JSON.parse("-0"), -0),
  ];
}
