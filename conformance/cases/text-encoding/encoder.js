// TextEncoder: UTF-8 bytes, lone surrogates become U+FFFD, encodeInto never writes half a
// character.
module.exports = () => {
  const encoder = new TextEncoder();
  const destination = new Uint8Array(5);
  const into = encoder.encodeInto("a€b", destination);
  const tight = encoder.encodeInto("€€", new Uint8Array(4));
  return {
    encoding: encoder.encoding,
    ascii: Array.from(encoder.encode("hi")),
    accented: Array.from(encoder.encode("é")),
    emoji: Array.from(encoder.encode("😀")),
    lone: Array.from(encoder.encode("a\uD800b")),
    trailingLone: Array.from(encoder.encode("\uDC00")),
    empty: encoder.encode().length,
    number: Array.from(encoder.encode(5)),
    isUint8Array: encoder.encode("x") instanceof Uint8Array,
    into,
    destination: Array.from(destination),
    tight,
    json: JSON.stringify(encoder),
  };
};
