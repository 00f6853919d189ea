exports.handler = () => {
  const sparse = [1, , 3];
  return { json: sparse, length: sparse.length, map: sparse.map((x) => x * 2), filter: sparse.filter(() => true), spread: [...sparse], join: sparse.join("-"), inCheck: 1 in sparse, keys: Object.keys(sparse), entries: [...sparse.entries()] };
};
