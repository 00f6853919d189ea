exports.handler = async () => {
  const order = [];
  const job = async (id) => { order.push(`start ${id}`); await Promise.resolve(); order.push(`end ${id}`); return id; };
  const seq = [];
  for (const id of [1, 2]) seq.push(await job(id));
  const par = await Promise.all([3, 4].map(job));
  return { seq, par, order };
};
