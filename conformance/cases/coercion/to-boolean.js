exports.handler = () => [Boolean(""), Boolean("false"), Boolean(0), Boolean("0"), Boolean(NaN), Boolean([]), Boolean({}), Boolean(null), Boolean(-0), !!document_is_undefined()];
function document_is_undefined() { return typeof document === "undefined"; }
