// The `nanoid` package (5.1.12, an ES module package) through its "./non-secure" export,
// which draws from Math.random (seeded alike on both sides by the harness): ids of the
// default and given sizes, and custom alphabets.
// @request GET
// @request GET ?size=5
import { customAlphabet, nanoid } from "nanoid/non-secure";

const hex = customAlphabet("0123456789abcdef", 12);
const digits = customAlphabet("0123456789");

export default function handler(req) {
  const size = req.query_params.size ? Number(req.query_params.size) : undefined;
  return {
    id: nanoid(size),
    sizes: [nanoid(), nanoid(1), nanoid(0), nanoid(3.7), nanoid(40)],
    hex: [hex(), hex(4)],
    digits: digits(),
    shape: /^[A-Za-z0-9_-]{21}$/.test(nanoid()),
  };
}
