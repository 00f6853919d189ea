exports.handler = async () => {
  const p = Promise.resolve(5);
  const same = Promise.resolve(p) === p;
  const chained = await Promise.resolve(1).then((x) => x + 1).then((x) => x * 10);
  const nested = await Promise.resolve(Promise.resolve("deep"));
  const caught = await Promise.reject(new Error("bad")).catch((e) => `caught ${e.message}`);
  let fin = [];
  await Promise.resolve("v").finally(() => fin.push("finally ran"));
  return { same, chained, nested, caught, fin };
};
