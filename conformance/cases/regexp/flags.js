function handler() {
  return {
    g: "a1b2c3".match(/\d/g),
    i: /HELLO/i.test("hello"),
    m: "line1\nline2\nline3".match(/^line\d$/gm),
    noM: "line1\nline2".match(/^line\d$/g),
    s: /a.b/s.test("a\nb"),
    noS: /a.b/.test("a\nb"),
    u: "😀".match(/./u)[0].length,
    noU: "😀".match(/./)[0].length,
    uCount: "a😀b".match(/./gu).length,
    flagsProp: [/x/gimsuy.flags, /x/d.flags, /x/.flags],
    props: (() => { const r = /x/gi; return [r.global, r.ignoreCase, r.multiline, r.sticky, r.unicode, r.dotAll, r.hasIndices, r.source]; })(),
  };
}
