// The `nanoid` package (5.1.12) through its main export, whose ids come from node:crypto's
// random bytes (not compared): their shape and lengths, and its alphabet.
// @request GET
import { customAlphabet, nanoid, urlAlphabet } from "nanoid";

export default function handler() {
  const ids = [nanoid(), nanoid(10), customAlphabet("abc", 8)()];
  return {
    lengths: ids.map((id) => id.length),
    shapes: [/^[A-Za-z0-9_-]{21}$/.test(ids[0]), /^[A-Za-z0-9_-]{10}$/.test(ids[1]), /^[abc]{8}$/.test(ids[2])],
    urlAlphabet,
  };
}
