// @request POST {"s": "\u00e9\u4e2d\ud83d\ude00", "raw": "é中😀", "ctrl": "\u0001\t\n", "lone": "\ud800"}
export default function (req) {
  const { s, raw, ctrl, lone } = req.body;
  return { same: s === raw, lengths: [s.length, raw.length, ctrl.length, lone.length], ctrl, lone, codes: [...raw].map((c) => c.codePointAt(0)) };
}
