// An indented document as a text body.
export default function () {
  const doc = { name: "backworks", version: 1.5, tags: ["a", "b"], deps: { x: { y: [1, [2, { z: null }]] } }, empty: { o: {}, a: [] } };
  return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(doc, null, 2) + "\n" };
}
