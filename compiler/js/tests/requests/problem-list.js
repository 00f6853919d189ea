// Problems collected in a list, then refused together.
export function POST(req) {
  const { name, age, role } = req.body ?? {};
  const errors = [];
  if (typeof name !== "string" || name.trim().length === 0) errors.push("name is required");
  if (!Number.isInteger(age)) {
    errors.push("age must be a whole number");
  } else if (age < 0 || age > 150) {
    errors.push("age must be between 0 and 150");
  }
  if (role !== undefined && role !== "admin" && role !== "member") errors.push("role is admin or member");
  if (errors.length > 0) return { status: 422, body: { error: "invalid_person", errors } };
  return { status: 201, body: { name, age, role: role ?? "member" } };
}

// Pushes that cannot be read (in a loop) constrain nothing; the readable ones still do.
export function PUT(req) {
  const problems = [];
  for (const key of Object.keys(req.body ?? {})) problems.push(key);
  if (!req.body?.id) problems.push("id");
  if (problems.length) return { status: 400, body: { problems } };
  return { status: 204 };
}
