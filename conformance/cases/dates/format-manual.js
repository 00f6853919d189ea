// Formatting dates by hand, the portable way.
exports.handler = () => {
  const d = new Date(Date.UTC(2024, 2, 5, 7, 8, 9));
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return {
    ymd: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    hms: [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => pad(n)).join(":"),
    pretty: `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
    isoDate: d.toISOString().slice(0, 10),
    isoSplit: d.toISOString().split("T"),
    unix: Math.floor(d.getTime() / 1000),
  };
};
