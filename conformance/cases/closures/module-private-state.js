// A closure over module state keeps counting across requests.
// @request GET
// @request GET
// @request GET
const createIdGenerator = (prefix) => {
  let next = 1;
  return () => `${prefix}-${String(next++).padStart(3, "0")}`;
};
const nextId = createIdGenerator("req");
function handler() {
  return { id: nextId() };
}
