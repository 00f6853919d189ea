// An ES module's default export reads ctx through a helper it passes it to.
const describe = (ctx) => ({ log: typeof ctx.log, env: typeof ctx.env });
export default async function (req, ctx) {
  return describe(ctx);
}
