export default function () {
  const d = new Date(86400000 * 365.25 * 30);
  return { instanceOfDate: d instanceof Date, typeofDate: typeof d, isDateTag: Object.prototype.toString.call(d), fromDate: new Date(d).getTime() === d.getTime(), copyIndependent: (() => { const c = new Date(d); c.setUTCFullYear(1999); return d.getUTCFullYear(); })(), keys: Object.keys(d) };
}
