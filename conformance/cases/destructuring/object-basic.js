function handler() {
  const user = { id: 7, name: "Ada", role: undefined, meta: { tags: ["x"] } };
  const { id, name: fullName, role = "guest", missing = id * 2, meta: { tags: [firstTag] } } = user;
  return { id, fullName, role, missing, firstTag };
}
