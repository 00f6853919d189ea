// @request POST {"title": "Hello"}
// @request POST {"title": "World"}
let nextId = 100;
module.exports = (req) => {
  const id = nextId++;
  return { status: 201, headers: { Location: `/posts/${id}` }, body: { id, ...req.body } };
};
