// The `validator` package (13.15.35, Babel-compiled CommonJS, one file per validator): the
// common validators over good and bad input, sanitizers, and the TypeError for a non-string.
// @request GET ?email=someone%40example.com
// @request GET ?email=not%20an%20email
const validator = require("validator");

function attempt(run) {
  try {
    return run();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

module.exports = function handler(req) {
  const checks = {
    isEmail: ["a@b.co", "first.last+tag@sub.example.org", "no-at-sign", "a@b", "\"quoted\"@example.com"],
    isURL: ["https://example.com/path?q=1", "example.com", "ftp://x.y", "http://localhost:3000", "not a url"],
    isUUID: ["6ba7b810-9dad-11d1-80b4-00c04fd430c8", "6ba7b810-9dad-11d1-80b4", "00000000-0000-0000-0000-000000000000"],
    isIP: ["127.0.0.1", "256.1.1.1", "::1", "2001:db8::ff00:42:8329", "1.2.3"],
    isInt: ["42", "-7", "4.2", "", "0x1A"],
    isFloat: ["4.2", "-0.5", "1e5", "abc", "."],
    isNumeric: ["123", "12.5", "-1", "1e5"],
    isAlphanumeric: ["abc123", "abc-123", "ÄÖÜ"],
    isHexColor: ["#fff", "#ABCDEF", "fff", "#ggg"],
    isJSON: ["{\"a\":1}", "[1,2]", "{a:1}", "1"],
    isISO8601: ["2026-03-04", "2026-03-04T05:06:07Z", "2026-13-01", "04/03/2026"],
    isCreditCard: ["4111111111111111", "4111111111111112", "5500 0000 0000 0004"],
    isSlug: ["hello-world", "Hello World", "a--b"],
    isStrongPassword: ["Abcdef1!", "password", "P4ss!"],
    isBase64: ["aGVsbG8=", "aGVsbG8", "not base64!"],
    isMobilePhone: ["+14155552671", "0612345678", "12"],
    isLatLong: ["40.7128,-74.0060", "91,0", "(-17.738223, 85.605469)"],
    isPort: ["8080", "65536", "-1"],
    isMACAddress: ["01:23:45:67:89:ab", "01-23-45-67-89-AB", "0123.4567.89ab", "zz:zz"],
    isSemVer: ["1.2.3", "1.2.3-beta.1+build.5", "1.2"],
    isJWT: ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "a.b", "not.a.jwt!"],
    isDate: ["2026-03-04", "2026/03/04", "2026-02-30", "yesterday"],
    isBoolean: ["true", "1", "yes", "FALSE"],
    isLowercase: ["abc", "aBc"],
    isFQDN: ["example.com", "localhost", "-bad.com", "a.b.c.d"],
    isHexadecimal: ["deadBEEF", "0x1f", "xyz"],
    isAscii: ["plain", "naïve"],
    isMimeType: ["application/json", "text/plain; charset=utf-8", "nope"],
    isDataURI: ["data:text/plain;base64,SGk=", "data:,Hello", "http://x"],
    isHash: ["d41d8cd98f00b204e9800998ecf8427e", "xyz"],
    isMongoId: ["507f1f77bcf86cd799439011", "507f1f77"],
    isIBAN: ["DE89370400440532013000", "DE89370400440532013001"],
    isISBN: ["978-3-16-148410-0", "3-16-148410-X", "123"],
    isEAN: ["4006381333931", "4006381333932"],
    isTime: ["13:45", "25:00", "09:30:15"],
    isRgbColor: ["rgb(255,0,0)", "rgba(0,0,0,0.5)", "rgb(256,0,0)"],
    isCurrency: ["$10.00", "-$1,000.50", "10.001"],
    isEmpty: ["", " "],
    isLocale: ["en-US", "zz_ZZ_ZZ", "de"],
    isOctal: ["0o17", "78"],
  };
  const results = {};
  for (const [name, inputs] of Object.entries(checks)) {
    results[name] = inputs.map((input) => attempt(() => validator[name](input)));
  }
  return {
    email: validator.isEmail(req.query_params.email ?? ""),
    normalized: validator.normalizeEmail(req.query_params.email ?? ""),
    results,
    options: [
      validator.isInt("15", { min: 10, max: 20 }),
      validator.isInt("25", { min: 10, max: 20 }),
      validator.isLength("héllo", { min: 2, max: 4 }),
      validator.isURL("example.com", { require_protocol: true }),
      validator.isAlpha("Grüße", "de-DE"),
      validator.isPostalCode("10115", "DE"),
      validator.isMobilePhone("+4915123456789", "de-DE"),
    ],
    sanitized: [
      validator.escape("<a href=\"x\">'&'</a>"),
      validator.unescape("&lt;b&gt; &amp; &#x27;"),
      validator.trim("  padded  "),
      validator.ltrim("xxhixx", "x"),
      validator.rtrim("xxhixx", "x"),
      validator.toInt("42px"),
      validator.toFloat("3.14abc"),
      validator.toBoolean("true"),
      validator.toBoolean("0"),
      validator.blacklist("a-b_c", "\\-_"),
      validator.whitelist("a-b_c", "a-c"),
      validator.stripLow("a\u0001b\nc"),
      validator.normalizeEmail("Some.One+tag@GMail.com"),
    ],
    more: [
      validator.contains("Hello World", "world", { ignoreCase: true }),
      validator.equals("a", "a"),
      validator.matches("abc123", /^[a-z]+\d+$/),
      validator.isIn("b", ["a", "b"]),
      validator.isByteLength("héllo", { min: 6 }),
      validator.isDivisibleBy("21", 7),
      validator.isAfter("2026-03-05", "2026-03-04"),
      validator.isBefore("2020-01-01", "2021-01-01"),
      validator.isEmail("user@localhost", { require_tld: false }),
      validator.isURL("http://user:pass@host.com:8080/p?q=1#h", { require_valid_protocol: true }),
      validator.isStrongPassword("Abcdef1!", { returnScore: true }),
      validator.normalizeEmail("Foo.Bar@Googlemail.com", { gmail_remove_dots: false }),
      validator.toDate("2026-03-04T00:00:00Z").toISOString(),
      validator.toDate("garbage"),
    ],
    version: validator.version,
    errors: [attempt(() => validator.isEmail(42)), attempt(() => validator.isURL(null)), attempt(() => validator.isInt(undefined))],
  };
};
