// Arrays built with map, text bodies, and spreads that leave members open.
const rows = [{ id: 1, name: "a" }];

exports.handler = (req) => {
  if (req.query_params.format === "text") {
    return { headers: { "content-type": "text/plain" }, body: rows.map((row) => row.name).join("\n") };
  }
  return { body: rows.map((row) => ({ ...row, url: `/rows/${row.id}` })) };
};
