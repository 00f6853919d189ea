// @request POST {"text": "héllo wörld 日本 😀", "escaped": "\u00e9\ud83d\ude00", "sep": "\u2028"}
module.exports = (req) => {
  const { text, escaped, sep } = req.body;
  return { text, length: text.length, points: [...text].length, escaped, escapedLength: escaped.length, sep, sepLength: sep.length, upper: text.toUpperCase() };
};
