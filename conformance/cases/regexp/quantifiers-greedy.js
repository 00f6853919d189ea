export default function () {
  const html = "<p>one</p><p>two</p>";
  return {
    greedy: html.match(/<p>.*<\/p>/)[0],
    lazy: html.match(/<p>.*?<\/p>/g),
    bounded: "aaaaa".match(/a{2,3}/g),
    exact: "1234567".match(/\d{3}/g),
    optional: ["color", "colour", "colouur"].map((w) => /^colou?r$/.test(w)),
    alternation: "cat dog bird".match(/cat|bird/g),
    anchors: ["abc", "xabc", "abcx"].map((w) => /^abc$/.test(w)),
    wordBoundary: "cat concat cats".match(/\bcat\b/g),
    emptyMatches: "abc".match(/x*/g),
  };
}
