// `ctx.user` is the verified caller: `{ id, roles, claims }` (id from the token's `sub`).
module.exports = function me(req, ctx) {
  return { body: ctx.user };
};
