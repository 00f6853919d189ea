// A module-level /g regex keeps lastIndex between calls: a classic bug, reproduced exactly.
const DIGIT = /\d/g;
export default function () {
  return ["a1", "b2", "c3", "d4", "1", "1"].map((s) => DIGIT.test(s));
}
