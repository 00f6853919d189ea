export default function () {
  const user = { id: 1, name: "Ada", password: "x", nested: { id: 2, name: "inner", secret: 1 }, 3: "three" };
  return [JSON.stringify(user, ["name", "id"]), JSON.stringify(user, ["nested", "name"]), JSON.stringify(user, [3, "id"]), JSON.stringify(user, []), JSON.stringify([{ a: 1, b: 2 }], ["b"])];
}
