module.exports = () => {
  const state = { users: [{ id: 1, name: "a" }], meta: { count: 1 } };
  const copy = { ...state };
  copy.meta.count = 99;
  copy.users = [...copy.users, { id: 2, name: "b" }];
  state.users[0].name = "changed";
  return { state, copy };
};
