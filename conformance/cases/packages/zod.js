// The `zod` package (4.6.7, an ES module package): schemas for a request body, parse and
// safeParse with the issues zod reports, transforms and defaults.
// @request POST {"name": "Ada", "age": 36, "email": "ada@example.com", "tags": ["x"]}
// @request POST {"name": "", "age": -1, "email": "nope"}
// @request POST text:not json
import { z } from "zod";

const User = z.object({
  name: z.string().min(1),
  age: z.number().int().nonnegative(),
  email: z.string().email(),
  tags: z.array(z.string()).default([]),
  role: z.enum(["admin", "member"]).optional(),
});

export default function handler(req) {
  const result = User.safeParse(req.body);
  return {
    success: result.success,
    data: result.success ? result.data : null,
    issues: result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.message })),
    coerced: z.coerce.number().safeParse("42").data,
    transformed: z.string().transform((text) => text.length).parse("hello"),
    union: z.union([z.string(), z.number()]).safeParse(true).success,
  };
}
