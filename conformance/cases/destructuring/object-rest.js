export default function () {
  const { password, ...safe } = { user: "ada", password: "secret", email: "a@b.c", 1: "one" };
  const { a, ...empty } = { a: 1 };
  return { safe, empty, hasPassword: "password" in safe };
}
