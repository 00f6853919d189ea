module.exports = (req) => {
  const values = [0, -0, 1, -1, "", " ", "0", "false", null, undefined, NaN, [], {}, Infinity, 0.1];
  return {
    truthy: values.map((v) => !!v),
    boolean: values.map(Boolean),
    filtered: values.filter(Boolean).length,
  };
};
