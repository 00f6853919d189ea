// An ES module importing JSON with `with { type: "json" }`: the default export is the parsed
// file, the same object `require` gives.
// @request GET
import config from "../_helpers/service-config.json" with { type: "json" };

export function GET() {
  return { name: config.name, tags: config.tags, max: typeof config.limits.max };
}
