// An uncaught builtin RangeError (deliberate 500).
function handler() {
  return (3.14159).toFixed(200);
}
