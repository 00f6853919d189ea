async function fetchUser(id) {
  return { id, name: `user${id}` };
}
async function handler(req) {
  const user = await fetchUser(7);
  const direct = fetchUser(8);
  return { user, isPromise: direct instanceof Promise, awaited: await direct, plain: await 42 };
}
