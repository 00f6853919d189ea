module.exports = () => ({
  letters: "héllo wörld 123 日本".match(/\p{L}+/gu),
  emoji: "a😀b🎉".match(/\p{Extended_Pictographic}/gu),
  script: "abc αβγ".match(/\p{Script=Greek}+/u)[0],
  wordAscii: "héllo".match(/\w+/g),
  caseInsensitiveUnicode: /ÉCOLE/i.test("école"),
  codePointEscape: /\u{1F600}/u.test("😀"),
  digitClass: "٣3".match(/\d/g),
  surrogateClass: "😀".match(/[😀]/u)[0].length,
});
