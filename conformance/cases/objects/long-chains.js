// A linked list of 100 000 nodes and arrays nested 50 000 deep, built and let go in one
// request: freeing them must not recurse once per level (the server would overflow its stack).
module.exports = () => {
  let head = null;
  for (let i = 0; i < 100000; i++) head = { value: i, next: head };
  let length = 0;
  let sum = 0;
  for (let node = head; node !== null; node = node.next) {
    length++;
    sum += node.value;
  }
  let nested = [];
  for (let i = 0; i < 50000; i++) nested = [nested];
  let depth = 0;
  for (let at = nested; at.length > 0; at = at[0]) depth++;
  head = null;
  nested = null;
  return { length, sum, depth };
};
