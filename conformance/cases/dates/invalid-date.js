export default function () {
  const bad = new Date("not a date");
  let isoError;
  try { bad.toISOString(); } catch (e) { isoError = `${e.name}: ${e.message}`; }
  return { getTime: String(bad.getTime()), json: bad.toJSON(), inJson: { bad }, string: String(bad), isoError, isNaN: isNaN(bad), parse: String(Date.parse("garbage")), overflow: String(new Date(8.64e15 + 1).getTime()), max: new Date(8.64e15).toISOString() };
}
