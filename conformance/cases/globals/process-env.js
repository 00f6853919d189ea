// `process.env`: the server's environment as strings; missing names are undefined.
// @request GET
// @request GET ?name=BACKWORKS_FROZEN_RANDOM_SEED
module.exports = function handler(req) {
  const name = req.query_params.name ?? "BACKWORKS_FROZEN_TIME_MS";
  const { BACKWORKS_FROZEN_TIME_MS: frozen, NOT_SET_ANYWHERE_42 = "fallback" } = process.env;
  return {
    value: process.env[name],
    typeofValue: typeof process.env[name],
    frozenAsNumber: Number(process.env.BACKWORKS_FROZEN_TIME_MS),
    destructured: [frozen, NOT_SET_ANYWHERE_42],
    missing: process.env.NOT_SET_ANYWHERE_42,
    missingIn: "NOT_SET_ANYWHERE_42" in process.env,
    presentIn: name in process.env,
    listed: Object.keys(process.env).includes(name),
    typeofEnv: typeof process.env,
    port: parseInt(process.env.NOT_SET_ANYWHERE_42 || "3000", 10),
  };
};
