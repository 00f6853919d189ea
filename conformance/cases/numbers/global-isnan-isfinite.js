// The global isNaN/isFinite coerce; the Number versions do not.
export default function (req) {
  const inputs = [NaN, "abc", "12", "", null, undefined, true, [], {}, "1e5", Infinity, "Infinity"];
  return {
    isNaN: inputs.map((v) => isNaN(v)),
    isFinite: inputs.map((v) => isFinite(v)),
    numberIsNaN: inputs.map((v) => Number.isNaN(v)),
    numberIsFinite: inputs.map((v) => Number.isFinite(v)),
  };
}
