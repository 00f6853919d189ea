exports.handler = async (req) => {
  const steps = [1, 2, 3, 4];
  const total = await steps.reduce(async (accP, n) => (await accP) + n * n, Promise.resolve(0));
  const mapped = steps.map(async (n) => n);
  return { total, mappedArePromises: mapped.every((p) => p instanceof Promise), jsonOfPromise: JSON.stringify({ p: Promise.resolve(1) }) };
};
