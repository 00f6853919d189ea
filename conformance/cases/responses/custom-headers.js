exports.handler = () => ({
  status: 200,
  headers: { "X-Custom": "value", "x-number": 42, "X-Bool": true, "x-null": null, "x-undefined": undefined, "x-array": [1, 2], "x-float": 0.5, "Cache-Control": "no-store" },
  body: { ok: true },
});
