// The `slugify` package (1.6.9, a UMD file as "main"), loaded from node_modules: its
// character map (accents, symbols, currencies), the options (replacement, lower, strict,
// trim, remove, locale), `extend` of the map, and its TypeError for a non-string.
// @request GET ?title=Hello%20W%C3%B6rld%20%26%20friends!
// @request GET ?title=%20%20spaces%20%20around%20%20
const slugify = require("slugify");

function attempt(run) {
  try {
    return run();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

module.exports = function handler(req) {
  const samples = ["Hello World", "Crème brûlée à la carte", "I ♥ Unicode", "$100 & 50€ or £5",
    "Ünïcödé Çhäràctérs", "foo_bar-baz  qux", "  lead and trail  ", "Привет мир", "東京", "a.b,c;d:e",
    "--dashes--", "ЁЖЗ ґєї", "1 + 1 = 2", "50% off*"];
  const plain = samples.map((text) => slugify(text));
  const options = samples.map((text) => [
    slugify(text, "_"),
    slugify(text, { lower: true }),
    slugify(text, { strict: true, lower: true }),
    slugify(text, { replacement: ".", trim: false }),
    slugify(text, { remove: /[*+~.()'"!:@]/g }),
  ]);
  const locales = ["de", "vi", "fr", "es"].map((locale) => slugify("Ä ö ü ß đ Đ & |", { locale }));
  slugify.extend({ "☢": "radioactive" });
  return {
    title: slugify(req.query_params.title ?? "", { lower: true, strict: true }),
    plain,
    options,
    locales,
    extended: slugify("unicode ☢ is ☢"),
    errors: [attempt(() => slugify(42)), attempt(() => slugify(undefined)), attempt(() => slugify(null))],
  };
};
