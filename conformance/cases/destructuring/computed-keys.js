function handler() {
  const field = "email";
  const { [field]: value, ["na" + "me"]: n } = { email: "a@b.c", name: "Ada" };
  const { 0: zero, length } = ["z", "o"];
  const { length: strLen } = "hello";
  return { value, n, zero, length, strLen };
}
