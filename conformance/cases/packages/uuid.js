// The `uuid` package (14.0.3, an ES module package; "exports" picks `node` → dist-node/):
// what needs no randomness: validate, version, parse/stringify, NIL and MAX, name-based v3
// and v5, and v1/v6/v7 given their random bytes and time, with the errors for bad input.
// (v4, and v1/v7 without options, read crypto.getRandomValues: not compared.)
// @request GET ?name=example.com
import { MAX, NIL, parse, stringify, v1, v1ToV6, v3, v5, v6, v6ToV1, v7, validate, version } from "uuid";

function attempt(run) {
  try {
    return run();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

const random = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 0xff);

export default function handler(req) {
  const samples = [NIL, MAX, "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "not-a-uuid",
    "6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "6ba7b810-9dad-61d1-80b4-00c04fd430c8", ""];
  return {
    name: v5(req.query_params.name ?? "", v5.DNS),
    validated: samples.map((text) => [validate(text), attempt(() => version(text))]),
    v3: [v3("hello", v3.URL), v3("", v3.DNS)],
    v5: [v5("hello", v5.URL), v5("https://example.com/a?b", v5.URL)],
    roundTrip: stringify(parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")),
    parsed: Array.from(parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")),
    timed: [
      v1({ msecs: 1772600767089, nsecs: 42, clockseq: 0x1234, node: random.slice(0, 6) }),
      v6({ msecs: 1772600767089, nsecs: 42, clockseq: 0x1234, node: random.slice(0, 6) }),
      v7({ msecs: 1772600767089, seq: 7, random }),
    ],
    converted: [v1ToV6("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), v6ToV1("1d19dad6-ba7b-6810-80b4-00c04fd430c8")],
    errors: [attempt(() => parse("nope")), attempt(() => v5("x", "bad-namespace")), attempt(() => stringify([1, 2, 3]))],
  };
}
