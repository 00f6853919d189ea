export default function () {
  let total = 0;
  const log = [];
  const add = (n) => { total += n; log.push(`+${n}=${total}`); };
  const double = () => { total *= 2; log.push(`*2=${total}`); };
  add(3); double(); add(1);
  const readLater = () => total;
  total = 100;
  return { total, log, readLater: readLater() };
}
