exports.handler = () => ({ status: 200, body: "Grüße 👋\r\nzweite Zeile\u0000nul\u2028sep" });
