export default function () {
  const f = (v) => {
    switch (v) {
      default:
        return "default";
      case "a":
        return "A";
      case "b":
      case "c":
        return "B or C";
    }
  };
  const g = (v) => { let r = ""; switch (true) { case v > 10: r += "big"; break; case v > 5: r += "mid"; break; default: r += "small"; } return r; };
  const h = (v) => { let n = 0; switch (v) { default: n += 1; case 1: n += 10; } return n; };
  return { f: ["a", "b", "c", "z"].map(f), g: [20, 7, 1].map(g), h: [1, 2].map(h) };
}
