// A subclass that does not set name reports "Error" (deliberate 500).
class NotFound extends Error {}
module.exports = () => {
  throw new NotFound("missing thing");
};
