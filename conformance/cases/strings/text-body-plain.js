// A string body is served as text/plain exactly as is.
// @request GET
module.exports = () => "héllo 😀\nsecond line\ttab \u2028 end";
