// A thrown Error becomes a 500 (deliberate 500).
export default function () {
  throw new Error("something broke");
}
