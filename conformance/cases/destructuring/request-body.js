// @request POST {"user": {"name": "Ada", "langs": ["js", "rust", "go"]}, "page": 2}
// @request POST {"user": {"name": "Bob"}}
export default function ({ body: { user: { name, langs: [primary = "none", ...others] = [] }, page = 1 } }) {
  return { name, primary, others, page };
}
