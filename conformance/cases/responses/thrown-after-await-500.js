// Throwing a plain object from an async handler (deliberate 500).
module.exports = async () => {
  await null;
  throw { code: "E_OBJ", message: "not an Error instance" };
};
