exports.handler = () => {
  const users = [{ id: 1, role: "admin" }, { id: 2, role: "user" }, { id: 3, role: "user" }];
  return {
    find: users.find((u) => u.role === "user"),
    findMissing: users.find((u) => u.role === "guest"),
    findIndex: users.findIndex((u) => u.id === 3),
    findIndexMissing: users.findIndex((u) => u.id === 9),
    findLast: users.findLast((u) => u.role === "user"),
    findLastIndex: users.findLastIndex((u) => u.role === "admin"),
    some: users.some((u) => u.role === "admin"),
    every: users.every((u) => u.id > 0),
    emptyEvery: [].every(() => false),
    emptySome: [].some(() => true),
  };
};
