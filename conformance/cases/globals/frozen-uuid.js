// crypto.randomUUID() is frozen on both sides and shares Math.random()'s generator: the ids
// themselves reach the response.
// @request GET
export default function () {
  const ids = [crypto.randomUUID(), crypto.randomUUID()];
  const between = Math.random();
  const token = Array.from({ length: 4 }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, "0")).join("");
  return { ids, between, token, third: crypto.randomUUID() };
}
