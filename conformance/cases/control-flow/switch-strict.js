// switch compares with ===, so "1" does not match 1 and NaN matches nothing.
export default function () {
  const pick = (v) => {
    switch (v) {
      case 1: return "number 1";
      case "1": return "string 1";
      case null: return "null";
      case undefined: return "undefined";
      case NaN: return "NaN";
      case 0: return "zero";
      default: return "default";
    }
  };
  return [1, "1", null, undefined, NaN, -0, true, [1]].map(pick);
}
