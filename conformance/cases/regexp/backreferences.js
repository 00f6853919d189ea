exports.handler = () => ({
  doubled: "hello book keeper".match(/(\w)\1/g),
  quotes: `say "hi" and 'bye'`.match(/(["'])(.*?)\1/g),
  named: /(?<q>["']).*?\k<q>/.exec(`x 'y' z`)[0],
  repeatedWord: "the the quick quick fox".replace(/\b(\w+) \1\b/g, "$1"),
  forwardRef: /\1(a)/.exec("aa")[0],
  html: "<b>bold</b><i>x</b>".match(/<(\w+)>[^<]*<\/\1>/g),
});
