// Reading a property of undefined inside the handler is a 500 with the TypeError (deliberate 500).
exports.handler = (req) => {
  const user = req.body;
  return { name: user.name };
};
