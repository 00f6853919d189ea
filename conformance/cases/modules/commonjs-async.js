module.exports = async function (req, ctx) {
  const value = await Promise.resolve("async commonjs");
  return { shape: value, ctxKeys: Object.keys(ctx).sort() };
};
