// A handler parsing its raw query string with `querystring`, as Express-era code does, and
// building a link back.
// @request GET ?tag=a&tag=b&q=hello+world&empty=
// @request GET ?q=%E4%B8%AD%E6%96%87
import { parse, stringify } from "node:querystring";

export function GET(req) {
  const raw = Object.entries(req.query_params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
  const query = parse(raw);
  return { query, next: stringify({ ...query, page: 2 }) };
}
