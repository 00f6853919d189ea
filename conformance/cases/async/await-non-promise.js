module.exports = async () => {
  const values = [await 1, await "s", await null, await undefined, await { then: undefined }, await [1, 2]];
  const thenable = await { then(resolve) { resolve("from thenable"); } };
  return { values, thenable };
};
