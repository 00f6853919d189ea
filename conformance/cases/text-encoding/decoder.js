// TextDecoder: UTF-8 with replacement characters, BOM handling, fatal mode, UTF-16LE, and the
// errors for unknown labels and bad input.
module.exports = () => {
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      return `${e.name}: ${e.message} (${e.code})`;
    }
  };
  const decoder = new TextDecoder();
  const bytes = (list) => new Uint8Array(list);
  return {
    props: [decoder.encoding, decoder.fatal, decoder.ignoreBOM, new TextDecoder("UTF8").encoding],
    plain: decoder.decode(bytes([104, 105])),
    invalid: decoder.decode(bytes([0xff, 0x61, 0xc3, 0x62, 0xe2, 0x82])),
    overlong: decoder.decode(bytes([0xc0, 0xaf, 0xed, 0xa0, 0x80])),
    bom: decoder.decode(bytes([0xef, 0xbb, 0xbf, 0x61])),
    keepBom: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes([0xef, 0xbb, 0xbf, 0x61])).length,
    arrayBuffer: decoder.decode(new TextEncoder().encode("€").buffer),
    empty: decoder.decode(),
    roundTrip: decoder.decode(new TextEncoder().encode("naïve 😀")),
    utf16: new TextDecoder("utf-16le").decode(bytes([0x68, 0, 0x69, 0])),
    fatal: attempt(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes([0xff]))),
    fatalOk: new TextDecoder("utf-8", { fatal: true }).decode(bytes([0x6f, 0x6b])),
    unknown: attempt(() => new TextDecoder("nope")),
    notBytes: attempt(() => decoder.decode("abc")),
  };
};
