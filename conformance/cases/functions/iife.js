const config = (function () {
  const env = "prod";
  return { env, url: `https://${env}.example.com` };
})();
const counter = (() => { let n = 0; return () => ++n; })();
function handler() {
  counter();
  return { config, count: counter(), value: (function (x) { return x * 3; })(7), arrow: ((a, b) => a - b)(10, 4) };
}
